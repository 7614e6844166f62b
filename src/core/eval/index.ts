/** The door of `src/core/eval/`: the masked evaluator, its arithmetic, the prune evaluator, sweeps and sensitivity, what pruning forgets. Import this room through here, never a file inside it. */
export * from './evalEngine';
export * from './maskedEval';
export * from './pruneEvaluator';
export * from './sparseFeatures';
export * from './sweep';
export * from './wasmEngine';
export * from './forgetting';
