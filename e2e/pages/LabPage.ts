import { expect, type Locator, type Page } from '@playwright/test';
import type { Phase } from '../../src/state/store';
import type { TestState } from '../../src/testApi';
import type { RunOptions } from '../../src/train/protocol';

/** Page object for the lab: selectors by data-testid, state through the typed window.__gpl API. */
export class LabPage {
  readonly badge: Locator;
  readonly trainButton: Locator;
  readonly pauseButton: Locator;
  readonly resumeButton: Locator;
  readonly resetButton: Locator;
  readonly progressBar: Locator;
  readonly phase: Locator;
  readonly lossChart: Locator;
  readonly accuracyChart: Locator;
  readonly notices: Locator;
  readonly slider: Locator;
  readonly sparsity: Locator;

  constructor(readonly page: Page) {
    const id = (t: string) => page.getByTestId(t);
    this.badge = id('backend.badge');
    this.trainButton = id('controls.train');
    this.pauseButton = id('controls.pause');
    this.resumeButton = id('controls.resume');
    this.resetButton = id('controls.reset');
    this.progressBar = id('progress.bar');
    this.phase = id('progress.phase');
    this.lossChart = id('curves.loss');
    this.accuracyChart = id('curves.accuracy');
    this.notices = id('notice');
    this.slider = id('controls.threshold');
    this.sparsity = id('prune.sparsity');
  }

  /** Opens the app with URL parameters, e.g. `?backend=cpu#dataset=synthetic-32&epochs=2`. */
  async open(params = ''): Promise<void> {
    await this.page.goto(`./${params}`);
    await expect(this.badge).not.toHaveAttribute('data-backend', '', { timeout: 60_000 });
  }

  state(): Promise<TestState> {
    return this.page.evaluate(() => window.__gpl!.state());
  }

  async phaseIs(phase: Phase, timeout = 120_000): Promise<void> {
    await expect(this.phase).toHaveAttribute('data-phase', phase, { timeout });
  }

  /** Waits until the run ends, failing fast with the app's message if it ends in an error. */
  async waitDone(timeout = 150_000): Promise<void> {
    await expect(this.phase).toHaveAttribute('data-phase', /^(done|error)$/, { timeout });
    const s = await this.state();
    expect(s.error, 'the run ended with an error').toBeNull();
  }

  progressValue(): Promise<number> {
    return this.progressBar.getAttribute('data-value').then(Number);
  }

  memory(): Promise<{ numTensors: number; numBytes: number }> {
    return this.page.evaluate(() => window.__gpl!.memory());
  }

  trainWith(options: RunOptions): Promise<void> {
    return this.page.evaluate((o) => window.__gpl!.train(o), options);
  }

  /** Number of drawn recharts lines in a chart whose path has at least `minPoints` points. */
  drawnLines(chart: Locator, minPoints = 2): Promise<number> {
    return chart.locator('path.recharts-curve').evaluateAll(
      (paths, min) => paths.filter((p) => ((p.getAttribute('d') ?? '').match(/[ML]/g) ?? []).length >= min).length,
      minPoints,
    );
  }

  /** Waits until the pruning numbers belong to the newest slider position (training accuracy included). */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => window.__gpl!.pruningSettled(), null, { timeout: 60_000 });
  }

  async sparsityValue(): Promise<number> {
    return Number(await this.sparsity.getAttribute('data-value'));
  }

  /** FNV-1a hash of a heatmap canvas's pixels. */
  canvasHash(layer: string): Promise<string> {
    return this.page.getByTestId(`heatmap.${layer}.canvas`).evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let h = 0x811c9dc5;
      for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 0x01000193) >>> 0;
      return h.toString(16);
    });
  }

  /** FNV-1a hash of the final kernels and biases (to compare two runs without moving arrays around). */
  weightsHash(): Promise<string> {
    return this.page.evaluate(() => {
      const layers = window.__gpl!.state().scoring?.layers ?? [];
      let h = 0x811c9dc5;
      for (const l of layers) {
        for (const a of [l.kernel, l.bias]) {
          const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
          for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
        }
      }
      return `${layers.length}:${h.toString(16)}`;
    });
  }
}
