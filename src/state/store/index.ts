/**
 * The door of `src/state/store/`: the app state and every slice's pure part — its shape, its initial
 * value, its reducer — under the area rooms that wire them (training, pruning, speed, data, links,
 * experiments, export, tour). Import this room through here, never a file inside it. It imports no other
 * room of `src/state/`.
 */
export {
  initialState,
  isBusy,
  isRunning,
  rateKey,
  startRun,
  Store,
  type AppState,
  type EpochMetrics,
  type LiveGrads,
  type LossPoint,
  type Origin,
  type Phase,
} from './store';
export {
  cancelled,
  CURVE_SPARSITIES,
  endSeries,
  FINETUNE_EPOCHS,
  FINETUNE_LR_FACTOR,
  finetuneFailed,
  gradualMasks,
  initialExperiments,
  ITERATIVE_EPOCHS_PER_STEP,
  ITERATIVE_STEPS,
  jobDone,
  jobProgress,
  startFinetune,
  type ArticleRuns,
  type ExperimentsState,
  type FinetuneKind,
  type FinetuneRecord,
  type FinetuneState,
  type LotteryOptions,
  type SeriesState,
} from './experimentsState';
export {
  BACKEND_CHOICES,
  defaultSettings,
  HEATMAP_VIEWS,
  parseField,
  parseNumber,
  parseSettings,
  PRUNING_KEYS,
  sameValue,
  SCHEMA,
  serializeSettings,
  SETTING_KEYS,
  shortestFloat32,
  trainConfigOf,
  type BackendPreference,
  type HeatmapView,
  type Settings,
} from './settings';
export {
  defaultFlags,
  EMBED_VIEWS,
  joinHash,
  PANELS,
  parseFlags,
  serializeFlags,
  SNAPSHOT_CHOICES,
  snapshotToOpen,
  THEMES,
  TOUR_MAX_STEP,
  withLocale,
  type EmbedView,
  type Flags,
  type Panel,
  type Theme,
} from './flags';
export { applyEvalMessage, initialPruning, withView, type PruneView, type SplitEval } from './pruningState';
export { applySweepMessage, curveAt, initialSweep, startSweep, type CurvePoint, type SweepState } from './sweepState';
export {
  planRepair,
  previewKey,
  pruningSettingsOf,
  REPAIR_TOLERANCE,
  repairPatch,
  repairsFor,
  runPlan,
  shownRepair,
  withPreview,
  type Probe,
  type ProbeResult,
  type RepairContext,
  type RepairKind,
  type RepairPlan,
} from './repairPlan';
export {
  applySpeedMessage,
  breakEven,
  curveLevels,
  sideOf,
  SPEED_BATCHES,
  SPEED_LEVELS,
  SPEED_ROUNDS,
  SPEED_SAMPLES,
  startMeasure,
  type BreakEven,
  type SizeRow,
  type SpeedCurve,
  type SpeedPoint,
} from './speedState';
export { applyTableMessage, refusedFile, userDataRef, type TableOptions, type UserDataState } from './userDataState';
export { problemMsg } from './tableProblems';
export { settingsChange } from './settingsChange';
export { fractionPruned, itemsOf, logToValue, pruneSpecOf, thresholdRange, valueToLog } from './pruneSpec';
export { classNamesOf, featureRow, forgetOf, selectedClass } from './forgetState';
