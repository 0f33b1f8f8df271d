// What the Output region shows, as plain data changed by pure functions: the last MAX_BATCHES batches
// (older ones are only counted), printed text, errors and warnings, in arrival order.
import type { Column, ErrorInfo } from '../worker/protocol';

export const MAX_BATCHES = 200;

export type OutputEntry =
  | { kind: 'batch'; key: number; queryId: string; batchId: number; console: string; columns: Column[]; rows: (string | null)[][] }
  | { kind: 'text'; key: number; text: string }
  | ({ kind: 'error'; key: number } & ErrorInfo)
  | { kind: 'log'; key: number; level: string; message: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEntry = DistributiveOmit<OutputEntry, 'key'>;

export interface OutputState {
  entries: OutputEntry[];
  droppedBatches: number; // batches no longer kept (summarised above the first kept one)
  nextKey: number;
}

export const emptyOutput = (): OutputState => ({ entries: [], droppedBatches: 0, nextKey: 1 });

export function appendEntry(state: OutputState, entry: NewEntry): OutputState {
  let entries = [...state.entries];
  // The engine reports the console sink's text as printed output and again as the batch: keep the batch.
  const last = entries.at(-1);
  if (entry.kind === 'batch' && last?.kind === 'text' && last.text === entry.console) entries.pop();
  entries.push({ ...entry, key: state.nextKey } as OutputEntry);
  let dropped = state.droppedBatches;
  let batches = entries.filter((e) => e.kind === 'batch').length;
  if (batches > MAX_BATCHES) {
    // Drop from the front up to and including the oldest batch (and whatever text came before it).
    const firstBatch = entries.findIndex((e) => e.kind === 'batch');
    entries = entries.slice(firstBatch + 1);
    dropped += 1;
    batches -= 1;
  }
  return { entries, droppedBatches: dropped, nextKey: state.nextKey + 1 };
}

// One line standing for the batches no longer kept.
export function droppedSummary(state: OutputState): string | null {
  if (state.droppedBatches === 0) return null;
  const n = state.droppedBatches;
  return `${n} earlier batch${n === 1 ? '' : 'es'} not shown (the last ${MAX_BATCHES} are kept)`;
}

// The text of the whole region, as copied after Stop.
export function outputText(state: OutputState): string {
  return state.entries
    .map((e) => {
      switch (e.kind) {
        case 'batch':
          return e.console;
        case 'text':
          return e.text;
        case 'error':
          return `${e.errorClass}: ${e.message}\n`;
        case 'log':
          return `${e.level} ${e.message}\n`;
      }
    })
    .join('');
}
