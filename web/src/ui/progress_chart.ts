// The progress chart (uPlot), after Spark UI's Structured Streaming tab: input and processed rows per
// second, and batch duration, per batch id. The latest StreamingQueryProgress is shown as JSON beside it.
// Redrawn right after the frame that paints the batch (at most once per frame): the batch is not held
// up by the chart, and the chart is never more than a frame behind the Output.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ProgressState } from '../state/progress_state';
import { afterNextFrame } from './after_next_frame';

const INPUT = '#1f77b4';
const PROCESSED = '#2ca02c';
const DURATION = '#d62728';
const LABEL_FONT = '600 11px system-ui, sans-serif';
// A short window (a laptop at 700 px) gets a lower chart: the pane then still shows the JSON's toggle.
const SHORT_WINDOW = '(max-height: 760px) and (min-width: 901px)';
// Each scale from 0 to its largest value times `headroom`, a different one per series: a steady series sits
// where its value is on its axis, and steady series on scales of their own (a rate source's input and
// processed rates) lie at different heights instead of on one line.
const fromZero =
  (headroom: number) =>
  (_u: uPlot, _min: number | null, max: number | null): [number, number] => [0, max !== null && max > 0 ? max * headroom : 1];

export class ProgressChart {
  private plot: uPlot;
  private readonly placeholder: HTMLElement; // over the empty plot, until the first progress
  private pending: ProgressState | null = null;
  private scheduled = false;

  constructor(
    host: HTMLElement,
    private readonly json: HTMLElement,
  ) {
    const shortWindow = window.matchMedia(SHORT_WINDOW);
    const chartHeight = () => (shortWindow.matches ? 140 : 170);
    this.plot = new uPlot(
      {
        width: Math.max(host.clientWidth, 200),
        height: chartHeight(),
        // Values under the legend would follow the mouse and read "--" without it; the latest are in the JSON.
        legend: { show: true, live: false },
        // Each series on a scale of its own, as Spark UI draws each in a graph of its own: a processed rate
        // a thousand times the input rate (a small batch processed in a millisecond) would flatten it.
        scales: { x: { time: false }, input: { range: fromZero(1.2) }, processed: { range: fromZero(1.6) }, ms: { range: fromZero(2.5) } },
        axes: [
          { label: 'batch', size: 30, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
          { scale: 'input', label: 'input rows/s', labelFont: LABEL_FONT, size: 45, stroke: INPUT },
          { scale: 'processed', side: 1, label: 'processed/s', labelFont: LABEL_FONT, size: 62, stroke: PROCESSED, grid: { show: false } },
          { scale: 'ms', side: 1, label: 'ms', labelFont: LABEL_FONT, size: 45, stroke: DURATION, grid: { show: false } },
        ],
        series: [
          { label: 'batch' },
          { label: 'input rows/s', stroke: INPUT, width: 1.5, scale: 'input' },
          { label: 'processed rows/s', stroke: PROCESSED, width: 1.5, scale: 'processed', dash: [6, 4] },
          { label: 'duration ms', stroke: DURATION, width: 1.5, scale: 'ms' },
        ],
      },
      [[], [], [], []],
      host,
    );
    this.placeholder = document.createElement('p');
    this.placeholder.className = 'chart-placeholder';
    this.placeholder.textContent = 'No batches yet: each one a query runs adds a point.';
    host.append(this.placeholder);
    const resize = () => {
      const width = Math.max(host.clientWidth, 200);
      const height = chartHeight();
      if (width !== this.plot.width || height !== this.plot.height) this.plot.setSize({ width, height });
    };
    new ResizeObserver(resize).observe(host);
    shortWindow.addEventListener('change', resize);
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
    this.placeholder.hidden = state.batchIds.length > 0;
    this.plot.setData([state.batchIds, state.inputRowsPerSecond, state.processedRowsPerSecond, state.batchDurationMs]);
    this.json.textContent = state.latest ? JSON.stringify(state.latest, null, 2) : 'No progress yet.';
  }
}
