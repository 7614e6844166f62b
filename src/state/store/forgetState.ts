/**
 * What pruning forgets, read from the pruning slice: the dense outputs came with the network ('loaded'),
 * the pruned logits with each slider position (`PruneView.logits`). Derived, not stored: `forgetOf` is
 * pure and remembers its last answer per view, so the panel, the tour and the run file share one report.
 */
import { rowOutputs, forgetReport, type ForgetReport, type SparseFeatures } from '../../core/eval';
import type { DataRef } from '../../core/data';
import type { PruningState, PruneView } from './pruningState';

const reports = new WeakMap<PruneView, ForgetReport>();

/** The report of the slider's current position against the dense network, or null before both are known. */
export function forgetOf(p: Pick<PruningState, 'forget' | 'view'>): ForgetReport | null {
  const { forget, view } = p;
  if (!forget || !view || view.logits.length !== forget.denseLogits.length || !forget.classes) return null;
  let r = reports.get(view);
  if (!r) {
    const { y, n } = forget.val;
    r = forgetReport(forget.dense, rowOutputs(view.logits, y, n, forget.classes), y, n, forget.classes);
    reports.set(view, r);
  }
  return r;
}

/** The names of a run's classes: a user's table's, else the class ids (MNIST's digits, synthetic-32's classes). */
export function classNamesOf(ref: Pick<DataRef, 'name' | 'table'> | null, classes: number): string[] {
  if (ref?.name === 'user' && ref.table && ref.table.classNames.length === classes) return [...ref.table.classNames];
  return Array.from({ length: classes }, (_, i) => String(i));
}

/** The values of one row of sparse features (CSR), as a new dense array `[d]`. */
export function featureRow(f: SparseFeatures, row: number): Float32Array {
  const out = new Float32Array(f.d);
  for (let k = f.rowPtr[row]; k < f.rowPtr[row + 1]; k++) out[f.rowCol[k]] = f.rowVal[k];
  return out;
}

/** The selected class of the per-class views: the link's, when the network has it, else none (-1). */
export const selectedClass = (wanted: number, classes: number): number =>
  wanted >= 0 && wanted < classes ? wanted : -1;
