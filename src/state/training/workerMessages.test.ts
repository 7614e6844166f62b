import { describe, expect, it } from 'vitest';
import { msg, translate, type Msg } from '../../i18n/catalogue';
import type { ProgressInfo } from '../../train/runTypes';
import { initialExperiments, initialState, startRun } from '../store';
import { applyWorkerMessage, LOSS_SMOOTHING, MAX_LOSS_POINTS, stoppedByFault, workerError } from './workerMessages';

const progress = (batch: number): ProgressInfo => ({
  stage: 'training',
  epoch: 1,
  epochs: 1,
  batch,
  batchesPerEpoch: 10,
  samplesPerSec: 100,
  etaSec: 1,
  fraction: batch / 10,
});

describe('store reducer', () => {
  it('ignores messages from an older run', () => {
    const s = startRun(initialState(), 2, { dataset: 'mnist', seed: 1, epochs: 1, batchSize: 32, learningRate: 0.001 });
    const stale = applyWorkerMessage(s, { type: 'phase', runId: 1, phase: 'training' });
    expect(stale).toBe(s);
    expect(applyWorkerMessage(s, { type: 'error', runId: 1, message: 'old' })).toBe(s);
    expect(applyWorkerMessage(s, { type: 'phase', runId: 2, phase: 'training' }).phase).toBe('training');
    const failed = applyWorkerMessage(s, {
      type: 'error',
      runId: 2,
      message: 'The training loss became NaN at batch 3.',
    });
    expect([failed.phase, failed.error]).toEqual(['error', workerError('The training loss became NaN at batch 3.')]);
    expect(translate('en', failed.error!.key, failed.error!.params)).toBe('The training loss became NaN at batch 3.');
  });

  it('appends batch losses with a bias-corrected moving average', () => {
    let s = startRun(initialState(), 1, null);
    s = applyWorkerMessage(s, {
      type: 'progress',
      runId: 1,
      progress: progress(2),
      losses: Float32Array.of(2, 1),
      firstBatch: 0,
    });
    expect(s.losses.map((p) => p.x)).toEqual([0.1, 0.2]);
    expect(s.losses[0].smooth).toBeCloseTo(2, 6);
    const b = LOSS_SMOOTHING;
    expect(s.losses[1].smooth).toBeCloseTo((b * (1 - b) * 2 + (1 - b) * 1) / (1 - b * b), 6);
  });

  it('bounds the number of loss points', () => {
    let s = startRun(initialState(), 1, null);
    for (let i = 0; i < 40; i++) {
      s = applyWorkerMessage(s, {
        type: 'progress',
        runId: 1,
        progress: progress(1),
        losses: new Float32Array(200).fill(1),
        firstBatch: i * 200,
      });
    }
    expect(s.losses.length).toBeLessThanOrEqual(MAX_LOSS_POINTS);
    expect(s.losses[s.losses.length - 1].x).toBeCloseTo(8000 / 10, 6);
  });

  it("leaves a job's progress and result to the client that awaits them: the store takes neither", () => {
    let s = startRun(initialState(), 1, null);
    s = {
      ...s,
      phase: 'done',
      experiments: {
        ...s.experiments,
        finetune: {
          jobId: 5,
          kind: 'one-shot',
          criterion: 'gradient',
          status: 'running',
          sparsity: 0.9,
          progress: null,
          result: null,
          error: null,
        },
      },
    };
    const m = { trainLoss: 1, trainAcc: 0.5, valLoss: 1, valAcc: 0.5 };
    expect(applyWorkerMessage(s, { type: 'job-progress', runId: 1, kind: 'finetune', progress: progress(3) })).toBe(s);
    const result = { before: m, after: { ...m, valAcc: 0.7 }, layers: [], maskViolations: 0, seconds: 1 };
    expect(applyWorkerMessage(s, { type: 'job-done', runId: 1, kind: 'finetune', result })).toBe(s);
  });

  it("remembers a finished run's training speed by dataset and batch size, across runs", () => {
    const cfg = { dataset: 'mnist' as const, seed: 1, epochs: 1, batchSize: 64, learningRate: 0.001 };
    let s = startRun(initialState(), 1, cfg);
    s = applyWorkerMessage(s, {
      type: 'done',
      runId: 1,
      trainSeconds: 2,
      samplesPerSec: 4000,
      scoring: { layers: [], batches: 1, seconds: 0.1 },
    });
    expect(s.runRates).toEqual({ 'mnist:64': 4000 });
    expect(startRun(s, 2, { ...cfg, batchSize: 32 }).runRates).toEqual({ 'mnist:64': 4000 });
  });

  it('keeps the backend across runs and clears results', () => {
    let s = applyWorkerMessage(initialState(), {
      type: 'ready',
      backend: {
        name: 'cpu',
        requested: 'cpu',
        software: false,
        adapter: 'cpu',
        fallbackReason: '',
      },
    });
    s = applyWorkerMessage(startRun(s, 1, null), {
      type: 'epoch',
      runId: 1,
      metrics: {
        epoch: 1,
        trainLoss: 1,
        trainAcc: 0.5,
        valLoss: 1,
        valAcc: 0.5,
        seconds: 1,
        validationSeconds: 0.1,
        numTensors: 3,
      },
    });
    const next = startRun(s, 2, null);
    expect(next.backend?.name).toBe('cpu');
    expect(next.epochs).toEqual([]);
  });
});

const en = (m: Msg | null) => m && translate('en', m.key, m.params);

describe('stoppedByFault', () => {
  const backend = {
    name: 'webgpu' as const,
    requested: 'auto' as const,
    software: true,
    adapter: 'swiftshader',
    fallbackReason: '',
  };
  it('stops a running job with an error and a restart, and waits for a new backend', () => {
    const s = stoppedByFault(
      { ...initialState(), phase: 'training', backend, backendStatus: 'ready' },
      workerError('The GPU device was lost.'),
    );
    expect([s.phase, s.errorAction, s.backend, s.backendStatus]).toEqual(['error', 'restart', null, 'starting']);
    expect(en(s.error)).toBe('The GPU device was lost. The run stopped; the backend is starting again.');
    // In Chinese the worker's own words stay as they are, inside a translated sentence.
    expect(translate('zh-CN', s.error!.key, s.error!.params)).toBe(
      '训练 worker 报告：The GPU device was lost. 训练已停止，后端正在重新启动。',
    );
    const crashed = stoppedByFault(
      { ...initialState(), phase: 'training', backend, backendStatus: 'ready' },
      msg('fault.workerStopped', { detail: 'it stopped responding for 30 s' }),
    );
    expect(en(crashed.error)).toBe(
      'The training worker stopped (it stopped responding for 30 s); a new one has been started. The run stopped; the backend is starting again.',
    );
  });

  it('marks a running fine-tune as failed', () => {
    const finetune = {
      jobId: 3,
      kind: 'one-shot' as const,
      criterion: 'magnitude' as const,
      status: 'running' as const,
      sparsity: 0.5,
      progress: null,
      result: null,
      error: null,
    };
    const s = stoppedByFault(
      {
        ...initialState(),
        phase: 'done',
        experiments: { ...initialExperiments(), finetune },
        backend,
        backendStatus: 'ready',
      },
      workerError('Worker gone.'),
    );
    expect([s.phase, s.errorAction, s.experiments.finetune!.status, s.experiments.finetune!.error]).toEqual([
      'error',
      'restart',
      'error',
      'Worker gone.',
    ]);
  });

  it('keeps finished results when nothing was running, with a notice', () => {
    const s = stoppedByFault(
      { ...initialState(), phase: 'done', backend, backendStatus: 'ready' },
      workerError('Worker gone.'),
    );
    expect([s.phase, s.error, s.errorAction, s.backendStatus]).toEqual(['done', null, null, 'starting']);
    expect(s.notices.map(en)).toEqual(['Worker gone. The backend is starting again; your results are kept.']);
  });
});
