import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Phase } from '../../src/state/store';
import type { TestState } from '../../src/harness/testApi';
import type { RunOptions } from '../../src/train/runTypes';
import { lowContrastText } from '../invariants/contrast';

/** Where `openTrained` gets run.json text trained with given URL parameters (the fixtures' shared runs). */
export interface RunSource {
  get(params: string): Promise<string>;
}

/**
 * `params` (`?search#hash`) with `backend=wasm` added to its search unless it names a backend already:
 * the automatic choice measures the software WebGPU adapter against WASM for ~9 s at every page open,
 * so only the tests of that choice open the page without a backend (`LabPage.open`'s `autoBackend`).
 */
export function withBackend(params: string): string {
  const hashAt = params.indexOf('#');
  const [search, hash] = hashAt < 0 ? [params, ''] : [params.slice(0, hashAt), params.slice(hashAt)];
  if (/[?&]backend=/.test(search)) return params;
  return `${search ? `${search}&` : '?'}backend=wasm${hash}`;
}

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
  /** Console errors a test causes on purpose (e.g. a 404 it serves), which the fixture then accepts. */
  readonly expectedProblems: RegExp[] = [];
  /** Text a test shows on purpose that looks unfilled (a user's own `{…}` header, say): see invariants/unfilled.ts. */
  readonly expectedUnfilled: RegExp[] = [];

  constructor(
    readonly page: Page,
    private readonly runs?: RunSource,
  ) {
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

  /**
   * Opens the app with URL parameters, e.g. `?backend=cpu#dataset=synthetic-32&epochs=2`. The lab then
   * starts empty (`snapshot=none` is added) unless the parameters name a snapshot or `firstVisit` is set:
   * most tests train their own network and need not wait for a pre-trained one. The page runs on WASM
   * (`?backend=wasm` is added, see `withBackend`) unless the parameters name a backend or `autoBackend`
   * is set, for the tests of the automatic choice itself.
   */
  async open(params = '', { firstVisit = false, autoBackend = false } = {}): Promise<void> {
    const url =
      firstVisit || params.includes('snapshot=')
        ? params
        : params.includes('#')
          ? `${params}&snapshot=none`
          : `${params}#snapshot=none`;
    await this.page.goto(`./${autoBackend ? url : withBackend(url)}`);
    await expect(this.badge).not.toHaveAttribute('data-backend', '', { timeout: 60_000 });
    await this.page.waitForFunction(() => !!window.__gpl); // the test API loads in its own chunk
  }

  /**
   * Opens the app with `params` on a network trained with them: trained once per test worker and
   * imported here from its run.json (no training curves, an import notice), pruning ready and settled.
   */
  /** `query` (e.g. `&steps=tfjs`) is added to the page's URL only, not to the shared run's key. */
  async openTrained(params: string, { query = '' } = {}): Promise<void> {
    if (!this.runs) throw new Error('openTrained needs the shared runs of the test fixture');
    const text = await this.runs.get(params);
    const hash = params.indexOf('#');
    await this.open(hash < 0 ? params + query : params.slice(0, hash) + query + params.slice(hash));
    expect(await this.page.evaluate((t) => window.__gpl!.importRun(t), text)).toBeNull();
    await expect(this.page.getByTestId('pruning')).toHaveAttribute('data-status', 'ready');
    await this.settled();
  }

  state(): Promise<TestState> {
    return this.page.evaluate(() => window.__gpl!.state());
  }

  async phaseIs(phase: Phase, timeout = 120_000): Promise<void> {
    await expect(this.phase).toHaveAttribute('data-phase', phase, { timeout });
  }

  /** Waits until the run ends, failing fast with the app's message if it ends in an error. */
  async waitDone(timeout = 150_000): Promise<void> {
    // The run's end in the store first: a panel shows a change a task after it (the phase a click just
    // replaced may still be on screen for that task).
    await this.page.waitForFunction(
      () => ['done', 'error'].includes(window.__gpl!.state().phase) && window.__gpl!.viewsSettled(),
      null,
      { timeout },
    );
    await expect(this.phase).toHaveAttribute('data-phase', /^(done|error)$/, { timeout });
    const s = await this.state();
    expect(s.error, 'the run ended with an error').toBeNull();
  }

  /** Trains the network the form names, here and now, and waits for its pruning numbers. */
  async trainAndSettle(): Promise<void> {
    await this.trainButton.click();
    await this.waitDone();
    await this.settled();
  }

  /** Waits until the accuracy-vs-sparsity curves are computed (every criterion's). */
  async curvesDone(timeout = 120_000): Promise<void> {
    await expect(this.page.getByTestId('chart')).toHaveAttribute('data-status', 'done', { timeout });
  }

  progressValue(): Promise<number> {
    return this.progressBar.getAttribute('data-value').then(Number);
  }

  memory(): Promise<{ numTensors: number; numBytes: number }> {
    return this.page.evaluate(() => window.__gpl!.memory());
  }

  /**
   * A barrier instead of a sleep: resolves once every message the training worker sent before this call
   * is in the store. A round trip through the worker (it answers in the order it was sent, after the
   * messages queued before it), then a 0 ms timer, after the one that folds a run's frequent messages in.
   */
  async workerRoundTrip(): Promise<void> {
    await this.page.evaluate(async () => {
      await window.__gpl!.memory();
      await new Promise((r) => setTimeout(r, 0));
    });
  }

  /** Two animation frames: what a resize or a scroll changed has been laid out and painted. */
  frames(): Promise<void> {
    return this.page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
  }

  trainWith(options: RunOptions): Promise<void> {
    return this.page.evaluate((o) => window.__gpl!.train(o), options);
  }

  /**
   * Number of lines drawn in a chart with at least `minPoints` points: the lines its canvas drew
   * (`data-lines`: each line's key and points; the accuracy-vs-sparsity chart's finished curves, the
   * training curves' batch, smoothed and validation lines).
   */
  async drawnLines(chart: Locator, minPoints = 2): Promise<number> {
    const finished = chart.getByTestId('chart.lines');
    const canvas = (await finished.count()) ? finished : chart.locator('canvas[data-lines]').first();
    return canvas.evaluate(
      (c: HTMLCanvasElement, min) =>
        (c.dataset.lines ?? '').split(' ').filter((l) => l && Number(l.split(':').pop()) >= min).length,
      minPoints,
    );
  }

  /**
   * How many pixels of a canvas are painted in each of `colors` ('#rrggbb'; a pixel counts for the nearest
   * colour within a small distance, so antialiased edges of other colours do not): what a user sees drawn.
   */
  canvasColours(testid: string, colors: string[]): Promise<number[]> {
    return this.page.getByTestId(testid).evaluate((c: HTMLCanvasElement, hex) => {
      const rgb = hex.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const counts = hex.map(() => 0);
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] < 250) continue;
        let best = -1;
        let bestDist = 30 * 30;
        rgb.forEach(([r, g, b], k) => {
          const dist = (d[i] - r) ** 2 + (d[i + 1] - g) ** 2 + (d[i + 2] - b) ** 2;
          if (dist < bestDist) [best, bestDist] = [k, dist];
        });
        if (best >= 0) counts[best]++;
      }
      return counts;
    }, colors);
  }

  /**
   * What the loss chart's canvas drew: how many batch losses, and how many of its pixels are painted in
   * each line's colour (batch loss grey, smoothed loss blue, validation loss green).
   */
  lossCanvas(): Promise<{ points: number; grey: number; blue: number; green: number }> {
    return this.page.getByTestId('curves.loss.canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let [grey, blue, green] = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] === 0) continue;
        const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
        if (b > r + 60 && b > g + 30) blue++;
        else if (g > r + 60 && g > b + 20) green++;
        else if (Math.max(r, g, b) - Math.min(r, g, b) < 40) grey++;
      }
      return { points: Number(c.dataset.points ?? 0), grey, blue, green };
    });
  }

  /** Waits until the pruning numbers belong to the newest slider position (training accuracy included) and the views that follow a resting slider caught up. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => window.__gpl!.pruningSettled(), null, { timeout: 60_000 });
    // What follows the slider once it rests (what pruning forgets: the examples, the confusions) caught up.
    await expect(this.page.locator('[data-stale="true"]')).toHaveCount(0, { timeout: 60_000 });
  }

  /** Waits for the newest numbers, then checks they equal a from-scratch evaluation of the same settings. */
  async expectExactNumbers(): Promise<void> {
    await this.settled();
    const exact = (await this.page.evaluate(() => window.__gpl!.exactEval()))!;
    const shown = (await this.state()).pruning.view!;
    expect(shown.val!.accuracy).toBe(exact.valAccuracy);
    expect(shown.train!.accuracy).toBe(exact.trainAccuracy);
    expect(shown.report.sparsity).toBe(exact.sparsity);
    expect(Number(await this.page.getByTestId('prune.acc.val').getAttribute('data-accuracy'))).toBe(exact.valAccuracy);
  }

  /** Clicks a button and collects the files it downloads, by name. */
  async downloads(testid: string, count: number): Promise<Record<string, Buffer>> {
    const files: Record<string, Buffer> = {};
    const all = new Promise<void>((resolve) => {
      this.page.on('download', async (d) => {
        files[d.suggestedFilename()] = readFileSync((await d.path())!);
        if (Object.keys(files).length === count) resolve();
      });
    });
    await this.page.getByTestId(testid).click();
    await all;
    return files;
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

  /** axe violations of impact serious or critical, one line each (`where` names the state audited). */
  async axeSerious(where: string): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page: this.page }).analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /**
   * Visible text below WCAG AA contrast (4.5:1, 3:1 for large text), from computed colours. axe leaves the
   * charts' SVG text and the text laid over a chart as "incomplete" (it cannot tell their background), so
   * this covers them; disabled controls are exempt, as in WCAG.
   */
  lowContrastText(): Promise<string[]> {
    return lowContrastText(this.page);
  }
}
