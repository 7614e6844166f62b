/** The door of `src/core/infer/`: measured inference: dense and CSR paths and their timing. Import this room through here, never a file inside it. */
export * from './inferTiming';
export * from './sparseInfer';
