// The terminal pane (xterm.js), titled like the course's command `nc -lk 9999`. In "netcat" mode the pane
// is the netcat server: typed lines go to the socket source. In "mirror" mode the page is served by
// `runnel serve` and a real nc is listening: the pane shows the lines that arrive through the relay.
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { HeldEcho } from '../state/held_echo';
import { LineDiscipline } from '../state/line_discipline';
import { afterNextFrame } from './after_next_frame';

export type TerminalMode = 'netcat' | 'mirror';

export interface TerminalPane {
  setPort(port: number): void;
  setMode(mode: TerminalMode, detail: string): void;
  mirror(lines: string[]): void;
  setNote(text: string | null): void; // a short note under the screen (null hides it)
  focus(): void;
  linesAccepted(): void; // the engine has the lines typed here: print their held echo
}

// The longest a typed line's echo waits for the engine to accept it (no query running yet, a worker
// busy in user code): then it is printed anyway.
export const ECHO_HOLD_MAX_MS = 100;

const MODE_LABEL: Record<TerminalMode, string> = {
  netcat: 'in-page netcat',
  mirror: 'mirroring your nc',
};

export function createTerminalPane(root: HTMLElement, onLines: (lines: string[]) => void): TerminalPane {
  const title = root.querySelector<HTMLElement>('[data-role=title]')!;
  const badge = root.querySelector<HTMLElement>('[data-role=mode]')!;
  const hint = root.querySelector<HTMLElement>('[data-role=hint]')!;
  const host = root.querySelector<HTMLElement>('[data-role=screen]')!;
  const note = root.querySelector<HTMLElement>('[data-role=note]')!;
  const term = new Terminal({
    convertEol: true,
    // A blinking cursor is a CSS animation: it keeps the page producing frames, so a batch would wait
    // for the next one instead of being painted at once.
    cursorBlink: false,
    fontSize: 13,
    rows: 8,
    scrollback: 2000,
    theme: { background: '#1e1e1e' },
  });
  term.open(host);
  const discipline = new LineDiscipline();
  let mode: TerminalMode = 'netcat';

  const held = new HeldEcho();
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    clearTimeout(holdTimer);
    holdTimer = undefined;
    const echo = held.release();
    if (!echo) return;
    term.write(echo);
    // xterm empties its input textarea on Enter (screen readers announce what was typed); this does it
    // with the echo, not in the key's own frame.
    if (term.textarea) term.textarea.value = '';
  };

  // Keys typed while the pane mirrors a real nc reach no one: said once, in the pane, dimmed.
  let toldMirror = false;
  const input = (data: string) => {
    if (mode !== 'netcat') {
      if (!toldMirror) term.write(`\x1b[2m(this pane shows what your nc -lk sends: type your lines where nc runs)\x1b[0m\r\n`);
      toldMirror = true;
      return;
    }
    const { echo, lines } = discipline.feed(data);
    const now = held.typed(echo, lines.length);
    if (now) term.write(now);
    if (held.waiting && holdTimer === undefined) holdTimer = setTimeout(release, ECHO_HOLD_MAX_MS);
    if (lines.length > 0) onLines(lines);
  };
  term.onData(input);
  // Enter is taken before xterm sees it: xterm would empty its textarea and show its cursor, changes that
  // start a frame before the line's batch is back (see HeldEcho).
  term.attachCustomKeyEventHandler((e) => {
    if (mode !== 'netcat' || e.type !== 'keydown' || e.key !== 'Enter') return true;
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.isComposing) return true;
    e.preventDefault();
    input('\r');
    return false;
  });

  const fit = () => {
    // Fit the columns and rows to the pane (a few lines of xterm's fit addon).
    const core = (term as unknown as { _core?: { _renderService?: { dimensions?: { css: { cell: { width: number; height: number } } } } } })._core;
    const cell = core?._renderService?.dimensions?.css.cell;
    if (!cell || cell.width === 0 || cell.height === 0) return;
    const cols = Math.max(20, Math.floor((host.clientWidth - 14) / cell.width));
    const rows = Math.max(3, Math.floor(host.clientHeight / cell.height));
    if (cols !== term.cols || rows !== term.rows) term.resize(cols, rows);
  };
  new ResizeObserver(fit).observe(host);

  return {
    setPort: (port) => {
      title.textContent = `nc -lk ${port}`;
    },
    setMode: (next, detail) => {
      if (next !== mode) toldMirror = false;
      mode = next;
      badge.textContent = MODE_LABEL[next];
      badge.dataset.mode = next;
      hint.textContent = detail;
      hint.title = detail; // all of it where the pane's width ends it in an ellipsis
    },
    mirror: (lines) => {
      for (const line of lines) term.write(`${line}\r\n`);
    },
    setNote: (text) => {
      note.textContent = text ?? '';
      note.hidden = text === null;
    },
    focus: () => term.focus(),
    // The batch these lines made is painted first, on its own: echoed now, the new line would scroll
    // xterm's viewport (a layout) inside the batch's frame.
    linesAccepted: () => afterNextFrame(release),
  };
}
