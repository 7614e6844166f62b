/**
 * Slider latency in the real page (run by `npm run bench` through the test API): synthetic input events
 * on the slider, each timed until the animation frame after the numbers and heatmaps for that position
 * were committed to the DOM. Also counts main-thread long tasks (> 50 ms) during the drag.
 */
import type { Store, AppState } from '../state/store';

export interface SliderBenchResult {
  moves: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  longTasks: number;
  longestTaskMs: number;
}

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
  const times: number[] = [];
  for (let k = 0; k < moves; k++) {
    // A drag back and forth in small steps (one step = 0.1% of the range), like a hand on a mouse.
    const pos = start + (Math.floor(k / 50) % 2 === 0 ? k % 50 : 50 - (k % 50));
    const t0 = performance.now();
    setValue.call(slider, String(pos));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const wanted = store.getState().pruning.requested;
    await new Promise<void>((resolve) => {
      const done = () => {
        const p = store.getState().pruning;
        if (p.view && p.view.id >= wanted && p.view.val) {
          off();
          resolve();
        }
      };
      const off = store.subscribe(done);
      done();
    });
    // React commits synchronously on the store update; the next frame paints it.
    await frame();
    times.push(performance.now() - t0);
  }
  observer.disconnect();
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  return { moves, medianMs: q(0.5), p95Ms: q(0.95), maxMs: times[times.length - 1], longTasks: long.filter((d) => d > 50).length, longestTaskMs: long.length ? Math.max(...long) : 0 };
}
