/** The door of `src/core/fit/`: the fused WebAssembly SIMD training step and its driver. Import this room through here, never a file inside it. */
export * from './fusedMlp';
export { MAX_WIDTH } from './fitLayout';
