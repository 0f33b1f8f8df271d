// The terminal's line discipline (a tty in canonical mode): typed characters are echoed and edited
// until Enter completes a line, the way `nc -lk` reads its stdin. Pure: bytes in, echo and lines out.
export interface LineInput {
  echo: string; // what the terminal should print
  lines: string[]; // completed lines, without their newline
}

export class LineDiscipline {
  private current = '';

  get pending(): string {
    return this.current;
  }

  feed(data: string): LineInput {
    let echo = '';
    const lines: string[] = [];
    // A paste of "a\r\nb" is one line break, not two.
    const text = data.replace(/\r\n/g, '\r');
    for (const ch of Array.from(text)) {
      if (ch === '\r' || ch === '\n') {
        lines.push(this.current);
        this.current = '';
        echo += '\r\n';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.current.length > 0) {
          const chars = Array.from(this.current);
          chars.pop();
          this.current = chars.join('');
          echo += '\b \b';
        }
      } else if (ch === '\x15' || ch === '\x03') {
        // Ctrl-U / Ctrl-C: drop the line being typed.
        echo += '\b \b'.repeat(Array.from(this.current).length) + (ch === '\x03' ? '^C\r\n' : '');
        this.current = '';
      } else if (ch === '\x1b') {
        // Escape sequences (arrow keys) are not part of a line; the rest of this chunk is the sequence.
        break;
      } else if (ch >= ' ') {
        this.current += ch;
        echo += ch;
      }
    }
    return { echo, lines };
  }
}
