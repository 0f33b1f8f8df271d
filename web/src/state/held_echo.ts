// The terminal's echo of Enter waits until the engine has the line (with the default trigger its
// batch comes back in the same message) and is printed after the frame that paints that batch. Echoed
// at once, Enter would start a frame of its own, and the batch, a few ms later, would wait for the next
// vsync behind it. Whatever is typed while a line waits is held behind it, in order. Pure: the terminal
// pane owns the timer that bounds the wait.
export class HeldEcho {
  private held = '';

  get waiting(): boolean {
    return this.held !== '';
  }

  // What to print now of `echo`, the echo of input that completed `lines` lines.
  typed(echo: string, lines: number): string {
    if (lines === 0 && this.held === '') return echo;
    this.held += echo;
    return '';
  }

  // The engine accepted the lines (or the wait timed out): everything held, to print now.
  release(): string {
    const out = this.held;
    this.held = '';
    return out;
  }
}
