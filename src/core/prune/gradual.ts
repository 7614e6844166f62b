/**
 * Gradual pruning during training (Zhu & Gupta 2017), with TF Model Optimization's PolynomialDecay
 * schedule: no pruning before `begin`; from `begin` to `end` the target sparsity rises as
 *   s(t) = final + (initial − final) · (1 − (t − begin) / (end − begin))^power,
 * applied every `frequency` steps (and at `end`); `final` from `end` on. Steps count mini-batches from 0.
 * Each layer is pruned to s(t) by magnitude (as prune_low_magnitude does, layer by layer). Pure.
 */
export interface GradualSchedule {
  initial: number;
  final: number;
  begin: number;
  end: number;
  /** Steps between two mask updates. */
  frequency: number;
  power: number;
}

/** Zhu & Gupta's defaults, scaled to a run: prune from 0 % to `final` between a tenth and two thirds of the steps, every 1 % of them. */
export function defaultSchedule(totalSteps: number, final = 0.9): GradualSchedule {
  return {
    initial: 0,
    final,
    begin: Math.round(totalSteps * 0.1),
    end: Math.round(totalSteps * (2 / 3)),
    frequency: Math.max(1, Math.round(totalSteps / 100)),
    power: 3,
  };
}

/** The target sparsity at step t. */
export function scheduledSparsity(s: GradualSchedule, t: number): number {
  if (t < s.begin) return 0;
  if (t >= s.end || s.end <= s.begin) return s.final;
  const p = (t - s.begin) / (s.end - s.begin);
  return s.final + (s.initial - s.final) * (1 - p) ** s.power;
}

/** Whether the masks are updated before step t: at begin, every `frequency` steps after it, and at end. */
export function isPruningStep(s: GradualSchedule, t: number): boolean {
  if (t < s.begin || t > s.end) return false;
  return t === s.end || (t - s.begin) % Math.max(1, s.frequency) === 0;
}

/** The schedule as the steps where it changes and the sparsity it sets there (for drawing it). */
export function schedulePoints(s: GradualSchedule, totalSteps: number): { step: number; sparsity: number }[] {
  const out = [{ step: 0, sparsity: 0 }];
  for (let t = 0; t < totalSteps; t++)
    if (isPruningStep(s, t)) out.push({ step: t, sparsity: scheduledSparsity(s, t) });
  out.push({ step: totalSteps, sparsity: out[out.length - 1].sparsity });
  return out;
}

/** Why a schedule cannot run (a message key's detail), or null. */
export function scheduleProblem(s: GradualSchedule, totalSteps: number): string | null {
  if (!(s.final > 0 && s.final < 1)) return 'final';
  if (!(s.initial >= 0 && s.initial <= s.final)) return 'initial';
  if (!(Number.isInteger(s.begin) && Number.isInteger(s.end) && s.begin >= 0 && s.begin < s.end && s.end <= totalSteps))
    return 'steps';
  if (!(Number.isInteger(s.frequency) && s.frequency >= 1)) return 'frequency';
  return null;
}

/**
 * A layer's magnitude mask at sparsity s: the ⌊s·n⌋ lowest (|w|, row-major index) pruned — the lab's tie
 * rule: of equal |w| the lower index goes first — and at least one weight kept. 1 = kept. The same mask
 * as `magnitudeMask` of src/train/gradual.ts computes on the device (checked there).
 */
export function magnitudeMaskOf(kernel: Float32Array, s: number): Uint8Array {
  const n = kernel.length;
  const keep = Math.max(1, n - Math.floor(s * n + 1e-9));
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => Math.abs(kernel[a]) - Math.abs(kernel[b]) || a - b,
  );
  const mask = new Uint8Array(n).fill(1);
  for (let k = 0; k < n - keep; k++) mask[order[k]] = 0;
  return mask;
}
