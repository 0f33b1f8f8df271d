// The Output region: each batch as Spark's console text (or, toggled, an HTML table), printed text and
// errors. Renders OutputState incrementally (entries only come at the end and leave from the front)
// and sticks to the bottom unless the reader scrolled up.
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
      const pre = el('pre', 'error', `${entry.errorClass}: ${entry.message}${where}`);
      pre.setAttribute('role', 'alert');
      return pre;
    }
    case 'log':
      return el('pre', `log log-${entry.level.toLowerCase()}`, `${entry.level} ${entry.message}`);
  }
}

export class OutputView {
  private nodes = new Map<number, HTMLElement>();
  private mode: OutputMode = 'text';
  private last: OutputState | null = null;
  private readonly summary: HTMLElement;

  constructor(private readonly scroller: HTMLElement) {
    this.summary = el('div', 'dropped');
    this.summary.hidden = true;
    scroller.append(this.summary);
  }

  setMode(mode: OutputMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    for (const node of this.nodes.values()) node.remove();
    this.nodes.clear();
    if (this.last) this.render(this.last);
  }

  render(state: OutputState): void {
    const atBottom = this.scroller.scrollTop + this.scroller.clientHeight >= this.scroller.scrollHeight - 8;
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
    const summary = droppedSummary(state);
    this.summary.hidden = summary === null;
    this.summary.textContent = summary ?? '';
    this.last = state;
    if (atBottom) this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}
