#!/usr/bin/env node
// Micro-benchmark of the fused WebAssembly training step (src/core/fit, issue 27) in Node, next to native
// PyTorch on the same network and batches: samples/s of 784-64-32-10 training steps (Adam 1e-3,
// softmax cross-entropy) on MNIST's training split (public/data; random rows with ~80 % zeros if it is
// missing), at batch 32 and 128, the fused step with the live |∂L/∂w| average off and on (every
// LIVE_GRAD_STRIDE-th step, as the trainer), PyTorch with 1 thread (`torch.set_num_threads(1)`) when a
// python3 with torch is found. Each figure is the median of --runs runs of at least --seconds each; the
// runs of both sides are interleaved (run 1 of each, then run 2 …), so the ratios compare like with like.
// Not part of npm test; run alone on a quiet machine: `node scripts/bench-fused.mjs`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseOptions } from './lib/args.mjs';
import { ROOT, fromSrc } from './lib/src.mjs';

const positive = (v, flag) => {
  const n = Number(v);
  if (!(n > 0)) throw new Error(`--${flag} must be a positive number, not "${v}"`);
  return n;
};
const opts = parseOptions(
  process.argv.slice(2),
  {
    runs: { default: 5, parse: positive, help: 'runs per figure (the median is reported)', value: 'N' },
    seconds: { default: 2, parse: positive, help: 'minimum length of a run', value: 'S' },
    'no-torch': { type: 'boolean', help: 'skip PyTorch' },
  },
  'Usage: node scripts/bench-fused.mjs [options]',
);
const runs = Math.round(Number(opts.runs));
const seconds = Number(opts.seconds);
const BATCHES = [32, 128];
const LR = 0.001;

const [base, data, fit, trainer] = await Promise.all(
  ['src/core/base/index.ts', 'src/core/data/index.ts', 'src/core/fit/index.ts', 'src/train/trainer.ts'].map(fromSrc),
);
if (!fit.fusedAvailable()) throw new Error('WebAssembly SIMD is not available in this Node');

/** MNIST's training split, or random MNIST-shaped rows (~80 % zeros) without public/data. */
function trainingRows() {
  const file = path.join(ROOT, 'public', 'data', 'mnist.bin.gz');
  if (existsSync(file)) {
    const ds = data.mnistDataset(data.decodeMnist(gunzipSync(readFileSync(file))));
    return { x: ds.train.x, y: ds.train.y, n: ds.train.n, source: 'MNIST training split' };
  }
  const r = base.createRng(1);
  const n = 8000;
  const x = Float32Array.from({ length: n * 784 }, () => (r.next() < 0.8 ? 0 : r.next()));
  return {
    x,
    y: Uint8Array.from({ length: n }, () => r.int(10)),
    n,
    source: 'random rows, ~80 % zeros (no public/data)',
  };
}
const train = trainingRows();

/** One run: a fresh network, 20 warm-up steps, then epochs of shuffled batches for at least `seconds`. */
function fusedRun(batch, live, seed) {
  const net = fit.createFusedMlp(base.initParams(784, seed), { learningRate: LR });
  const rng = base.createRng(seed);
  let order = Int32Array.from(base.permutation(train.n, rng));
  let step = 0;
  let at = 0;
  const one = () => {
    if (at + batch > train.n) ((order = Int32Array.from(base.permutation(train.n, rng))), (at = 0));
    net.step(train.x, order, at, batch, train.y, { live: live && step % trainer.LIVE_GRAD_STRIDE === 0 });
    at += batch;
    step++;
  };
  for (let i = 0; i < 20; i++) one();
  let samples = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (let i = 0; i < 10; i++) one();
    samples += 10 * batch;
  }
  const rate = samples / ((performance.now() - t0) / 1000);
  net.dispose();
  return rate;
}

const PYTHON = String.raw`
import json, sys, time, numpy as np, torch
torch.set_num_threads(1)
d, n, seconds, seed = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
x = torch.from_numpy(np.fromfile(d + '/x.f32', dtype=np.float32).reshape(n, 784))
y = torch.from_numpy(np.fromfile(d + '/y.u8', dtype=np.uint8).astype(np.int64))
out = {}
for batch in json.loads(sys.argv[5]):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 64), torch.nn.ReLU(), torch.nn.Linear(64, 32), torch.nn.ReLU(),
                                torch.nn.Linear(32, 10))
    opt = torch.optim.Adam(model.parameters(), lr=float(sys.argv[6]), betas=(0.9, 0.999), eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    state = {'order': torch.randperm(n), 'at': 0}
    def one():
        if state['at'] + batch > n:
            state['order'], state['at'] = torch.randperm(n), 0
        idx = state['order'][state['at']:state['at'] + batch]
        state['at'] += batch
        opt.zero_grad()
        loss_fn(model(x[idx]), y[idx]).backward()
        opt.step()
    for _ in range(20):
        one()
    samples, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for _ in range(10):
            one()
        samples += 10 * batch
    out[batch] = samples / (time.perf_counter() - t0)
print(json.dumps({'rates': out, 'version': torch.__version__}))
`;

/** A python3 that imports torch, or null. */
function findTorch() {
  if (opts.noTorch) return null;
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}
const python = findTorch();
const dir = python ? mkdtempSync(path.join(tmpdir(), 'bench-fused-')) : null;
if (dir) {
  writeFileSync(path.join(dir, 'x.f32'), train.x);
  writeFileSync(path.join(dir, 'y.u8'), train.y);
}
function torchRun(seed) {
  const args = ['-c', PYTHON, dir, String(train.n), String(seconds), String(seed), JSON.stringify(BATCHES), String(LR)];
  const r = spawnSync(python, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PyTorch run failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const configs = BATCHES.flatMap((batch) => [false, true].map((live) => ({ batch, live })));
const rates = new Map(configs.map((c) => [`${c.batch}:${c.live}`, []]));
const torchRates = new Map(BATCHES.map((b) => [b, []]));
let torchVersion = null;
console.log(`Fused step vs PyTorch: 784-64-32-10, ${train.source} (${train.n} rows), Adam ${LR}`);
console.log(`${runs} runs of ≥ ${seconds} s per figure, medians; node ${process.version}`);
for (let run = 0; run < runs; run++) {
  for (const c of configs) rates.get(`${c.batch}:${c.live}`).push(fusedRun(c.batch, c.live, 100 + run));
  if (python) {
    const t = torchRun(100 + run);
    torchVersion = t.version;
    BATCHES.forEach((b) => torchRates.get(b).push(t.rates[b]));
  }
  process.stderr.write(`run ${run + 1}/${runs} done\n`);
}
if (dir) rmSync(dir, { recursive: true });

const fmt = (v) => Math.round(v).toLocaleString('en-US');
const spread = (xs) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
console.log(
  python ? `PyTorch ${torchVersion}, 1 thread (${python})` : 'PyTorch: no python3 with torch found; fused figures only',
);
console.log('| batch | fused, stats off | fused, stats on | PyTorch | off / PyTorch | on / PyTorch |');
console.log('|---|---|---|---|---|---|');
for (const b of BATCHES) {
  const off = rates.get(`${b}:false`);
  const on = rates.get(`${b}:true`);
  const t = torchRates.get(b);
  const [mOff, mOn] = [base.median(off), base.median(on)];
  const mT = t.length ? base.median(t) : NaN;
  const ratio = (v) => (Number.isFinite(mT) ? `${(v / mT).toFixed(2)}×` : '–');
  const cell = (xs, m) => (xs.length ? `${fmt(m)} (${spread(xs)})` : '–');
  console.log(`| ${b} | ${cell(off, mOff)} | ${cell(on, mOn)} | ${cell(t, mT)} | ${ratio(mOff)} | ${ratio(mOn)} |`);
}
console.log('samples/s, median (min–max of the runs)');
