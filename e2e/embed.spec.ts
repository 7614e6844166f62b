import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { expect, test } from './fixtures';

/** The parent-page script from the README ("Embed it"): the test uses exactly what readers copy. */
function readmeSnippet(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const m = /<!-- embed-parent-snippet -->\s*```html\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README has no embed parent snippet');
  return m[1];
}

/** A blog-like page on a second origin (127.0.0.1 vs localhost) with two sandboxed embeds. */
function blog(labUrl: string, port: number): Promise<Server> {
  const frame = (hash: string) => `<iframe src="${labUrl}${hash}" title="Gradient Pruning Lab" width="100%" height="150" style="border:0" sandbox="allow-scripts allow-same-origin" data-gpl-embed></iframe>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post on pruning</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:2rem auto;padding:0 1rem;color:#222}</style></head><body>
<h1>What gradient pruning does to a small network</h1><p>Drag the slider: grey cells are pruned weights.</p>
${frame('#embed=prune&snapshot=mnist')}
<p>And the trade-off, for every criterion at once:</p>
${frame('#embed=chart&snapshot=mnist&theme=dark&lang=zh-CN')}
<p>The end.</p>
${readmeSnippet()}</body></html>`;
  const server = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}

test('two embeds in a sandboxed iframe on another origin: sized by the README’s script, same-origin requests only, no CSP violation', async ({ lab, baseURL }) => {
  test.setTimeout(120_000);
  const labUrl = new URL('./', baseURL).href.replace('127.0.0.1', 'localhost');
  const server = await blog(labUrl, 4196);
  const origins = new Set<string>();
  lab.page.on('request', (r) => r.url().startsWith('http') && origins.add(new URL(r.url()).origin));
  const violations: string[] = [];
  lab.page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
  try {
    await lab.page.goto('http://127.0.0.1:4196/');
    const frames = lab.page.locator('iframe[data-gpl-embed]');
    await expect(frames).toHaveCount(2);
    for (const [i, view] of [[0, 'prune'], [1, 'chart']] as const) {
      const frame = lab.page.frameLocator('iframe[data-gpl-embed]').nth(i);
      // Chromium pauses the rendering of a cross-origin frame out of view: a reader scrolls to it.
      await frames.nth(i).scrollIntoViewIfNeeded();
      await expect(frame.getByTestId('embed')).toHaveAttribute('data-view', view, { timeout: 60_000 });
      await expect(frame.getByTestId('controls.threshold')).toBeEnabled({ timeout: 60_000 });
      // The parent's script sized the iframe to the figure's content (from its 150 px).
      await expect.poll(async () => (await frames.nth(i).boundingBox())!.height, { timeout: 20_000 }).toBeGreaterThan(500);
      const content = await frame.getByTestId('embed').evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
      await expect.poll(async () => Math.abs((await frames.nth(i).boundingBox())!.height - content), { message: `iframe ${i} fits its content (${content} px)` }).toBeLessThanOrEqual(2);
      const open = await frame.getByTestId('embed.open').getAttribute('href');
      expect(open).not.toContain('embed=');
    }
    const chart = lab.page.frameLocator('iframe[data-gpl-embed]').nth(1);
    await expect(chart.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(chart.getByTestId('embed.open')).toHaveText(/完整的实验室/);
    // The slider works inside the embed, and the figure grows or shrinks with its numbers.
    await lab.page.frameLocator('iframe[data-gpl-embed]').nth(0).getByTestId('controls.threshold').focus();
    await lab.page.keyboard.press('End');
    await expect(lab.page.frameLocator('iframe[data-gpl-embed]').nth(0).getByTestId('prune.sparsity')).toHaveAttribute('data-value', /^0\.99/);
    expect([...origins].sort()).toEqual([new URL(labUrl).origin, 'http://127.0.0.1:4196'].sort());
    expect(violations).toEqual([]);
  } finally {
    server.close();
  }
});

test('Share and export → Embed gives the iframe of the current state; the embed opens at it', async ({ lab }) => {
  await lab.open('#criterion=taylor&mode=sparsity&sparsity=0.9', { firstVisit: true });
  await lab.settled();
  await lab.page.getByTestId('embed.toggle').click();
  await lab.page.getByTestId('embed.view').selectOption('chart');
  const code = await lab.page.getByTestId('embed.code').inputValue();
  expect(code).toMatch(/^<iframe src="[^"]+#[^"]*embed=chart[^"]*" title="Gradient Pruning Lab" width="100%" height="\d+" style="border:0" loading="lazy" sandbox="allow-scripts allow-same-origin" data-gpl-embed><\/iframe>$/);
  const src = /src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&');
  expect(src).toContain('criterion=taylor');
  expect(src).toContain('snapshot=mnist');
  await lab.page.goto(src);
  await expect(lab.page.getByTestId('embed')).toHaveAttribute('data-view', 'chart');
  await expect.poll(() => lab.page.evaluate(() => window.__gpl?.state().settings.criterion)).toBe('taylor');
  await expect(lab.page.getByTestId('chart')).toBeVisible();
});

test('a shared link shows a picture: Open Graph and Twitter card tags, and the image is served', async ({ lab }) => {
  await lab.open('');
  const meta = await lab.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')].map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.getAttribute('content')])));
  expect(meta).toMatchObject({ 'og:title': 'Gradient Pruning Lab', 'og:image': 'og.png', 'twitter:card': 'summary_large_image' });
  const image = await lab.page.request.get(new URL(meta['og:image']!, lab.page.url()).href);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect((await image.body()).length).toBeGreaterThan(20_000);
});

test('the tour as an embed: it opens at step 1, steps by its buttons, and shows each step’s panels', async ({ lab }) => {
  // An embed has no backend badge (what LabPage.open waits for): the tour's card is the sign it is up.
  await lab.page.goto('./#embed=tour&snapshot=mnist');
  await lab.page.waitForFunction(() => !!window.__gpl);
  await expect(lab.page.getByTestId('tour')).toHaveAttribute('data-step', '1', { timeout: 60_000 });
  await expect(lab.page.getByTestId('heatmaps')).toBeVisible();
  await expect(lab.page.getByTestId('tour.close')).toBeHidden();
  for (let n = 2; n <= 8; n++) await lab.page.getByTestId('tour.next').click();
  await expect(lab.page.getByTestId('tour')).toHaveAttribute('data-step', '8');
  await expect(lab.page.getByTestId('chart')).toBeVisible();
  expect((await lab.state()).settings).toMatchObject({ criterion: 'taylor', mode: 'sparsity', sparsity: 0.9 });
});
