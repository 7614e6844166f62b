/**
 * The fused training step on a GPUDevice: the buffers (parameters, gradients, Adam's moments, masks, the
 * live average, activations, dZ, statistics, the batch's indices), the pipelines of `forward.ts` and
 * `backward.ts`, and a step encoded as 2·layers + 1 dispatches in one compute pass, one submit. Nothing
 * is read back per step: `readStats` and the other reads map a copy when asked. Every buffer this
 * creates is destroyed by `dispose`; the data buffers it is given belong to the caller.
 */
import type { LayerParams } from '../../core/base';
import { adamShader, layerBackward } from './backward';
import { hiddenForward, outputForward, type Shader } from './forward';
import { EVAL_CHUNK, groupSize, HEADER_WORDS, maskWords, STAT_WORDS, type NetLayout } from './layout';

/** A split on the device: features `[n, inputs]` float32, labels u32 (or i32 ≥ 0), and its rows' nonzero input groups (`sparseRows`). */
export interface GpuSplit {
  x: GPUBuffer;
  labels: GPUBuffer;
  n: number;
  nz: Uint32Array;
}

export interface GpuMlpOptions {
  /** The most rows a training step has. */
  batch: number;
  learningRate: number;
  liveDecay: number;
  /** Called before each submit (tfjs's own encoded work goes first). */
  beforeSubmit(): void;
}

interface Pass {
  pipeline: GPUComputePipeline;
  shader: Shader;
}

async function compile(device: GPUDevice, shader: Shader): Promise<Pass> {
  const module = device.createShaderModule({ code: shader.code });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length) throw new Error(`WGSL: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  return { pipeline, shader };
}

export type GpuMlp = Awaited<ReturnType<typeof createGpuMlp>>;

/**
 * A network of `layout`'s shape on `device`, starting from `params` (kernels row-major `[inputs, units]`)
 * with `masks` (per kernel, 0/1; none: all kept), training on `train` and validating on `val`.
 */
export async function createGpuMlp(
  device: GPUDevice,
  layout: NetLayout,
  params: LayerParams[],
  masks: Float32Array[] | undefined,
  train: GpuSplit,
  val: GpuSplit,
  options: GpuMlpOptions,
) {
  const { layers, size } = layout;
  const L = layers.length;
  device.pushErrorScope('validation');
  const rows = Math.max(options.batch, EVAL_CHUNK);
  const owned: GPUBuffer[] = [];
  const rowMaskWords = (layers[0].inputs / groupSize(layers[0].inputs)) * maskWords(options.batch);
  // (GPUBufferUsage exists only where WebGPU does: read here, not when the module loads.)
  const buffer = (
    bytes: number,
    usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
  ) => {
    const b = device.createBuffer({ size: Math.max(16, Math.ceil(bytes / 4) * 4), usage });
    owned.push(b);
    return b;
  };
  const flat = (fill: (a: Float32Array, l: number) => void) => {
    const a = new Float32Array(size);
    layers.forEach((_, l) => fill(a, l));
    return a;
  };
  const buffers: Record<string, GPUBuffer> = {
    header: buffer(HEADER_WORDS * 4, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST),
    params: buffer(size * 4),
    grads: buffer(size * 4),
    m: buffer(size * 4),
    v: buffer(size * 4),
    mask: buffer(size * 4),
    ema: buffer(size * 4),
    stats: buffer(STAT_WORDS * 4),
    rowMask: buffer(rowMaskWords * 4),
  };
  layers.forEach((s, l) => {
    buffers[`dz${l}`] = buffer(rows * s.units * 4);
    if (l < L - 1) buffers[`act${l}`] = buffer(rows * s.units * 4);
  });
  const idx = { train: buffer(train.n * 4), val: buffer(val.n * 4) };
  const nz = { train: buffer(train.nz.byteLength), val: buffer(val.nz.byteLength) };
  const queue = device.queue;
  queue.writeBuffer(nz.train, 0, train.nz);
  queue.writeBuffer(nz.val, 0, val.nz);
  queue.writeBuffer(
    buffers.params,
    0,
    flat((a, l) => (a.set(params[l].kernel, layers[l].kernel), a.set(params[l].bias, layers[l].bias))),
  );
  queue.writeBuffer(
    buffers.mask,
    0,
    flat(
      (a, l) => (
        a.fill(1, layers[l].kernel, layers[l].bias + layers[l].units),
        masks && a.set(masks[l], layers[l].kernel)
      ),
    ),
  );
  queue.writeBuffer(
    idx.val,
    0,
    Uint32Array.from({ length: val.n }, (_, i) => i),
  );

  const forward = await Promise.all(
    layers.map((s, l) => compile(device, l < L - 1 ? hiddenForward(s, l, options.batch) : outputForward(s, l))),
  );
  const backward = await Promise.all(layers.map((s, l) => compile(device, layerBackward(s, l, options.batch))));
  const adam = await compile(device, adamShader(size, options.liveDecay, rowMaskWords));

  const bind = (pass: Pass, split: 'train' | 'val') =>
    device.createBindGroup({
      layout: pass.pipeline.getBindGroupLayout(0),
      entries: pass.shader.bindings.map((name, binding) => {
        const data = split === 'train' ? train : val;
        const own: Record<string, GPUBuffer> = { x: data.x, labels: data.labels, idx: idx[split], nz: nz[split] };
        const named = own[name] ?? buffers[name];
        return { binding, resource: { buffer: named } };
      }),
    });
  const groups = {
    forward: forward.map((p) => bind(p, 'train')),
    forwardVal: forward.map((p) => bind(p, 'val')),
    backward: backward.map((p) => bind(p, 'train')),
    adam: bind(adam, 'train'),
  };

  const invalid = await device.popErrorScope();
  if (invalid) {
    owned.forEach((b) => b.destroy());
    throw new Error(`WebGPU refused the fused step's set-up: ${invalid.message}`);
  }

  let dispatches = 0;
  const dispatch = (pass: GPUComputePassEncoder, p: Pass, group: GPUBindGroup, n: number) => {
    pass.setPipeline(p.pipeline);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(p.shader.workgroups(n));
    dispatches++;
  };
  const header = new ArrayBuffer(HEADER_WORDS * 4);
  const writeHeader = (start: number, n: number, live: boolean, mode: number, c1 = 1, c2 = 1) => {
    new Uint32Array(header, 0, 4).set([start, n, live ? 1 : 0, mode]);
    new Float32Array(header, 16, 4).set([c1, c2, options.learningRate, 0]);
    queue.writeBuffer(buffers.header, 0, header);
  };
  // The first submit of each kind (a step, a validation chunk) runs in an error scope; a read reports its error.
  const scoped = new Set<string>();
  let refused: Promise<GPUError | null> = Promise.resolve(null);
  const submit = (kind: string, encode: (pass: GPUComputePassEncoder) => void) => {
    options.beforeSubmit();
    const first = !scoped.has(kind);
    if (first) device.pushErrorScope('validation');
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    encode(pass);
    pass.end();
    queue.submit([encoder.finish()]);
    if (first) {
      scoped.add(kind);
      const popped = device.popErrorScope();
      const before = refused;
      refused = before.then(async (e) => e ?? (await popped));
    }
  };
  /** Copies `bytes` of `source` from `offset` and maps them (one read-back). */
  const read = async (source: GPUBuffer, bytes: number, offset = 0): Promise<ArrayBuffer> => {
    const error = await refused;
    if (error) throw new Error(`WebGPU refused the fused step: ${error.message}`);
    options.beforeSubmit();
    const staging = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    try {
      const encoder = device.createCommandEncoder();
      encoder.copyBufferToBuffer(source, offset, staging, 0, bytes);
      queue.submit([encoder.finish()]);
      await staging.mapAsync(GPUMapMode.READ);
      return staging.getMappedRange().slice(0);
    } finally {
      staging.destroy();
    }
  };

  return {
    /** dispatchWorkgroups calls encoded so far (steps and validation). */
    get dispatches() {
      return dispatches;
    },
    /** A new order of the training rows (int32, ≥ 0), which the steps' `start` index into. */
    setOrder(order: Int32Array) {
      queue.writeBuffer(idx.train, 0, order, 0, Math.min(order.length, train.n));
    },
    /** One step on rows `order[start .. start + n)`; `c1`, `c2`: Adam's 1 − β1ᵗ and 1 − β2ᵗ (float32). */
    step(start: number, n: number, live: boolean, c1: number, c2: number) {
      writeHeader(start, n, live, 0, c1, c2);
      submit('step', (pass) => {
        for (let l = 0; l < L; l++) dispatch(pass, forward[l], groups.forward[l], n);
        for (let l = L - 1; l >= 0; l--) dispatch(pass, backward[l], groups.backward[l], n);
        dispatch(pass, adam, groups.adam, n);
      });
    },
    /** Zeroes the epoch's (`epoch`) or the validation pass's sums. */
    clearSums(which: 'epoch' | 'val') {
      queue.writeBuffer(buffers.stats, (which === 'epoch' ? 1 : 3) * 4, new Uint32Array(2));
    },
    /** The forward pass over the validation set, in chunks, into the validation sums. */
    validate() {
      for (let start = 0; start < val.n; start += EVAL_CHUNK) {
        const n = Math.min(EVAL_CHUNK, val.n - start);
        writeHeader(start, n, false, 1);
        submit('validation', (pass) => forward.forEach((p, l) => dispatch(pass, p, groups.forwardVal[l], n)));
      }
    },
    /** The statistics buffer (see `STAT`). */
    readStats: () => read(buffers.stats, STAT_WORDS * 4),
    /** All parameters or the live average, in the flat layout. */
    readFlat: async (which: 'params' | 'ema') => new Float32Array(await read(buffers[which], size * 4)),
    dispose() {
      owned.forEach((b) => b.destroy());
    },
  };
}
