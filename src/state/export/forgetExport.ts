/**
 * What pruning forgets in the exported files: run.json's `forget` section (per-class accuracy dense and
 * pruned with the class names, the forgotten and newly right sample numbers) and the curves CSV's per-class
 * columns (validation points).
 */
import type { ClassCounts } from '../../core/eval';
import type { RunForget } from '../../core/formats';
import { classNamesOf, forgetOf, type AppState, type CurvePoint } from '../store';

const accuracies = (c: ClassCounts) => Array.from(c.correct, (k, i) => (c.count[i] ? k / c.count[i] : NaN));

/** run.json's `forget` section for the slider's mask, or null while it is not known. */
export function runForgetOf(s: AppState): RunForget | null {
  const r = forgetOf(s.pruning);
  const ref = s.dataset;
  if (!r || !ref || ref.valIndices.length !== r.n) return null;
  const sample = (e: { index: number }) => ref.valIndices[e.index];
  return {
    classNames: classNamesOf(ref, r.classes),
    count: Array.from(r.dense.count),
    dense: accuracies(r.dense),
    pruned: accuracies(r.pruned),
    forgotten: r.forgotten.map(sample),
    newlyRight: r.newlyRight.map(sample),
  };
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break (a user's class name may). */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The curves CSV's per-class columns: one header cell per class (`acc_<class name>`), and each point's
 * cells (its per-class accuracies; empty for a point without them, e.g. the training curves). Empty
 * when no point has them.
 */
export function classColumns(s: AppState): { header: string[]; cells(p: CurvePoint): string[] } {
  const points = Object.values(s.sweep.curves).flatMap((c) => c?.val ?? []);
  const classes = points.find((p) => p.perClass)?.perClass?.length ?? 0;
  if (!classes) return { header: [], cells: () => [] };
  const names = classNamesOf(s.dataset, classes);
  return {
    header: names.map((n) => cell(`acc_${n}`)),
    cells: (p) => names.map((_, k) => (p.perClass && Number.isFinite(p.perClass[k]) ? String(p.perClass[k]) : '')),
  };
}
