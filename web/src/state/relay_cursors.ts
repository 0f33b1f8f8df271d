// Where the page was in each relay log (per socket target), kept in localStorage so a query resumed
// from its checkpoint after a reload also reads what nc sent while the page was closed. Pure parse
// and update functions; main.ts does the storage.
import type { RelayCursor } from '../relay/client';

export const RELAY_CURSORS_KEY = 'runnel.relayCursors.v1';

export type RelayCursors = Record<string, RelayCursor>;

const isCursor = (x: unknown): x is RelayCursor =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as RelayCursor).logId === 'string' &&
  Number.isInteger((x as RelayCursor).next) &&
  (x as RelayCursor).next >= 0;

// Anything unreadable counts as no cursor.
export function parseRelayCursors(text: string | null): RelayCursors {
  if (!text) return {};
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return {};
    return Object.fromEntries(Object.entries(data).filter(([, c]) => isCursor(c))) as RelayCursors;
  } catch {
    return {};
  }
}

export function withRelayCursor(cursors: RelayCursors, target: string, cursor: RelayCursor): RelayCursors {
  return { ...cursors, [target]: { logId: cursor.logId, next: cursor.next } };
}
