/**
 * The phases of a run as the progress panel shows them — training, the validation pass after every
 * epoch, the scoring pass, the curves — each with its own progress, the time left for the whole run and,
 * once the curves are in, the time it took from Train to the last curve point. Before a run, what it is
 * expected to take from the measured speeds. Pure.
 */
import { INPUT_SIZE, TRAIN_SIZE, VAL_SIZE, type DataName, type DataRef, type DatasetName } from '../../core/data';
import { curvesSeconds, estimateRun, type RunEstimate } from '../../core/base';
import { SENSITIVITY_LEVELS } from '../../core/eval';
import { CURVE_LEVELS } from '../pruning/sweep';
import { runDataOf, type RunData } from '../data/dataChoice';
import { rateKey, type AppState, type Settings } from '../store';

export type PhaseStatus = 'waiting' | 'running' | 'done';

export interface PhaseProgress {
  status: PhaseStatus;
  /** 0..1 */
  fraction: number;
  done: number;
  total: number;
  /** Seconds it took, once done (NaN when unknown). */
  seconds: number;
}

export interface RunProgress {
  training: PhaseProgress;
  validation: PhaseProgress;
  scoring: PhaseProgress;
  curves: PhaseProgress;
  /** Seconds left until the last curve point (NaN when it cannot be told yet). */
  etaSec: number;
  /** False when the curves' time is not known yet (no evaluator speed measured): `etaSec` is then until the curves start. */
  etaIncludesCurves: boolean;
  /** Train → the last curve point, once there (else null). */
  tookSec: number | null;
}

const CRITERIA_COUNT = 5;

/** The curves' expected seconds for a dataset: what they last took, else from the evaluator's last measured full passes; null before either. */
export function curvesEstimate(s: Pick<AppState, 'evalSpeed'>, dataset: DataName): number | null {
  const speed = s.evalSpeed[dataset];
  if (!speed) return null;
  if (speed.curvesSec !== undefined && Number.isFinite(speed.curvesSec)) return speed.curvesSec;
  const seconds = curvesSeconds(speed, {
    criteria: CRITERIA_COUNT,
    levels: CURVE_LEVELS.length,
    layers: 3,
    sensitivityLevels: SENSITIVITY_LEVELS.length,
  });
  return Number.isFinite(seconds) ? seconds : null;
}

/**
 * What Train is expected to take on `data` (what it trains: `chosenData`) with these epochs and batch
 * size; null before the backend's throughput is measured, or while the chosen table is not ready. `rate`:
 * the samples/s of an earlier run on the same data and batch size, which it is estimated from.
 */
export function expectedRun(
  s: Pick<AppState, 'throughput' | 'evalSpeed'> & Partial<Pick<AppState, 'runRates'>>,
  data: RunData,
  training: Pick<Settings, 'epochs' | 'batchSize'> & Partial<Pick<Settings, 'hidden'>>,
): (RunEstimate & { curvesKnown: boolean; fromRun: boolean; rate?: number }) | null {
  if (!s.throughput || !data.ready) return null;
  const { epochs, batchSize } = training;
  const curves = curvesEstimate(s, data.name);
  // A run of the same data and batch size measured the training speed better than the probe.
  const rate = s.runRates?.[rateKey(data.name, batchSize, data.hash, training.hidden)];
  const shape = {
    epochs,
    batchSize,
    inputs: data.inputs,
    trainN: data.trainN,
    valN: data.valN,
    hidden: training.hidden,
  };
  return {
    ...estimateRun(s.throughput, shape, curves ?? 0, rate),
    curvesKnown: curves !== null,
    fromRun: rate !== undefined,
    rate,
  };
}

/** Input width and split sizes of a run's data (a user's table has its own), before its reference is known too. */
const runSize = (name: DataName, ref: DataRef | null) =>
  ref
    ? runDataOf(ref)
    : { inputs: INPUT_SIZE[name as DatasetName] ?? 0, trainN: TRAIN_SIZE, valN: VAL_SIZE, hash: undefined };

const phase = (status: PhaseStatus, done: number, total: number, seconds = NaN): PhaseProgress => ({
  status,
  done,
  total,
  fraction: total > 0 ? Math.min(1, done / total) : status === 'done' ? 1 : 0,
  seconds,
});

/** What the phases are read from (the parts of the app state, so a component can subscribe to just these). */
export type RunView = Pick<
  AppState,
  | 'dataset'
  | 'runConfig'
  | 'progress'
  | 'phase'
  | 'result'
  | 'epochs'
  | 'scoringProgress'
  | 'scoring'
  | 'sweep'
  | 'timing'
  | 'evalSpeed'
  | 'throughput'
  | 'runRates'
>;

export function runProgress(s: RunView, now: number): RunProgress {
  const cfg = s.runConfig;
  const p = s.progress;
  const epochs = cfg?.epochs ?? 0;
  const training = s.phase === 'training' || s.phase === 'paused' || s.phase === 'loading';
  const afterTraining = s.phase === 'scoring' || s.phase === 'done';
  const trainProgress = phase(
    afterTraining ? 'done' : training && p ? 'running' : 'waiting',
    p ? p.fraction * 100 : 0,
    100,
    s.result?.trainSeconds ?? NaN,
  );
  const validating = p?.stage === 'validation' && training;
  const valSeconds = s.epochs.reduce((a, e) => a + (Number.isFinite(e.validationSeconds) ? e.validationSeconds : 0), 0);
  const validation = phase(
    epochs > 0 && s.epochs.length >= epochs ? 'done' : validating || s.epochs.length > 0 ? 'running' : 'waiting',
    s.epochs.length,
    epochs,
    valSeconds,
  );
  const sp = s.scoringProgress;
  const scoring = s.scoring
    ? phase('done', s.scoring.batches, s.scoring.batches, s.scoring.seconds)
    : phase(s.phase === 'scoring' ? 'running' : 'waiting', sp?.done ?? 0, sp?.total ?? 0);
  const sw = s.sweep;
  const curves = phase(
    sw.status === 'done' ? 'done' : sw.status === 'running' ? 'running' : 'waiting',
    sw.done,
    sw.total,
    sw.ms !== null ? sw.ms / 1000 : NaN,
  );
  const t = s.timing;
  const estimate = cfg ? curvesEstimate(s, cfg.dataset) : null;
  let curvesLeft = estimate ?? 0;
  if (curves.status === 'running' && t?.doneAt) {
    const elapsed = (now - t.doneAt) / 1000;
    curvesLeft =
      sw.done > sw.total / 10
        ? (elapsed * (sw.total - sw.done)) / sw.done
        : estimate !== null
          ? Math.max(0, estimate - elapsed)
          : NaN;
  }
  const etaIncludesCurves = estimate !== null || (curves.status === 'running' && sw.done > sw.total / 10);
  let etaSec = NaN;
  if (training && p) {
    // The run's own figure once its steady rate is measured (the trainer leaves out the first, slow
    // batches: RATE_SKIP_BATCHES); before that, the start-up probe's estimate less the time gone.
    const size = cfg && runSize(cfg.dataset, s.dataset);
    const shape = cfg &&
      size && {
        epochs: cfg.epochs,
        batchSize: cfg.batchSize,
        inputs: size.inputs,
        trainN: size.trainN,
        valN: size.valN,
        hidden: cfg.hidden,
      };
    const expected =
      cfg && shape && s.throughput && t
        ? estimateRun(s.throughput, shape, 0, s.runRates[rateKey(cfg.dataset, cfg.batchSize, size!.hash, cfg.hidden)])
        : null;
    const left = Number.isFinite(p.etaSec)
      ? p.etaSec
      : expected
        ? Math.max(0, expected.total - (now - t!.startedAt) / 1000)
        : NaN;
    etaSec = left + curvesLeft;
  } else if (s.phase === 'scoring') etaSec = (sp?.etaSec ?? NaN) + curvesLeft;
  else if (s.phase === 'done' && curves.status === 'running') etaSec = curvesLeft;
  const tookSec = t?.curvesAt != null ? (t.curvesAt - t.startedAt) / 1000 : null;
  return { training: trainProgress, validation, scoring, curves, etaSec, etaIncludesCurves, tookSec };
}
