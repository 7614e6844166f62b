// The blogger's walk: the embed code copied from the lab, pasted into a page on another origin (light and dark),
// and what a shared link shows; the tour as an embed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';
import { EMBED_HEIGHT } from '../src/state/links/links';
import { expect, test } from './fixtures';

/** A blog-like page on a second origin (127.0.0.1, the lab is on localhost), with `code` pasted into its post. */
async function blog(code: string): Promise<{ server: Server; url: string }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>A blog post on pruning</title><style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}</style></head>
<body><h1>What gradient pruning does to a small network</h1><p>Drag the slider: grey cells are pruned weights.</p>
${code}
<p>The end.</p></body></html>`;
  const server = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** The figure's frame (`i`-th iframe of the page), once its pruning numbers are in. */
async function figure(page: Page, i: number): Promise<Frame> {
  const iframe = page.locator('iframe[data-gpl-embed]').nth(i);
  await iframe.scrollIntoViewIfNeeded(); // Chromium pauses a cross-origin frame out of view
  const frame = (await (await iframe.elementHandle())!.contentFrame())!;
  await frame.waitForFunction(() => window.__gpl?.pruningSettled(), null, { timeout: 90_000 });
  return frame;
}

/** Relative luminance (0–1) of the figure's background. */
const background = (frame: Frame) =>
  frame.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });

test('the blogger: the copied code on another origin shows the chosen colours, fits, and opens the full lab', async ({
  lab,
  context,
}) => {
  test.setTimeout(300_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await lab.open('?backend=wasm#criterion=taylor&mode=sparsity&sparsity=0.9', { firstVisit: true });
  await lab.settled();
  await lab.page.getByTestId('embed.toggle').click();
  const copy = async (view: string, theme: string) => {
    await lab.page.getByTestId('embed.view').selectOption(view);
    await lab.page.getByTestId('embed.theme').selectOption(theme);
    await lab.page.getByTestId('embed.copy').click();
    const code = await lab.page.evaluate(() => navigator.clipboard.readText());
    expect(code).toBe(await lab.page.getByTestId('embed.code').inputValue());
    return code;
  };
  const light = await copy('prune', 'light'); // the default colours
  const follows = await copy('chart', 'auto');
  expect(light).toMatch(
    new RegExp(
      `^<iframe src="http://localhost:\\d+/[^#"]*#[^"]*criterion=taylor&amp;[^"]*snapshot=mnist&amp;embed=prune&amp;theme=light" [^<>]*height="${EMBED_HEIGHT.prune}"[^<>]*></iframe>\n<script>`,
    ),
  );
  const labOrigin = new URL(lab.page.url()).origin;

  const origins = new Set<string>();
  lab.page.on('request', (r) => r.url().startsWith('http') && origins.add(new URL(r.url()).origin));
  const violations: string[] = [];
  lab.page.on(
    'console',
    (m) => /Content Security Policy|Refused to|sandbox/i.test(m.text()) && violations.push(m.text()),
  );
  // Exactly the copied code, twice (two figures, two copies of the script), read on a dark-mode system.
  const host = await blog(`${light}\n<p>And the trade-off, for every criterion at once:</p>\n${follows}`);
  try {
    await lab.page.emulateMedia({ colorScheme: 'dark' });
    await lab.page.goto(host.url);
    const frames = lab.page.locator('iframe[data-gpl-embed]');
    await expect(frames).toHaveCount(2);
    for (const [i, view] of [
      [0, 'prune'],
      [1, 'chart'],
    ] as const) {
      const frame = await figure(lab.page, i);
      expect(await frame.locator('[data-testid=embed]').getAttribute('data-view')).toBe(view);
      const height = () =>
        frame.evaluate(() => Math.ceil(document.querySelector('[data-testid=embed]')!.getBoundingClientRect().height));
      const box = async () => (await frames.nth(i).boundingBox())!.height;
      // Not cropped: the script sized the iframe to the whole figure, as it is now (the figure may still
      // grow while its charts arrive, and the iframe follows); and a page without the script (its height
      // from the code) would not crop it at this width either.
      await expect
        .poll(async () => Math.abs((await box()) - (await height())), { message: `${view} sized to its content` })
        .toBeLessThanOrEqual(1);
      const content = await height();
      expect(await box()).toBeGreaterThanOrEqual(await frame.evaluate(() => document.documentElement.scrollHeight));
      expect(content, `${view}: the code's height fits it`).toBeLessThanOrEqual(EMBED_HEIGHT[view]);
    }
    // Light whatever the reader's system; "follow the reader's system": dark, then light when the reader switches.
    const [prune, chart] = [await figure(lab.page, 0), await figure(lab.page, 1)];
    expect([await background(prune), await background(chart)].map(Math.round)).toEqual([1, 0]);
    await lab.page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => [await background(prune), await background(chart)].map(Math.round)).toEqual([1, 1]);
    // The slider works inside the figure.
    await prune.getByTestId('controls.threshold').focus();
    await lab.page.keyboard.press('End');
    await expect(prune.getByTestId('prune.sparsity')).toHaveAttribute('data-value', /^0\.99/);
    // "Open in the full lab ↗" opens it in a new tab, not sandboxed, on the lab's origin, at the figure's state.
    const shown = await chart.evaluate(() => window.__gpl!.state());
    const [full] = await Promise.all([lab.page.waitForEvent('popup'), chart.getByTestId('embed.open').click()]);
    const errors: string[] = [];
    full.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await full.waitForFunction(() => window.__gpl?.pruningSettled(), null, { timeout: 90_000 });
    expect(new URL(full.url()).origin).toBe(labOrigin);
    const opened = await full.evaluate(() => window.__gpl!.state());
    expect(opened.settings).toEqual(shown.settings);
    expect(opened.flags).toEqual({ ...shown.flags, embed: null, theme: 'auto' });
    expect(opened.origin).toMatchObject({ kind: 'snapshot', name: 'mnist' });
    await expect(full.getByTestId('embed')).toHaveCount(0);
    const dialog = full.waitForEvent('dialog'); // a sandboxed tab could not show one (no allow-modals)
    await full.evaluate(() => setTimeout(() => alert('not sandboxed')));
    await (await dialog).dismiss();
    expect(errors).toEqual([]);
    expect([...origins].sort()).toEqual([labOrigin, new URL(host.url).origin].sort());
    expect(violations).toEqual([]);
  } finally {
    host.server.close();
  }
});

test('a shared link shows a picture: Open Graph and Twitter card tags, and the image is served', async ({ lab }) => {
  await lab.open('?backend=wasm');
  const meta = await lab.page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')].map((m) => [
        m.getAttribute('property') ?? m.getAttribute('name'),
        m.getAttribute('content'),
      ]),
    ),
  );
  expect(meta).toMatchObject({
    'og:title': 'Gradient Pruning Lab',
    'og:image': 'og.png',
    'twitter:card': 'summary_large_image',
  });
  const image = await lab.page.request.get(new URL(meta['og:image']!, lab.page.url()).href);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect((await image.body()).length).toBeGreaterThan(20_000);
});

test('the tour as an embed: it opens at step 1, steps by its buttons, and shows each step’s panels', async ({
  lab,
}) => {
  // An embed has no backend badge (what LabPage.open waits for): the tour's card is the sign it is up.
  await lab.page.goto('./?backend=wasm#embed=tour&snapshot=mnist');
  await lab.page.waitForFunction(() => !!window.__gpl);
  await expect(lab.page.getByTestId('tour')).toHaveAttribute('data-step', '1', { timeout: 60_000 });
  await expect(lab.page.getByTestId('heatmaps')).toBeVisible();
  await expect(lab.page.getByTestId('tour.close')).toBeHidden();
  for (let n = 2; n <= 8; n++) await lab.page.getByTestId('tour.next').click();
  await expect(lab.page.getByTestId('tour')).toHaveAttribute('data-step', '8');
  await expect(lab.page.getByTestId('chart')).toBeVisible();
  // The step's settings apply once the network is ready (it may still be loading on a busy machine).
  await expect
    .poll(async () => (await lab.state()).settings)
    .toMatchObject({ criterion: 'taylor', mode: 'sparsity', sparsity: 0.9 });
});
