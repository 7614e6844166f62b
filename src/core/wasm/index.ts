/** The door of `src/core/wasm/`: WebAssembly SIMD kernels and their loader. Import this room through here, never a file inside it. */
export * from './compile';
export * from './infer.wasm';
export * from './kernels.wasm';
