/**
 * Backend selection: WebGPU first, then WebGL, then WebAssembly, then plain JavaScript (CPU). Each candidate must initialise and pass a
 * tiny gradient check before it is used, so a backend that "starts" but computes wrong numbers is
 * skipped too. The result says which backend runs, whether its adapter is software, and why any
 * preferred backend was skipped.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The .wasm binaries are bundled as assets (no CDN); only the one the browser needs is fetched.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { chooseFastest, skipText, type Measured } from './backendChoice';
import { probeSpeed } from './probe';
import type { BackendInfo, BackendName, BackendPreference, SkipReason } from './runTypes';
import { registerWebGPU } from './webgpuDevice';

registerWebGPU();
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const AUTO_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const SOFTWARE_PATTERN = /swiftshader|llvmpipe|lavapipe|softpipe|software|warp|microsoft basic render/i;

/** Test hook: pretend a backend is missing (set from the `?simulate=` URL parameter). */
export interface BackendFaults {
  noWebGPU?: boolean;
}

type Tried = { ok: true; software: boolean; adapter: string } | { ok: false; reason: SkipReason };

async function describeWebGPU(faults: BackendFaults): Promise<Tried> {
  if (faults.noWebGPU || typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) {
    return { ok: false, reason: { code: 'no-webgpu' } };
  }
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  if (!adapter) return { ok: false, reason: { code: 'no-adapter' } };
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const parts = [info?.vendor, info?.architecture, info?.device, info?.description].filter((s) => !!s);
  const text = parts.join(' ') || 'unknown adapter';
  const fallback =
    info?.isFallbackAdapter === true || (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  return { ok: true, software: fallback || SOFTWARE_PATTERN.test(text), adapter: text };
}

function describeWebGL(): { software: boolean; adapter: string } {
  try {
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
    if (!gl) return { software: false, adapter: 'WebGL' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    return { software: SOFTWARE_PATTERN.test(renderer), adapter: renderer };
  } catch {
    return { software: false, adapter: 'WebGL' };
  }
}

/**
 * Gradient check on the active backend: d/dW of sum(relu(x·W)) must equal xᵀ·step(x·W).
 * Catches backends that initialise but compute wrong results. Uses async reads only.
 */
export async function smokeTest(): Promise<SkipReason | null> {
  const x = tf.tensor2d([1, -2, 0.5, 3, 0.25, -1], [2, 3]);
  const w = tf.tidy(() => tf.variable(tf.tensor2d([0.5, -1, 2, 0.25, -0.75, 1.5], [3, 2])));
  try {
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.relu(tf.matMul(x, w))) as tf.Scalar, [w]);
    const got = await grads[w.name].data();
    tf.dispose([value, grads]);
    // Expected by hand: z = x·W, mask = z > 0, grad = xᵀ·mask.
    const xv = [1, -2, 0.5, 3, 0.25, -1];
    const wv = [0.5, -1, 2, 0.25, -0.75, 1.5];
    const expected = new Array<number>(6).fill(0);
    for (let r = 0; r < 2; r++) {
      for (let j = 0; j < 2; j++) {
        let z = 0;
        for (let i = 0; i < 3; i++) z += xv[r * 3 + i] * wv[i * 2 + j];
        if (z > 0) for (let i = 0; i < 3; i++) expected[i * 2 + j] += xv[r * 3 + i];
      }
    }
    const bad = expected.findIndex((e, i) => !(Math.abs(e - got[i]) < 1e-4));
    return bad < 0 ? null : { code: 'check-failed', detail: `got ${got[bad]}, expected ${expected[bad]}` };
  } catch (e) {
    return { code: 'check-threw', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    x.dispose();
    w.dispose();
  }
}

async function tryBackend(name: BackendName, faults: BackendFaults): Promise<Tried> {
  let software = false;
  let adapter: string = name;
  if (name === 'webgpu') {
    const d = await describeWebGPU(faults);
    if (!d.ok) return d;
    software = d.software;
    adapter = d.adapter;
  }
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    return { ok: false, reason: { code: 'start-threw', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (!ok || tf.getBackend() !== name) return { ok: false, reason: { code: 'start-failed' } };
  await tf.ready();
  if (name === 'webgl') ({ software, adapter } = describeWebGL());
  if (name === 'cpu') adapter = 'JavaScript on the CPU';
  if (name === 'wasm') adapter = 'WebAssembly on the CPU';
  const failure = await smokeTest();
  if (failure) return { ok: false, reason: failure };
  return { ok: true, software, adapter };
}

/**
 * Picks the backend. `auto` tries WebGPU, WebGL, WASM, CPU and takes the first that works, except when
 * it is a GPU backend on a software adapter (SwiftShader, llvmpipe, WARP…): then it measures that one
 * and the next candidates up to WASM (a few warm batches each, `probe`) and takes the fastest. A forced
 * backend is tried first and, if it fails, the rest of the order follows so the app still trains.
 * Never throws for CPU.
 */
export async function selectBackend(
  requested: BackendPreference,
  faults: BackendFaults = {},
  probe: () => Promise<number> = probeSpeed,
): Promise<BackendInfo> {
  const order = requested === 'auto' ? AUTO_ORDER : [requested, ...AUTO_ORDER.filter((b) => b !== requested)];
  const skips: { name: BackendName; reason: SkipReason }[] = [];
  const skip = (name: BackendName, reason: SkipReason) => skips.push({ name, reason });
  const english = () => skips.map((k) => `${k.name} skipped: ${skipText(k.reason)}`);
  for (const [k, name] of order.entries()) {
    const r = await tryBackend(name, faults);
    if (!r.ok) {
      skip(name, r.reason);
      continue;
    }
    const plain = {
      name,
      requested,
      software: r.software,
      adapter: r.adapter,
      fallbackReason: english().join('; '),
      skipped: skips,
      slowerChoice: null,
    };
    if (requested !== 'auto' || !r.software || name === 'wasm' || name === 'cpu') return plain;
    // A software GPU adapter: measure it and the candidates after it, up to the first CPU backend that works.
    const measured: Measured[] = [{ name, software: true, adapter: r.adapter, samplesPerSec: await probe() }];
    for (const alt of order.slice(k + 1)) {
      const a = await tryBackend(alt, faults);
      if (!a.ok) {
        skip(alt, a.reason);
        continue;
      }
      measured.push({ name: alt, software: a.software, adapter: a.adapter, samplesPerSec: await probe() });
      if (alt === 'wasm' || alt === 'cpu') break;
    }
    const pick = chooseFastest(measured);
    if (tf.getBackend() !== pick.chosen.name) await tf.setBackend(pick.chosen.name);
    const { chosen } = pick;
    return {
      name: chosen.name,
      requested,
      software: chosen.software,
      adapter: chosen.adapter,
      fallbackReason: [...english(), pick.reason].filter(Boolean).join('; '),
      skipped: skips,
      slowerChoice: pick.slower,
    };
  }
  throw new Error(`No backend could start (${english().join('; ')})`);
}
