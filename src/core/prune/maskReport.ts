/**
 * What a mask does to the network: sparsity per layer and overall (always counted from the mask),
 * storage (dense vs. CSR bytes), multiply-adds per sample, the shapes left after removing dead hidden
 * units, and collapse warnings. Pure; masks row-major `[inputs, units]`, 1 = kept.
 */
import { countOnes } from './byteMasks';
import type { Masks, Shape } from './masks';

export interface LayerReport {
  live: number;
  total: number;
  sparsity: number;
  /** Every weight of the kernel is pruned. */
  collapsed: boolean;
}

export interface MaskReport {
  layers: LayerReport[];
  live: number;
  total: number;
  sparsity: number;
  /** float32 kernels and biases. */
  denseBytes: number;
  /** CSR: float32 values + int32 column indices + int32 row pointers per kernel, plus dense biases. */
  csrBytes: number;
  macsDense: number;
  /** Multiply-adds of a sparse kernel product: one per live weight. */
  macsSparse: number;
  /** Per hidden layer, units with no live path from the inputs or none to the outputs. */
  deadUnits: number[];
  /** Of those, the ones no pruning removed on purpose (with neuron granularity, pruned units are dead by design). */
  strandedUnits: number[];
  /** Layer sizes after removing dead hidden units, e.g. [784, 41, 19, 10]. */
  shapes: number[];
  /** Some kernel is 100% pruned or no input reaches any output: the output no longer depends on the input. */
  collapse: boolean;
  disconnected: boolean;
}

const BYTES = 4;

/** @param units with neuron granularity, per hidden layer, 1 = unit kept (the units pruned on purpose are 0) */
export function maskReport(masks: Masks, shapes: Shape[], units: readonly Uint8Array[] | null = null): MaskReport {
  const layers = masks.map((m, l) => {
    const live = countOnes(m);
    const total = shapes[l].inputs * shapes[l].units;
    return { live, total, sparsity: total ? 1 - live / total : 0, collapsed: total > 0 && live === 0 };
  });
  const live = layers.reduce((a, l) => a + l.live, 0);
  const total = layers.reduce((a, l) => a + l.total, 0);
  const biases = shapes.reduce((a, s) => a + s.units, 0);

  // Forward: which units does any input reach? Backward: which units reach any output?
  let reach = new Uint8Array(shapes[0].inputs).fill(1);
  const reached: Uint8Array[] = [];
  masks.forEach((m, l) => {
    const { inputs, units } = shapes[l];
    const next = new Uint8Array(units);
    // Stops as soon as every unit is reached (the usual case: a few inputs suffice).
    let reachedCount = 0;
    for (let i = 0; i < inputs && reachedCount < units; i++) {
      if (!reach[i]) continue;
      for (let j = 0, o = i * units; j < units; j++)
        if (m[o + j] && !next[j]) {
          next[j] = 1;
          reachedCount++;
        }
    }
    reached.push(next);
    reach = next;
  });
  const useful: Uint8Array[] = new Array(masks.length);
  useful[masks.length - 1] = new Uint8Array(shapes[masks.length - 1].units).fill(1);
  for (let l = masks.length - 1; l > 0; l--) {
    const { inputs, units } = shapes[l];
    const prev = new Uint8Array(inputs);
    for (let i = 0; i < inputs; i++)
      for (let j = 0; j < units; j++) if (useful[l][j] && masks[l][i * units + j]) prev[i] = 1;
    useful[l - 1] = prev;
  }
  const dead = (l: number, strandedOnly: boolean) => {
    let n = 0;
    for (let j = 0; j < shapes[l].units; j++)
      if (!(reached[l][j] && useful[l][j]) && !(strandedOnly && units && !units[l][j])) n++;
    return n;
  };
  const deadUnits = shapes.slice(0, -1).map((_, l) => dead(l, false));
  const strandedUnits = shapes.slice(0, -1).map((_, l) => dead(l, true));
  const disconnected = !reached[masks.length - 1].some((v) => v === 1);
  return {
    layers,
    live,
    total,
    sparsity: total ? 1 - live / total : 0,
    denseBytes: (total + biases) * BYTES,
    csrBytes: shapes.reduce((a, s, l) => a + (2 * layers[l].live + s.inputs + 1 + s.units) * BYTES, 0),
    macsDense: total,
    macsSparse: live,
    deadUnits,
    strandedUnits,
    shapes: [
      shapes[0].inputs,
      ...shapes.slice(0, -1).map((s, l) => s.units - deadUnits[l]),
      shapes[shapes.length - 1].units,
    ],
    collapse: layers.some((l) => l.collapsed) || disconnected,
    disconnected,
  };
}
