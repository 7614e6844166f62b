/**
 * Backend selection: `auto` starts on WebAssembly at once and chooses later by measurement among
 * WebGPU, WebGL and WebAssembly (plain JavaScript on the CPU when none starts). Each candidate must
 * initialise and pass a tiny gradient check before it is used, so a backend that "starts" but computes
 * wrong numbers is skipped too. The result says which backend runs, whether its adapter is software, and why any
 * preferred backend was skipped.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The .wasm binaries are bundled as assets (no CDN); only the one the browser needs is fetched.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { byRate, CANDIDATES, chooseFastest, skipText } from './backendChoice';
import { measureSpeed } from './probe';
import type { BackendInfo, BackendName, BackendPreference, Measured, SkipReason } from './runTypes';
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

/** Tries `order` in turn; the first that starts and passes its check runs. Never throws for CPU. */
async function firstThatStarts(order: readonly BackendName[], faults: BackendFaults, skips: Skipped) {
  for (const name of order) {
    const r = await tryBackend(name, faults);
    if (r.ok) return { name, ...r };
    skips.push({ name, reason: r.reason });
  }
  throw new Error(`No backend could start (${english(skips).join('; ')})`);
}

type Skipped = { name: BackendName; reason: SkipReason }[];
const english = (skips: Skipped) => skips.map((k) => `${k.name} skipped: ${skipText(k.reason)}`);

/**
 * Starts the backend. `auto` starts on WASM at once (then CPU if it cannot), `pending` its choice by
 * measurement (`chooseByMeasurement`), which the page asks for when it is idle or at the first Train. A
 * forced backend is tried first and, if it fails, the rest of the order follows so the app still trains.
 */
export async function selectBackend(requested: BackendPreference, faults: BackendFaults = {}): Promise<BackendInfo> {
  const auto = requested === 'auto';
  const order = auto ? (['wasm', 'cpu'] as const) : [requested, ...AUTO_ORDER.filter((b) => b !== requested)];
  const skips: Skipped = [];
  const r = await firstThatStarts(order, faults, skips);
  const info = { name: r.name, requested, software: r.software, adapter: r.adapter, skipped: skips };
  return { ...info, fallbackReason: english(skips).join('; '), ...(auto && { pending: 'waiting' as const }) };
}

/**
 * `auto`'s choice: measures every candidate that starts (WASM first, then WebGPU, WebGL; each a few warm
 * batches at `batch`, `measure`) and switches to the fastest (CPU only when none starts). The chosen
 * backend is the active one on return.
 */
export async function chooseByMeasurement(
  batch: number,
  faults: BackendFaults = {},
  measure: (batch: number, toBeat: number) => Promise<number> = (b, toBeat) => measureSpeed(b, 800, toBeat),
): Promise<BackendInfo> {
  const skips: Skipped = [];
  const measured: Measured[] = [];
  for (const name of ['wasm', ...CANDIDATES.filter((c) => c !== 'wasm')] as BackendName[]) {
    const r = await tryBackend(name, faults);
    if (!r.ok) {
      skips.push({ name, reason: r.reason });
      continue;
    }
    const toBeat = Math.max(0, ...measured.map((m) => m.samplesPerSec));
    measured.push({ name, software: r.software, adapter: r.adapter, samplesPerSec: await measure(batch, toBeat) });
  }
  if (measured.length === 0) {
    const { name, software, adapter } = await firstThatStarts(['cpu'], faults, skips);
    return { name, software, adapter, requested: 'auto', skipped: skips, fallbackReason: english(skips).join('; ') };
  }
  const { chosen, reason } = chooseFastest(measured, batch);
  if (tf.getBackend() !== chosen.name) await tf.setBackend(chosen.name);
  return {
    name: chosen.name,
    requested: 'auto',
    software: chosen.software,
    adapter: chosen.adapter,
    fallbackReason: [...english(skips), reason].join('; '),
    skipped: skips,
    measured: byRate(measured),
    measuredBatch: batch,
  };
}
