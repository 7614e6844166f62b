// The classroom's Wi-Fi drops: after one visit the lab works with the network off (the service worker's
// precache), from the site's root and from a sub-path; a new version waits for the reader's Reload, which
// asks first during a run; an embed registers no worker. The rest of the suite blocks service workers.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'vite';
import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';
import { DIST, serveDist } from './static-server';

test.use({ serviceWorkers: 'allow' });

/** Every file of a build that the precache must hold: all but the worker's own scripts and the link-preview image. */
function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => relative(dir, join(f.parentPath, f.name)).split('\\').join('/'))
    .filter((f) => !/^(sw\.js|workbox-[\w-]+\.js|og\.png)$/.test(f))
    .sort();
}

/** Once the service worker is active (its precache complete): the paths it holds, relative to `base`. */
async function precached(lab: LabPage, base: string): Promise<string[]> {
  const urls = await lab.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const all: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) all.push(new URL(r.url).pathname);
    return all;
  });
  return urls.map((u) => (u.startsWith(base) ? u.slice(base.length) : u)).sort();
}

/** After a reload: the page is up, served by the worker, with its network's numbers. */
async function reloaded(lab: LabPage): Promise<void> {
  await lab.page.reload();
  await expect(lab.badge).not.toHaveAttribute('data-backend', '', { timeout: 60_000 });
  await lab.page.waitForFunction(() => !!window.__gpl);
  expect(await lab.page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  await lab.settled();
}

test('after one visit the lab works offline: reload, prune, the other snapshot, export, fine-tune, a 1-epoch MNIST run, Iris, 中文', async ({
  lab,
  context,
}) => {
  await lab.open('#criterion=taylor', { firstVisit: true });
  await lab.settled();
  expect(await precached(lab, '/')).toEqual(siteFiles(DIST));
  await context.setOffline(true);
  await reloaded(lab);
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'mnist');
  // Prune: the slider to its end, and the numbers shown are a from-scratch evaluation's.
  const before = await lab.sparsityValue();
  await lab.slider.focus();
  await lab.page.keyboard.press('End');
  await expect.poll(() => lab.sparsityValue()).toBeGreaterThan(before);
  await lab.expectExactNumbers();
  // The other snapshot, then its pruned model exported.
  await lab.page.getByTestId('progress.snapshot.synthetic-32').click();
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'synthetic-32');
  await lab.settled();
  const files = await lab.downloads('export.model', 2);
  const json = Object.entries(files).find(([name]) => name.endsWith('.json'))![1];
  const bin = Object.entries(files).find(([name]) => name.endsWith('.bin'))![1];
  const manifest = JSON.parse(json.toString()).weightsManifest[0];
  expect(bin.length).toBe(
    manifest.weights.reduce((n: number, w: { shape: number[] }) => n + 4 * w.shape.reduce((a, b) => a * b, 1), 0),
  );
  // An experiment: fine-tuning the pruned network (the training worker, started offline).
  await lab.page.getByTestId('finetune.start').click();
  await expect(lab.page.getByTestId('finetune')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  expect((await lab.state()).experiments.finetune!.result!.maskViolations).toBe(0);
  // A new run on MNIST: its data file comes from the precache too.
  await lab.page.goto('./?backend=wasm#dataset=mnist&epochs=1&batch=500&lr=0.005&snapshot=none');
  await lab.page.waitForFunction(() => !!window.__gpl);
  await lab.trainAndSettle();
  expect((await lab.state()).epochs[0].valAcc).toBeGreaterThan(0.5);
  // The Iris example (the table worker, the example file).
  await lab.page.getByTestId('data.example').click();
  await expect(lab.page.getByTestId('data.classes')).toContainText('setosa (50) · versicolor (50) · virginica (50)');
  await lab.page.getByTestId('lang.select').selectOption('zh-CN');
  await expect(lab.page).toHaveTitle('梯度剪枝实验室');
  // Control, outside the fixture's console watch: the network is off indeed (a file the precache leaves out fails).
  const other = await context.newPage();
  await other.goto('./?backend=wasm#snapshot=none');
  expect(
    await other.evaluate(() =>
      fetch('og.png').then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  await other.close();
});

/** dist/ built again (Vite's API, the project's config), with one file of public/ changed: a new version of the site. */
async function buildChanged(mark: string): Promise<{ dir: string; remove: () => void }> {
  const root = resolve(DIST, '..');
  const tmp = mkdtempSync(join(tmpdir(), 'gpl-next-'));
  cpSync(join(root, 'public'), join(tmp, 'public'), { recursive: true });
  appendFileSync(join(tmp, 'public', 'examples', 'LICENSE-iris.txt'), `\n${mark}\n`);
  await build({ root, publicDir: join(tmp, 'public'), logLevel: 'error', build: { outDir: join(tmp, 'dist') } });
  return { dir: join(tmp, 'dist'), remove: () => rmSync(tmp, { recursive: true, force: true }) };
}

test('from a sub-path: an embed registers no worker, the lab works offline, and a new version waits for Reload, which asks during a run', async ({
  lab,
  context,
  browser,
}) => {
  const mark = `changed ${Date.now()}`;
  const next = await buildChanged(mark);
  let dir = DIST;
  const server = await serveDist('/some/sub/path/', 0, () => dir);
  const base = `http://localhost:${(server.address() as AddressInfo).port}/some/sub/path/`;
  try {
    // An embed is a figure on another site's page: it registers nothing.
    await lab.page.goto(`${base}?backend=wasm#embed=prune&snapshot=mnist`);
    await expect(lab.page.getByTestId('embed')).toBeVisible();
    await lab.page.waitForFunction(() => document.readyState === 'complete' && window.__gpl?.pruningSettled());
    expect(await lab.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    // The lab: its worker's scope is the sub-path; it holds every file.
    await lab.page.goto(`${base}?backend=wasm&steps=tfjs#dataset=synthetic-32`);
    await lab.page.waitForFunction(() => !!window.__gpl); // the test API loads in its own chunk
    await lab.settled();
    expect(await precached(lab, '/some/sub/path/')).toEqual(siteFiles(DIST));
    expect(await lab.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.scope))).toBe(base);
    await context.setOffline(true);
    await reloaded(lab);
    await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'synthetic-32');
    await lab.page.getByTestId('progress.snapshot.mnist').click();
    await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'mnist');
    await lab.settled();

    // A new version deployed; the browser's check (a visit's, or the page's hourly one) finds it.
    await context.setOffline(false);
    dir = next.dir;
    await lab.page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await lab.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await expect(lab.page.getByTestId('update.notice')).toBeVisible();
    await expect(lab.page.getByTestId('update.notice')).toHaveText(/A new version of the lab is available/);
    // Nothing took over or reloaded: the new version waits, in the same document.
    expect(await lab.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(
      true,
    );
    expect(await lab.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // Reload during a run asks first; the answer reloads into the new version.
    await lab.trainButton.click();
    await lab.phaseIs('training');
    await lab.page.getByTestId('update.reload').click();
    await expect(lab.page.getByTestId('update.notice')).toHaveAttribute('data-asking', 'run');
    expect((await lab.state()).phase).toBe('training');
    await Promise.all([lab.page.waitForEvent('load'), lab.page.getByTestId('update.reload').click()]);
    await lab.page.waitForFunction(() => !!window.__gpl);
    expect(
      await lab.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBeUndefined();
    await context.setOffline(true);
    expect(await lab.page.evaluate(() => fetch('examples/LICENSE-iris.txt').then((r) => r.text()))).toContain(mark);
    await expect(lab.page.getByTestId('update.notice')).toHaveCount(0);

    // The visit that installed the first worker: a new version takes over at once (the old one controlled
    // nothing); the page, still the old version, says so too, and its Reload brings the new one.
    dir = DIST;
    const first = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await first.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${base}?backend=wasm#snapshot=none`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    dir = next.dir;
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await expect(page.getByTestId('update.notice')).toBeVisible();
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update.reload').click()]);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    expect(await page.evaluate(() => fetch('examples/LICENSE-iris.txt').then((r) => r.text()))).toContain(mark);
    expect(errors).toEqual([]);
    await first.close();
  } finally {
    server.close();
    next.remove();
  }
});
