// "What pruning buys" as the page drives it, with fake workers: tfjs predict is timed first on the
// training worker (once per network and backend), then the speed curve and the sizes go to the slider's
// evaluation worker; their answers reach the state, older ones do not.
import { describe, expect, it } from 'vitest';
import { layerShapes } from '../../core/base';
import type { ToEval } from '../../eval/protocol';
import type { ToWorker } from '../../train/protocol';
import { SPEED_LEVELS } from '../store';
import { trainedController } from '../testPorts';

const layers = layerShapes(32).map((s) => ({
  ...s,
  kernel: Float32Array.from({ length: s.inputs * s.units }, (_, i) => Math.cos(i)),
  bias: new Float32Array(s.units),
  gradAbsMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => (i % 7) / 100),
  gradSqMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => (i % 5) / 1e4),
}));
const timing = (ms: number) => ({ medianMs: ms, p10Ms: ms, p90Ms: ms, samples: 1, repsPerSample: 1 });
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A controller whose run has finished and whose slider worker has loaded the network. */
function ready() {
  const { c, t, ev } = trainedController(
    layers,
    '#dataset=synthetic-32&seed=1&snapshot=none&mode=sparsity&sparsity=0.8',
  );
  return { c, t, ev };
}
const timePredict = (sent: ToWorker[]) =>
  sent.filter((m): m is Extract<ToWorker, { type: 'time-predict' }> => m.type === 'time-predict');
const measures = (sent: ToEval[]) =>
  sent.filter((m) => m.type === 'speed' || m.type === 'sizes') as Extract<ToEval, { type: 'speed' | 'sizes' }>[];

describe('measuring speed and sizes', () => {
  it('times tfjs predict first, then asks the slider worker for the curve and the sizes of the settings', async () => {
    const { c, t, ev } = ready();
    const measured = c.measureSpeed();
    const asked = timePredict(t.sent);
    expect(asked).toHaveLength(1);
    expect(asked[0].batches).toEqual([1, 256]);
    expect(asked[0].layers.map((l) => [l.inputs, l.units])).toEqual([
      [32, 64],
      [64, 32],
      [32, 10],
    ]);
    expect(measures(ev.sent)).toEqual([]); // the two workers take turns
    expect(c.store.getState().speed.tfjs).toMatchObject({ status: 'running', backend: 'wasm' });
    t.reply({
      type: 'predict-timed',
      requestId: asked[0].requestId,
      backend: 'wasm',
      timings: { 1: timing(0.08), 256: timing(5) },
    });
    await measured;
    const [speed, sizes] = measures(ev.sent);
    const spec = { mode: 'sparsity', value: 0.8, scope: 'global', granularity: 'weights' };
    expect(speed).toMatchObject({
      type: 'speed',
      criterion: 'gradient',
      spec,
      levels: SPEED_LEVELS,
      batches: [1, 256],
      rounds: 3,
      samples: 4,
    });
    expect(sizes).toMatchObject({ type: 'sizes', criterion: 'gradient', spec });
    const s = c.store.getState().speed;
    expect(s.tfjs).toMatchObject({ status: 'done', timings: { 1: timing(0.08) } });
    expect(s.curve).toMatchObject({ id: speed.id, status: 'running' });
    const ratio = { csr: { median: 0.5, p10: 0.4, p90: 0.6, samples: 12, rounds: 3 }, stripped: null };
    const p = {
      sparsity: 0.5,
      batch: 1,
      dense: timing(1),
      csr: timing(2),
      stripped: null,
      strippedShapes: null,
      ratio,
      maxDiff: 0,
      engine: 'wasm' as const,
    };
    ev.reply({ type: 'speed-points', id: speed.id, points: [p], done: 1, total: 10 });
    ev.reply({ type: 'speed-done', id: speed.id, ms: 5 });
    ev.reply({ type: 'sizes-done', id: sizes.id, sparsity: 0.8, rows: [] });
    expect(c.store.getState().speed.curve).toMatchObject({ status: 'done', points: [p] });
    expect(c.store.getState().speed.sizes).toMatchObject({ status: 'done', sparsity: 0.8 });

    // Measured again on the same backend: tfjs is not timed twice; an older measurement's answer is dropped.
    await c.measureSpeed();
    expect(timePredict(t.sent)).toHaveLength(1);
    const again = measures(ev.sent).slice(2);
    expect(again.map((m) => m.type)).toEqual(['speed', 'sizes']);
    ev.reply({ type: 'speed-points', id: speed.id, points: [p], done: 1, total: 10 });
    expect(c.store.getState().speed.curve).toMatchObject({ id: again[0].id, points: [] });
  });

  it('a busy training worker leaves tfjs untimed (said so), the curve is measured anyway; a new run clears it all', async () => {
    const { c, t, ev } = ready();
    const measured = c.measureSpeed();
    t.reply({
      type: 'predict-timed',
      requestId: timePredict(t.sent)[0].requestId,
      backend: 'wasm',
      timings: null,
      error: 'busy',
    });
    await measured;
    expect(c.store.getState().speed.tfjs).toMatchObject({ status: 'error', error: 'busy' });
    expect(measures(ev.sent).map((m) => m.type)).toEqual(['speed', 'sizes']);
    c.train();
    await tick();
    expect(c.store.getState().speed).toEqual({ current: null, curve: null, tfjs: null, sizes: null });
  });
});
