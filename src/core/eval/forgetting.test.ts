import { describe, expect, it } from 'vitest';
import { createRng, evaluate, forwardLogits, initParams, layerShapes } from '../base';
import { MaskedEvaluator } from './maskedEval';
import { classChange, forgetReport, mostLost, rowOutputs, rowProbabilities, type RowOutputs } from './forgetting';

describe('forgetting on a tiny example, by hand', () => {
  // Three classes, five rows. Logits chosen so the probabilities are easy to order.
  const labels = [0, 1, 2, 0, 1];
  const dense = [
    [3, 0, 0], // right (class 0), p high
    [0, 2, 0], // right
    [1, 0, 0], // wrong (predicts 0, label 2)
    [2, 0, 0], // right
    [0, 0, 0], // a three-way tie: predicts 0 (first index), label 1: wrong
  ].flat();
  const pruned = [
    [0, 3, 0], // forgotten: 0 → 1, big drop
    [0, 2, 0], // still right
    [0, 0, 1], // newly right (label 2)
    [0, 0.5, 0], // forgotten: small drop
    [0, 1, 0], // newly right (label 1)
  ].flat();
  const d = rowOutputs(dense, labels, 5, 3);
  const p = rowOutputs(pruned, labels, 5, 3);
  const r = forgetReport(d, p, labels, 5, 3);

  it('predicts with the first index on a tie and gives the softmax of the true class', () => {
    expect(Array.from(d.pred)).toEqual([0, 1, 0, 0, 0]);
    expect(d.pTrue[4]).toBeCloseTo(1 / 3, 15);
    expect(d.pTrue[0]).toBeCloseTo(Math.exp(3) / (Math.exp(3) + 2), 15);
  });

  it('lists the forgotten and the newly right rows, ranked by how far the true class moved', () => {
    expect(r.forgotten.map((e) => e.index)).toEqual([0, 3]);
    expect(r.forgotten[0]).toMatchObject({ label: 0, densePred: 0, prunedPred: 1 });
    expect(r.newlyRight.map((e) => e.index)).toEqual([2, 4]);
    expect(r.newlyRight[0].pPruned - r.newlyRight[0].pDense).toBeGreaterThan(
      r.newlyRight[1].pPruned - r.newlyRight[1].pDense,
    );
  });

  it('counts the confusions, true class by row', () => {
    expect(Array.from(r.dense.confusion)).toEqual([2, 0, 0, 1, 1, 0, 1, 0, 0]);
    expect(Array.from(r.pruned.confusion)).toEqual([0, 2, 0, 0, 2, 0, 0, 0, 1]);
    expect(Array.from(r.dense.correct)).toEqual([2, 1, 0]);
    expect(Array.from(r.pruned.correct)).toEqual([0, 2, 1]);
    expect(Array.from(r.dense.count)).toEqual([2, 2, 1]);
    expect(Array.from(classChange(r))).toEqual([-1, 0.5, 1]);
    expect(mostLost(r)).toEqual([0]); // only class 0 loses
  });

  it('breaks a tie in the drop by index', () => {
    const same: RowOutputs = { pred: Int32Array.from([0, 0, 0]), pTrue: Float64Array.from([0.9, 0.9, 0.9]) };
    const worse: RowOutputs = { pred: Int32Array.from([1, 1, 1]), pTrue: Float64Array.from([0.2, 0.2, 0.2]) };
    expect(forgetReport(same, worse, [0, 0, 0], 3, 2).forgotten.map((e) => e.index)).toEqual([0, 1, 2]);
  });

  it('gives a row its probabilities', () => {
    const probs = rowProbabilities(dense, 4, 3);
    expect(Array.from(probs)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(rowProbabilities(pruned, 0, 3).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });
});

/** A random small network, data and masks; the pruned network's logits from the masked evaluator. */
function randomCase(seed: number) {
  const r = createRng(seed);
  const d = 3 + r.int(12);
  const classes = 2 + r.int(6);
  const n = 20 + r.int(150);
  const hidden = Array.from({ length: 1 + r.int(3) }, () => 2 + r.int(10));
  const params = initParams(d, seed, layerShapes(d, hidden, classes));
  params.forEach((p) => p.bias.forEach((_, j) => (p.bias[j] = 0.3 * r.normal())));
  const x = Float32Array.from({ length: n * d }, () => (r.next() < 0.4 ? 0 : r.normal()));
  const y = Uint8Array.from({ length: n }, () => r.int(classes));
  const keep = r.next();
  const masks = params.map((p) => Uint8Array.from(p.kernel, () => (r.next() < keep ? 1 : 0)));
  return { params, x, y, n, classes, masks };
}

describe('forgetting against a brute-force computation over the plain forward pass', () => {
  it('holds on random small networks: counts, diagonal and the accuracy agree exactly', () => {
    let changed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { params, x, y, n, classes, masks } = randomCase(seed);
      const ev = new MaskedEvaluator(params, x, y, n, 'js');
      const denseEval = ev.logits(params.map((p) => new Uint8Array(p.kernel.length).fill(1)));
      const prunedEval = ev.logits(masks);
      const report = forgetReport(
        rowOutputs(denseEval.logits, y, n, classes),
        rowOutputs(prunedEval.logits, y, n, classes),
        y,
        n,
        classes,
      );
      // The reference: the plain forward pass in float64 on the masked weights, counted row by row.
      const maskedParams = params.map((p, l) => ({ ...p, kernel: p.kernel.map((w, i) => (masks[l][i] ? w : 0)) }));
      const refDense = forwardLogits(params, x, n);
      const refPruned = forwardLogits(maskedParams, x, n);
      const argmax = (z: Float64Array, row: number) => {
        const v = Array.from(z.subarray(row * classes, (row + 1) * classes));
        return v.indexOf(Math.max(...v));
      };
      const brute = { forgotten: [] as number[], newly: [] as number[], conf: new Array(classes * classes).fill(0) };
      for (let row = 0; row < n; row++) {
        const a = argmax(refDense, row) === y[row];
        const b = argmax(refPruned, row) === y[row];
        brute.conf[y[row] * classes + argmax(refPruned, row)]++;
        if (a && !b) brute.forgotten.push(row);
        if (!a && b) brute.newly.push(row);
      }
      changed += brute.forgotten.length + brute.newly.length;
      expect(Array.from(report.pruned.confusion)).toEqual(brute.conf);
      expect(report.forgotten.map((e) => e.index).sort((a, b) => a - b)).toEqual(brute.forgotten);
      expect(report.newlyRight.map((e) => e.index).sort((a, b) => a - b)).toEqual(brute.newly);
      // The diagonal and the per-class counts sum exactly to the overall correct count, both sides.
      const sum = (a: Int32Array) => a.reduce((s, v) => s + v, 0);
      expect(sum(report.dense.correct)).toBe(evaluate(params, x, y, n).correct);
      expect(sum(report.pruned.correct)).toBe(evaluate(maskedParams, x, y, n).correct);
      expect(sum(report.pruned.correct)).toBe(prunedEval.result.correct);
      expect(sum(report.pruned.count)).toBe(n);
      // Per-class accuracy matches the evaluator's own.
      report.pruned.count.forEach((k, c) => {
        if (k) expect(report.pruned.correct[c] / k).toBe(prunedEval.result.perClass[c]);
      });
      // Net change in correct answers = newly right − forgotten.
      expect(sum(report.pruned.correct) - sum(report.dense.correct)).toBe(
        report.newlyRight.length - report.forgotten.length,
      );
      // Ranked: drops never increase along the list.
      const drops = report.forgotten.map((e) => e.pDense - e.pPruned);
      drops.forEach((v, i) => i && expect(v).toBeLessThanOrEqual(drops[i - 1]));
      // True-class probabilities match the softmax of the reference logits.
      for (const e of report.forgotten)
        expect(e.pPruned).toBeCloseTo(rowProbabilities(refPruned, e.index, classes)[e.label], 9);
    }
    expect(changed).toBeGreaterThan(100); // the cases do change verdicts, so the lists were tested
  });
});
