// The progress chart (uPlot), after Spark UI's Structured Streaming tab: input and processed rows per
// second, and batch duration, per batch id. The latest StreamingQueryProgress is shown as JSON beside it.
// Redrawn right after the frame that paints the batch (at most once per frame): the batch is not held
// up by the chart, and the chart is never more than a frame behind the Output.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ProgressState } from '../state/progress_state';
import { afterNextFrame } from './after_next_frame';

export class ProgressChart {
  private plot: uPlot;
  private pending: ProgressState | null = null;
  private scheduled = false;

  constructor(
    host: HTMLElement,
    private readonly json: HTMLElement,
  ) {
    this.plot = new uPlot(
      {
        width: Math.max(host.clientWidth, 200),
        height: 150,
        // Values under the legend would follow the mouse and read "--" without it; the latest are in the JSON.
        legend: { show: true, live: false },
        scales: { x: { time: false }, ms: { auto: true } },
        axes: [
          { label: 'batch', size: 30, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
          { label: 'rows/s', size: 50 },
          { scale: 'ms', side: 1, label: 'ms', size: 45, grid: { show: false } },
        ],
        series: [
          { label: 'batch' },
          { label: 'input rows/s', stroke: '#1f77b4', width: 1.5 },
          { label: 'processed rows/s', stroke: '#2ca02c', width: 1.5 },
          { label: 'duration ms', stroke: '#d62728', width: 1.5, scale: 'ms' },
        ],
      },
      [[], [], [], []],
      host,
    );
    new ResizeObserver(() => {
      const width = Math.max(host.clientWidth, 200);
      if (width !== this.plot.width) this.plot.setSize({ width, height: 150 });
    }).observe(host);
  }

  // Shows `state` after the next frame.
  update(state: ProgressState): void {
    this.pending = state;
    if (this.scheduled) return;
    this.scheduled = true;
    afterNextFrame(() => {
      this.scheduled = false;
      if (this.pending) this.render(this.pending);
    });
  }

  // Shows `state` now (a pending update is dropped: this one is newer).
  render(state: ProgressState): void {
    this.pending = null;
    this.plot.setData([state.batchIds, state.inputRowsPerSecond, state.processedRowsPerSecond, state.batchDurationMs]);
    this.json.textContent = state.latest ? JSON.stringify(state.latest, null, 2) : 'No progress yet.';
  }
}
