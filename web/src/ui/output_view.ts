// The Output region: each batch as Spark's console text (or, toggled, an HTML table), printed text and
// errors. Renders OutputState incrementally (entries only come at the end and leave from the front), at
// most once per frame, and sticks to the bottom unless the reader scrolled up.
import { droppedSummary } from '../state/output_state';
import type { OutputEntry, OutputState } from '../state/output_state';

export type OutputMode = 'text' | 'table';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string) => {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

function renderTable(entry: Extract<OutputEntry, { kind: 'batch' }>): HTMLElement {
  const box = el('div', 'batch-table');
  box.append(el('div', 'batch-title', `Batch: ${entry.batchId}`));
  const table = el('table', '');
  const head = table.createTHead().insertRow();
  for (const c of entry.columns) {
    const th = el('th', '', c.name);
    th.title = c.type;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of entry.rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => {
      const td = tr.insertCell();
      td.textContent = cell ?? 'NULL';
      if (cell === null) td.className = 'null';
      else if (entry.columns[i] && entry.columns[i].type !== 'string') td.className = 'num';
    });
  }
  if (entry.rows.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = Math.max(entry.columns.length, 1);
    td.className = 'empty';
    td.textContent = '(no rows)';
  }
  box.append(table);
  return box;
}

function renderEntry(entry: OutputEntry, mode: OutputMode): HTMLElement {
  switch (entry.kind) {
    case 'batch':
      return mode === 'table' ? renderTable(entry) : el('pre', 'batch', entry.console);
    case 'text':
      return el('pre', 'text', entry.text);
    case 'error': {
      const where = entry.line ? ` (line ${entry.line}${entry.column ? `, column ${entry.column}` : ''})` : '';
      // The position goes after the message's first line: a message may go on with a plan tree.
      const [first, ...rest] = entry.message.split('\n');
      const pre = el('pre', 'error', [`${entry.errorClass}: ${first}${where}`, ...rest].join('\n'));
      pre.setAttribute('role', 'alert');
      return pre;
    }
    case 'log':
      return el('pre', `log log-${entry.level.toLowerCase()}`, `${entry.level} ${entry.message}`);
  }
}

const BOTTOM_SLACK_PX = 8; // this close to the end still counts as "at the bottom"

export class OutputView {
  private nodes = new Map<number, HTMLElement>();
  private mode: OutputMode = 'text';
  private last: OutputState | null = null;
  private pending: OutputState | null = null;
  private frame = 0;
  // Whether the reader is at the bottom, as of the last scroll: known without measuring the layout
  // when a batch arrives (the one measurement left is the scroll to the new end).
  private atBottom = true;
  // Where the last scroll to the end left the output. A scroll event comes a frame after its scroll,
  // and batches may have been added meanwhile: an output still there did not scroll up, it grew.
  private pinnedTop: number | null = null;
  private readonly summary: HTMLElement;
  private readonly placeholder: HTMLElement; // what the region is for, until the first entry

  constructor(private readonly scroller: HTMLElement) {
    this.placeholder = el('p', 'placeholder', 'Press Run: what the code prints and each micro-batch of its queries, as Spark\'s console sink prints it, appear here.');
    this.summary = el('div', 'dropped');
    this.summary.hidden = true;
    scroller.append(this.placeholder, this.summary);
    scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
    // Select all, in the focused Output, is its text only (the browser's would take the whole page), ready to copy.
    scroller.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        window.getSelection()?.selectAllChildren(scroller);
      }
    });
    this.setFollowing(true);
  }

  private onScroll(): void {
    const top = this.scroller.scrollTop;
    const unmoved = this.pinnedTop !== null && Math.abs(top - this.pinnedTop) <= 1;
    if (!unmoved) this.pinnedTop = null;
    this.setFollowing(unmoved || top + this.scroller.clientHeight >= this.scroller.scrollHeight - BOTTOM_SLACK_PX);
  }

  // The browser's scroll anchoring keeps the text on screen in place when batches leave from the front:
  // what a reader who scrolled up wants, but at the bottom it would move the output up, away from the
  // end (and read as the reader scrolling up). It is off while the output follows the end.
  private setFollowing(atBottom: boolean): void {
    this.atBottom = atBottom;
    this.scroller.classList.toggle('following', atBottom); // no change, no style work, when it has it
  }

  // Shows `state` in the next frame: the events that arrive before it are painted together, once.
  update(state: OutputState): void {
    this.pending = state;
    this.requestFrame();
  }

  // Adds the pending update's nodes now (a typed line's batch, taken from the reply slot): the next frame
  // paints them, whatever else it waits for. The scroll to the new end, which needs the layout, is left
  // to that frame: done here, it would hold the nodes back until the layout is done, and the frame
  // might start without them.
  flush(): void {
    const state = this.pending;
    this.pending = null;
    if (state) this.render(state, false);
    this.requestFrame();
  }

  private requestFrame(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.onFrame());
  }

  private onFrame(): void {
    this.frame = 0;
    const state = this.pending;
    this.pending = null;
    if (state) this.render(state);
    else this.stickToBottom();
  }

  private stickToBottom(): void {
    if (!this.atBottom) return;
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.pinnedTop = this.scroller.scrollTop; // the layout is clean: read back at no cost
  }

  setMode(mode: OutputMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    for (const node of this.nodes.values()) node.remove();
    this.nodes.clear();
    const state = this.pending ?? this.last;
    if (state) this.render(state);
  }

  // Shows `state` now (a pending update is dropped: this one is newer); `scroll`: to the new end too,
  // unless the reader scrolled up.
  render(state: OutputState, scroll = true): void {
    this.pending = null;
    const keep = new Set(state.entries.map((e) => e.key));
    for (const [key, node] of this.nodes) {
      if (!keep.has(key)) {
        node.remove();
        this.nodes.delete(key);
      }
    }
    for (const entry of state.entries) {
      if (this.nodes.has(entry.key)) continue;
      const node = renderEntry(entry, this.mode);
      this.nodes.set(entry.key, node);
      this.scroller.append(node);
    }
    const summary = droppedSummary(state) ?? '';
    if (summary !== this.summary.textContent) {
      this.summary.hidden = summary === '';
      this.summary.textContent = summary;
    }
    if (state.entries.length > 0) this.placeholder.remove(); // for good: a new run's empty start says nothing
    this.last = state;
    if (scroll) this.stickToBottom();
  }
}
