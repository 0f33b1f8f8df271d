// The progress chart's series (Spark UI's Structured Streaming tab: input rate, process rate, batch
// duration) and the latest StreamingQueryProgress, as plain data.
export const MAX_POINTS = 300;

export interface ProgressState {
  batchIds: number[];
  inputRowsPerSecond: number[];
  processedRowsPerSecond: number[];
  batchDurationMs: number[];
  latest: Record<string, unknown> | null;
}

export const emptyProgress = (): ProgressState => ({
  batchIds: [],
  inputRowsPerSecond: [],
  processedRowsPerSecond: [],
  batchDurationMs: [],
  latest: null,
});

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
const keep = (xs: number[], x: number): number[] => [...xs, x].slice(-MAX_POINTS);

export function addProgress(state: ProgressState, progress: Record<string, unknown>): ProgressState {
  const duration = (progress.durationMs ?? {}) as Record<string, unknown>;
  return {
    batchIds: keep(state.batchIds, num(progress.batchId)),
    inputRowsPerSecond: keep(state.inputRowsPerSecond, num(progress.inputRowsPerSecond)),
    processedRowsPerSecond: keep(state.processedRowsPerSecond, num(progress.processedRowsPerSecond)),
    batchDurationMs: keep(state.batchDurationMs, num(duration.triggerExecution)),
    latest: progress,
  };
}
