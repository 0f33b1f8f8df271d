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

// One point per batch id. A trigger that found no data reports the id of the batch still to run (as
// Spark does, at most every spark.sql.streaming.noDataProgressEventInterval): that batch's own progress,
// when it runs, takes the point's place. The chart needs its x values increasing.
export function addProgress(state: ProgressState, progress: Record<string, unknown>): ProgressState {
  const duration = (progress.durationMs ?? {}) as Record<string, unknown>;
  const batchId = num(progress.batchId);
  const replaces = state.batchIds.length > 0 && state.batchIds[state.batchIds.length - 1] === batchId;
  const keep = (xs: number[], x: number): number[] => [...(replaces ? xs.slice(0, -1) : xs), x].slice(-MAX_POINTS);
  return {
    batchIds: keep(state.batchIds, batchId),
    inputRowsPerSecond: keep(state.inputRowsPerSecond, num(progress.inputRowsPerSecond)),
    processedRowsPerSecond: keep(state.processedRowsPerSecond, num(progress.processedRowsPerSecond)),
    batchDurationMs: keep(state.batchDurationMs, num(duration.triggerExecution)),
    latest: progress,
  };
}
