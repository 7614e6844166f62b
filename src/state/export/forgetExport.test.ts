import { describe, expect, it } from 'vitest';
import { evaluate, forwardLogits, HIDDEN_UNITS, layerShapes, type LayerArrays } from '../../core/base';
import { makeSynthetic32 } from '../../core/data';
import { parseRun } from '../../core/formats';
import { trainedController } from '../testPorts';
import { runFile, sweepCsv } from './exporters';

/** Weights made up (sines: no ties). */
const layers: LayerArrays[] = layerShapes(32, HIDDEN_UNITS, 10).map((s) => ({
  ...s,
  kernel: Float32Array.from({ length: s.inputs * s.units }, (_, i) => Math.sin(i + s.inputs)),
  bias: Float32Array.from({ length: s.units }, (_, i) => i / 100),
  gradAbsMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => ((i * 7) % 11) / 100),
  gradSqMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => ((i * 5) % 13) / 1e4),
}));

/** A page on fake workers with `layers` trained and evaluated at 60% sparsity (the fake worker's validation rows: synthetic-32's, seed 1). */
function page() {
  const { c, ev } = trainedController(layers, '#dataset=synthetic-32&snapshot=none&mode=sparsity&sparsity=0.6');
  const load = ev.sent.find((m) => m.type === 'load')!;
  ev.reply({ type: 'train-dense', id: load.id, result: { accuracy: 0.5, loss: 1, perClass: [] } });
  return c;
}

/** Per class, the rows the plain forward pass classifies right. */
function correctByClass(ls: readonly LayerArrays[]) {
  const ds = makeSynthetic32(1);
  const logits = forwardLogits(ls, ds.val.x, ds.val.n);
  const byClass = new Array(10).fill(0);
  for (let r = 0; r < ds.val.n; r++) {
    const row = Array.from(logits.subarray(r * 10, r * 10 + 10));
    if (row.indexOf(Math.max(...row)) === ds.val.y[r]) byClass[ds.val.y[r]]++;
  }
  return { byClass, overall: evaluate(ls, ds.val.x, ds.val.y, ds.val.n).correct };
}

describe('what pruning forgets, exported', () => {
  it('run.json records per-class accuracy dense and pruned (as the plain forward pass counts) and the forgotten samples', () => {
    const c = page();
    const r = parseRun(runFile(c.store.getState()).data as string);
    if (!r.ok) throw new Error(r.error);
    const f = r.run.forget!;
    const masks = c.store.getState().pruning.view!.masks;
    const masked = layers.map((l, i) => ({ ...l, kernel: l.kernel.map((w, k) => (masks[i][k] ? w : 0)) }));
    const d = correctByClass(layers);
    const p = correctByClass(masked);
    expect(f.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(f.dense.map((a, k) => Math.round(a * f.count[k]))).toEqual(d.byClass);
    expect(f.pruned.map((a, k) => Math.round(a * f.count[k]))).toEqual(p.byClass);
    expect(p.byClass.reduce((a, b) => a + b, 0)).toBe(p.overall);
    // Net change = newly right − forgotten; every one a validation sample.
    expect(p.overall - d.overall).toBe(f.newlyRight.length - f.forgotten.length);
    expect(f.forgotten.length).toBeGreaterThan(0);
    const val = new Set(r.run.data.valIndices);
    expect([...f.forgotten, ...f.newlyRight].every((s) => val.has(s))).toBe(true);
  });

  it('the curves CSV has a column per class for the validation points', () => {
    const c = page();
    const point = (sparsity: number, perClass?: number[]) => ({
      target: sparsity,
      sparsity,
      threshold: 0,
      accuracy: 0.5,
      loss: 1,
      perClass,
    });
    c.store.setState((s) => ({
      ...s,
      dataset: {
        ...s.dataset!,
        name: 'user',
        table: {
          name: 't.csv',
          hash: 'h',
          rows: 3,
          featureNames: [],
          classNames: ['a,b', 'c'],
          x: new Float32Array(0),
          y: new Uint8Array(0),
        },
      },
      sweep: { ...s.sweep, curves: { gradient: { val: [point(0, [1, 0.5])], train: [point(0)] } } },
    }));
    const lines = (sweepCsv(c.store.getState()).data as string).trim().split('\n');
    expect(lines[0]).toBe('criterion,split,scope,granularity,target,sparsity,threshold,accuracy,loss,"acc_a,b",acc_c');
    expect(lines[1]).toBe('gradient,val,global,weights,0,0,0,0.5,1,1,0.5');
    expect(lines[2]).toBe('gradient,train,global,weights,0,0,0,0.5,1,,');
  });
});
