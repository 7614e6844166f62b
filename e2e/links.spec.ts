import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Links: a link pasted into an open tab applies like a fresh visit, asking before it replaces a network
// the user made; the copy buttons give links that restore, train on open, or open this snapshot.

const OWN_RUN = '?backend=wasm#dataset=synthetic-32&epochs=1&batch=256&lr=0.01&seed=5&snapshot=none';

test("a pasted link over your own run asks first: Keep keeps the network (with the link's settings), Replace opens the link", async ({
  lab,
}) => {
  await lab.open(OWN_RUN);
  await lab.trainAndSettle();
  const mine = await lab.weightsHash();

  await lab.page.evaluate(() => (location.hash = '#dataset=mnist&snapshot=mnist&criterion=taylor'));
  const prompt = lab.page.getByTestId('link.prompt');
  await expect(prompt).toContainText(
    'This link opens the pre-trained mnist network: the network you have now would be replaced.',
  );
  await expect(lab.page.getByTestId('link.keep')).toBeFocused(); // the safe answer is the default
  await lab.page.getByTestId('link.keep').click();
  await expect(prompt).toHaveCount(0);
  expect(await lab.weightsHash()).toBe(mine);
  const kept = await lab.state();
  expect([kept.origin, kept.settings.criterion, kept.scoring!.layers[0].inputs]).toEqual([
    { kind: 'trained' },
    'taylor',
    32,
  ]); // the link's settings on my network

  // The page writes its own state into the URL a moment after a change; paste the link again after that.
  await expect
    .poll(() => lab.page.evaluate(() => location.hash))
    .not.toBe('#dataset=mnist&snapshot=mnist&criterion=taylor');
  await lab.page.evaluate(() => (location.hash = '#dataset=mnist&snapshot=mnist&criterion=taylor'));
  await lab.page.getByTestId('link.replace').click();
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'mnist');
  await lab.settled();
  const s = await lab.state();
  expect([s.settings.dataset, s.settings.criterion, s.scoring!.layers[0].inputs]).toEqual(['mnist', 'taylor', 784]);
});

/** What a link leaves: every setting and flag, the network on screen and what the slider prunes. */
async function outcome(page: Page) {
  await page.waitForFunction(
    () => window.__gpl?.pruningSettled() && window.__gpl.state().openingSnapshot === null,
    null,
    { timeout: 60_000 },
  );
  const s = await page.evaluate(() => window.__gpl!.state());
  return {
    settings: s.settings,
    flags: s.flags,
    origin: s.origin && [s.origin.kind, 'name' in s.origin ? s.origin.name : null],
    sparsity: s.pruning.view!.report.sparsity,
  };
}

test('a link pasted into an open tab (after the slider, mode, epochs, the tour, presenter mode) opens what it opens in a new tab', async ({
  lab,
  context,
}) => {
  // synthetic-32's snapshot: the code path of MNIST's, without loading MNIST in two pages.
  await lab.open('?backend=wasm#dataset=synthetic-32', { firstVisit: true });
  await lab.settled();
  const fresh = await context.newPage();
  const errors: string[] = [];
  fresh.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const hash = (p: Page) => p.evaluate(() => location.hash);
  const paste = async (link: string) => {
    await expect.poll(() => hash(lab.page)).not.toBe(link); // the page has written its own state
    await lab.page.evaluate((h) => (location.hash = h), link);
    await fresh.goto('about:blank');
    await fresh.goto(`./?backend=wasm${link}`); // a new document: a fresh visit
    await fresh.waitForFunction(() => !!window.__gpl);
    expect(await outcome(lab.page), link).toEqual(await outcome(fresh));
    await expect
      .poll(async () => [await hash(lab.page), await hash(fresh)].reduce((a, b) => (a === b ? a : '')))
      .toMatch(/^#/); // the same URL
  };
  // The reported case: a first look, the slider moved, threshold mode, 3 epochs in the form; then a link
  // that names none of them (a new tab opens the snapshot's 10 epochs at 50 % sparsity).
  await lab.slider.focus();
  await lab.page.keyboard.press('End');
  await lab.page.getByTestId('controls.mode').selectOption('threshold');
  await lab.page.getByTestId('controls.epochs').fill('3');
  await lab.page.getByTestId('controls.epochs').blur();
  await paste('#dataset=synthetic-32&criterion=taylor');
  expect((await lab.state()).settings).toMatchObject({
    criterion: 'taylor',
    mode: 'sparsity',
    sparsity: 0.5,
    epochs: 10,
  });
  // In the tour and presenter mode, a link with a threshold, epochs and the same tour step.
  await lab.page.getByTestId('tour.start').click();
  await lab.page.getByTestId('present.toggle').click();
  await paste('#dataset=synthetic-32&mode=threshold&T=0.003&epochs=3&tour=1&present=1');
  // Neurons at a target sparsity, in Chinese.
  await paste('#dataset=synthetic-32&granularity=neurons&mode=sparsity&sparsity=0.8&lang=zh-CN');
  expect(errors).toEqual([]);
});

test('copy-link buttons: settings, a link that trains on open, and a link to this snapshot', async ({
  lab,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await lab.open('?backend=wasm#dataset=synthetic-32&criterion=obd&mode=sparsity&sparsity=0.4', { firstVisit: true });
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'synthetic-32');
  await lab.settled();
  const copied = async (id: string) => {
    await lab.page.getByTestId(id).click();
    await expect(lab.page.getByTestId('export.message')).toContainText('Link copied');
    return new URL(await lab.page.evaluate(() => navigator.clipboard.readText()));
  };
  const plain = await copied('export.link');
  expect(plain.hash).toContain('criterion=obd');
  expect(plain.hash).not.toContain('autotrain');
  expect(plain.search).toBe('?backend=wasm');
  const trains = await copied('export.link.train');
  expect(trains.hash).toMatch(/criterion=obd.*autotrain=1/);
  const snap = await copied('export.link.snapshot');
  expect(snap.hash).toMatch(/dataset=synthetic-32.*criterion=obd.*sparsity=0\.4.*snapshot=synthetic-32/);

  // The snapshot link opened in a new tab shows the same network at the same sparsity.
  const view = (await lab.state()).pruning.view!;
  await lab.open(`${snap.search}${snap.hash}`, { firstVisit: true });
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'synthetic-32');
  await lab.settled();
  const again = (await lab.state()).pruning.view!;
  expect([again.report.sparsity, again.val!.accuracy]).toEqual([view.report.sparsity, view.val!.accuracy]);
});
