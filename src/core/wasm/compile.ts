/** Compiling the lab's embedded WebAssembly modules, once each. */

/**
 * A function returning the module of `base64` (compiled on first call, then cached), or null where
 * WebAssembly or its SIMD extension is unavailable.
 */
export function compiledOnce(base64: string): () => WebAssembly.Module | null {
  let compiled: WebAssembly.Module | null | undefined;
  return () => {
    if (compiled === undefined) {
      try {
        const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
        compiled =
          typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
      } catch {
        compiled = null;
      }
    }
    return compiled;
  };
}
