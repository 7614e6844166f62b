/**
 * Slider latency in the real page (run by `npm run bench` through the test API). Each synthetic input
 * event is dispatched at the start of an animation frame, as Chromium delivers pointer input, and timed
 * (1) until the numbers and heatmaps for that position are committed to the DOM, and (2) until the next
 * frame starts, i.e. after the browser painted the frame that contains them. A commit within 16 ms means
 * the update is painted in the frame of the input. Also counts main-thread long tasks (> 50 ms).
 */
import { median, percentile } from '../core/base';
import type { AppState, Store } from '../state/store';

export interface SliderBenchResult {
  moves: number;
  /** Input event → numbers and heatmaps committed. */
  commit: { medianMs: number; p95Ms: number; maxMs: number };
  /** Input event → start of the frame after the one that painted the update. */
  paint: { medianMs: number; p95Ms: number; maxMs: number };
  /** Input event → the worker's answer (masks with the validation figures) reaches the store, before React renders it. */
  answer: { medianMs: number; p95Ms: number; maxMs: number };
  /** The worker's own time for the validation pass of each move. */
  workerVal: { medianMs: number; p95Ms: number; maxMs: number };
  /** Share of moves whose update was committed within the input's own frame (< 16 ms). */
  sameFrame: number;
  longTasks: number;
  longestTaskMs: number;
}

const stats = (ms: number[]) => ({ medianMs: median(ms), p95Ms: percentile(ms, 0.95), maxMs: Math.max(...ms) });

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

export async function benchSlider(store: Store<AppState>, moves = 200): Promise<SliderBenchResult> {
  const slider = document.querySelector<HTMLInputElement>('[data-testid="controls.threshold"]');
  if (!slider || slider.disabled) throw new Error('The slider is not ready: train a network first.');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const long: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const max = Number(slider.max);
  const start = Math.round(max * 0.45);
  const commits: number[] = [];
  const answers: number[] = [];
  const workerVal: number[] = [];
  const paints: number[] = [];
  for (let k = 0; k < moves; k++) {
    // A drag back and forth in small steps (one step = 0.1% of the range), like a hand on a mouse.
    const pos = start + (Math.floor(k / 50) % 2 === 0 ? k % 50 : 50 - (k % 50));
    await frame();
    const t0 = performance.now();
    setValue.call(slider, String(pos));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const wanted = store.getState().pruning.requested;
    await new Promise<void>((resolve) => {
      const done = () => {
        const p = store.getState().pruning;
        if (p.view && p.view.id >= wanted) {
          answers.push(performance.now() - t0);
          workerVal.push(p.view.valMs);
          off();
          resolve();
        }
      };
      const off = store.subscribe(done);
      done();
    });
    // React commits external-store updates synchronously; yield once so effects (canvas drawing) ran.
    await Promise.resolve();
    commits.push(performance.now() - t0);
    await frame();
    paints.push(performance.now() - t0);
  }
  observer.disconnect();
  return {
    moves,
    commit: stats(commits),
    answer: stats(answers),
    workerVal: stats(workerVal),
    paint: stats(paints),
    sameFrame: commits.filter((t) => t < 16).length / moves,
    longTasks: long.filter((d) => d > 50).length,
    longestTaskMs: long.length ? Math.max(...long) : 0,
  };
}
