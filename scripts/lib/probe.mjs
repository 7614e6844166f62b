// What a user feels, recorded in the page from its first script on (installed with addInitScript):
// every main-thread long task, and for the pruning slider, the time from each real input event (its
// hardware timestamp) to the first painted frame that shows the numbers of that position.

/** The init script (runs in the page). Reads the app's state through window.__gpl once it is there. */
export function installProbe() {
  const w = /** @type {any} */ (window);
  const probe = (w.__probe = { longTasks: [], moves: [], lastInput: null });
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => probe.longTasks.push({ start: e.startTime, duration: e.duration })),
  ).observe({ type: 'longtask', buffered: true });
  for (const type of ['pointerdown', 'pointermove', 'keydown'])
    addEventListener(type, (e) => (probe.lastInput = { t: e.timeStamp, dispatched: performance.now(), type }), {
      capture: true,
      passive: true,
    });
  const slider = () => document.querySelector('[data-testid="controls.threshold"]');
  // Bubble phase at the window: React's own handler (at the root) has run, so the request id is set.
  addEventListener('input', (e) => {
    if (e.target !== slider() || !probe.lastInput || !w.__gpl) return;
    probe.moves.push({
      t0: probe.lastInput.t,
      dispatched: probe.lastInput.dispatched,
      type: probe.lastInput.type,
      id: w.__gpl.state().pruning.requested,
      paint: null,
      framed: false,
    });
    if (!looping) requestAnimationFrame(frame);
    looping = true;
  });
  // Each animation frame while moves wait, before it paints: the moves whose numbers the state (hence the
  // DOM: React commits synchronously) now shows are painted in this frame; a task queued from here runs
  // after the paint.
  let looping = false;
  function frame() {
    const view = w.__gpl.state().pruning.view;
    const waiting = probe.moves.filter((m) => !m.framed);
    const shown = view ? waiting.filter((m) => m.id <= view.id) : [];
    shown.forEach((m) => (m.framed = true));
    if (shown.length) setTimeout(() => shown.forEach((m) => (m.paint = performance.now())));
    looping = waiting.length > shown.length;
    if (looping) requestAnimationFrame(frame);
  }
}

/** Long tasks that started in [from, to] (page time, ms): count, total, longest. */
export async function longTasksBetween(page, from, to = Infinity) {
  return page.evaluate(
    ([a, b]) => {
      const t = window.__probe.longTasks.filter((e) => e.start >= a && e.start <= b);
      return {
        count: t.length,
        totalMs: t.reduce((s, e) => s + e.duration, 0),
        maxMs: t.reduce((m, e) => Math.max(m, e.duration), 0),
      };
    },
    [from, to],
  );
}

export const pageNow = (page) => page.evaluate(() => performance.now());

/**
 * The input → paint latencies of the slider moves since index `from` (from the event's timestamp), the
 * same from the moment the page received the event (pointer events wait for the next frame first), and
 * how many never painted.
 */
export async function movesSince(page, from) {
  return page.evaluate((k) => {
    const moves = window.__probe.moves.slice(k);
    const painted = moves.filter((m) => m.paint !== null);
    return {
      latencies: painted.map((m) => m.paint - m.t0),
      fromDispatch: painted.map((m) => m.paint - m.dispatched),
      unpainted: moves.filter((m) => m.paint === null).length,
      count: moves.length,
    };
  }, from);
}
