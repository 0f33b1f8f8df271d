// The page's log of the lines it delivered to each socket target ("localhost:9999"), numbered from 0
// per target and kept (with the checkpoints) in IndexedDB. Spark's socket source cannot replay; with
// this log a query restarted from its checkpoint after a reload re-reads the lines its uncommitted
// batch and later ones need, as a Kafka-backed query would. Bounded: the newest MAX_LOG_LINES per
// target. Pure (no I/O), so node:test checks it; the worker persists what `takeUnsaved` returns.

export const MAX_LOG_LINES = 10_000;

export interface TargetLog {
  firstOffset: number; // offset of lines[0]
  lines: string[];
}

// What the store must do to catch up: append these lines, forget offsets below `dropBelow`.
export interface LogChanges {
  appended: { target: string; firstOffset: number; lines: string[] }[];
  dropBelow: Record<string, number>;
}

export class SocketLineLog {
  private readonly logs = new Map<string, TargetLog>();
  private changes: LogChanges = { appended: [], dropBelow: {} };

  constructor(private readonly maxLines = MAX_LOG_LINES) {}

  // Rebuilds the log from stored records (any order); a target whose offsets are not contiguous
  // keeps its newest contiguous run.
  static fromRecords(records: Iterable<{ target: string; offset: number; line: string }>, maxLines = MAX_LOG_LINES): SocketLineLog {
    const log = new SocketLineLog(maxLines);
    const byTarget = new Map<string, { offset: number; line: string }[]>();
    for (const r of records) {
      const list = byTarget.get(r.target) ?? [];
      list.push(r);
      byTarget.set(r.target, list);
    }
    for (const [target, list] of byTarget) {
      list.sort((a, b) => a.offset - b.offset);
      let start = list.length - 1;
      while (start > 0 && list[start - 1].offset === list[start].offset - 1) start -= 1;
      const run = list.slice(start);
      log.logs.set(target, { firstOffset: run[0].offset, lines: run.map((r) => r.line) });
    }
    return log;
  }

  get(target: string): TargetLog | undefined {
    return this.logs.get(target);
  }

  targets(): string[] {
    return [...this.logs.keys()];
  }

  // The offset the next line delivered to `target` gets.
  nextOffset(target: string): number {
    const log = this.logs.get(target);
    return log ? log.firstOffset + log.lines.length : 0;
  }

  // Appends the lines and returns the first one's offset.
  append(target: string, lines: string[]): number {
    const first = this.nextOffset(target);
    const log = this.logs.get(target) ?? { firstOffset: 0, lines: [] };
    log.lines.push(...lines);
    const excess = log.lines.length - this.maxLines;
    if (excess > 0) {
      log.lines.splice(0, excess);
      log.firstOffset += excess;
      this.changes.dropBelow[target] = log.firstOffset;
    }
    this.logs.set(target, log);
    this.changes.appended.push({ target, firstOffset: first, lines });
    return first;
  }

  // The changes since the last call, for the store.
  takeChanges(): LogChanges {
    const out = this.changes;
    this.changes = { appended: [], dropBelow: {} };
    return out;
  }

  clear(): void {
    this.logs.clear();
    this.changes = { appended: [], dropBelow: {} };
  }
}
