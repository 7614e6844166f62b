import { describe, expect, it } from 'vitest';
import { maskReport } from './maskReport';
import type { Shape } from './masks';

const shapes: Shape[] = [
  { inputs: 3, units: 2 },
  { inputs: 2, units: 2 },
  { inputs: 2, units: 2 },
];
const ones = () => shapes.map((s) => new Uint8Array(s.inputs * s.units).fill(1));

describe('mask report', () => {
  it('counts live weights, bytes and multiply-adds of a dense network', () => {
    const r = maskReport(ones(), shapes);
    expect(r.live).toBe(14);
    expect(r.sparsity).toBe(0);
    expect(r.denseBytes).toBe((14 + 6) * 4);
    // CSR: per layer 2·live + (inputs + 1) row pointers + units biases, 4 bytes each.
    expect(r.csrBytes).toBe((12 + 4 + 2 + (8 + 3 + 2) + (8 + 3 + 2)) * 4);
    expect(r.macsSparse).toBe(14);
    expect(r.shapes).toEqual([3, 2, 2, 2]);
    expect(r.collapse).toBe(false);
  });

  it('finds units with no path to the output and units no input reaches', () => {
    const m = ones();
    m[1].set([0, 0], 2); // hidden-1 unit 1 feeds nothing
    m[0].set([0, 0, 0, 0, 0, 0].map((_, i) => (i % 2 === 0 ? 0 : 1))); // hidden-1 unit 0 gets no input
    const r = maskReport(m, shapes);
    expect(r.deadUnits).toEqual([2, 2]);
    expect(r.shapes).toEqual([3, 0, 0, 2]);
    expect(r.disconnected).toBe(true);
    expect(r.collapse).toBe(true);
    expect(r.layers.map((l) => l.collapsed)).toEqual([false, false, false]);
  });

  it('counts as stranded only the dead units that no neuron pruning removed on purpose', () => {
    const m = ones();
    // Unit 0 of hidden layer 1 pruned on purpose (its column and its outgoing row); unit 1 of hidden
    // layer 2 loses every input as a side effect.
    [0, 2, 4].forEach((i) => (m[0][i] = 0));
    m[1].set([0, 0], 0);
    m[1][3] = 0;
    const units = [Uint8Array.of(0, 1), Uint8Array.of(1, 1)];
    const r = maskReport(m, shapes, units);
    expect(r.deadUnits).toEqual([1, 1]);
    expect(r.strandedUnits).toEqual([0, 1]);
    expect(maskReport(m, shapes).strandedUnits).toEqual([1, 1]); // without the units: every dead one
  });

  it('reports a fully pruned kernel as a collapsed layer', () => {
    const m = ones();
    m[2].fill(0);
    const r = maskReport(m, shapes);
    expect(r.layers[2]).toMatchObject({ live: 0, sparsity: 1, collapsed: true });
    expect(r.collapse).toBe(true);
    expect(r.layers[0].sparsity).toBe(0);
    expect(r.sparsity).toBeCloseTo(4 / 14, 12);
  });
});
