// WebAssembly text → bytes with wabt (a devDependency), shared by the generator and its test.
import wabt from 'wabt';

/** @param {string} wat @returns {Promise<Uint8Array>} */
export async function compileKernels(wat) {
  const w = await wabt();
  const mod = w.parseWat('kernels.wat', wat, { simd: true });
  try {
    mod.validate();
    return Uint8Array.from(mod.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    mod.destroy();
  }
}
