import { expect, test } from './fixtures';

// Issue 18: your own data — bad files refused one by one (the Iris example end to end, and the data the
// user chose being what trains, are the practitioner's journey: journey-practitioner.spec.ts).

test('bad files get their own message and change nothing else; a BOM and Windows line endings are accepted', async ({
  lab,
}) => {
  await lab.open('?backend=wasm#snapshot=synthetic-32');
  await lab.settled();
  const before = await lab.state();
  const input = lab.page.getByTestId('data.file');
  const offer = (name: string, text: string | Buffer) =>
    input.setInputFiles({ name, mimeType: 'text/csv', buffer: typeof text === 'string' ? Buffer.from(text) : text });
  const problem = lab.page.getByTestId('data.problem');
  const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 3 === 0 ? 'a' : 'b'}`);
  await offer('ragged.csv', ['x,y', ...rows.slice(0, 2), '7', ...rows.slice(2)].join('\n'));
  await expect(problem).toContainText('Line 4 has 1 cell; the header has 2.');
  await offer('blob.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
  await expect(problem).toContainText('does not look like a text file');
  await offer('one.csv', ['x,y', ...rows.map((r) => r.replace(/[ab]$/, 'a'))].join('\n'));
  await expect(problem).toContainText('has only one value');
  await offer(
    'text.csv',
    ['x,colour,y', ...rows.map((r, i) => r.replace(',', `,${i % 2 ? 'red' : 'blue'},`))].join('\n'),
  );
  await expect(problem).toContainText('Column “colour” holds text');
  await lab.page.getByTestId('data.onehot').check();
  await expect(lab.page.getByTestId('data.ready')).toContainText('3 features, 2 classes');
  await offer('windows.csv', `\ufeff${['x,y', ...rows].join('\r\n')}\r\n`);
  await expect(lab.page.getByTestId('data.ready')).toContainText('1 feature, 2 classes');
  await expect(lab.page.getByTestId('controls.dataset')).toHaveAttribute('data-table', 'windows.csv');
  // A file refused now changes nothing: the table loaded, what Train trains, its epochs.
  const chosen = await lab.state();
  await offer('ragged.csv', ['x,y', '1,a', '7'].join('\n'));
  await expect(problem).toContainText('ragged.csv was not loaded: Line 3 has 1 cell; the header has 2.');
  await expect(problem).toContainText(
    'Still loaded, unchanged: windows.csv, the table below (what Train trains) and the network on screen.',
  );
  await expect(lab.page.getByTestId('data.ready')).toContainText('1 feature, 2 classes');
  const kept = await lab.state();
  expect([kept.flags.table, kept.settings.epochs, kept.userData.readout!.hash]).toEqual([
    chosen.flags.table,
    chosen.settings.epochs,
    chosen.userData.readout!.hash,
  ]);
  await expect(lab.trainButton).toBeEnabled();
  // Issue 25: Iris without its header row is refused by its first line, named, the table kept — then read as data.
  const iris = [
    '5.1,3.5,1.4,0.2,setosa',
    '4.9,3.0,1.4,0.2,setosa',
    '7.0,3.2,4.7,1.4,versicolor',
    '6.4,3.2,4.5,1.5,versicolor',
    '6.3,3.3,6.0,2.5,virginica',
    '5.8,2.7,5.1,1.9,virginica',
  ];
  await offer('iris.data', [...iris, ...iris].join('\n'));
  await expect(problem).toContainText(
    'iris.data was not loaded: The first line (5.1, 3.5, 1.4, 0.2, setosa) reads like data',
  );
  await expect(problem).toContainText('Still loaded, unchanged: windows.csv');
  await expect(lab.page.getByTestId('data.info')).toContainText('windows.csv');
  await lab.page.getByTestId('data.headerless').click();
  await expect(lab.page.getByTestId('data.ready')).toContainText('4 features, 3 classes');
  await expect(lab.page.getByTestId('data.headerlessOn')).toContainText('the columns are named x1 … x5');
  await expect(problem).toHaveCount(0);
  // JSON refusals say what is wrong in words (the fixture fails on any internal code shown).
  await offer('records.json', JSON.stringify([{ a: 1, b: 2 }, { a: 3 }]));
  await expect(problem).toContainText('records.json was not loaded: Record 2 has no “b”, which the first record has');
  await offer('broken.json', '[{"a": 1},\n {"a": }]');
  await expect(problem).toContainText('This is not valid JSON: it goes wrong at line 2, column 8.');
  // A CSV header may start with [ or {; decimal commas in a semicolon file are numbers; a name is shown as it is.
  const sizes = [
    '[mm] length;width;label',
    ...Array.from({ length: 12 }, (_, i) => `${i},5;${i % 4},25;${i % 2 ? 'a' : 'b'}`),
  ];
  await offer('a</b>evil<b>x.csv', sizes.join('\n'));
  await expect(lab.page.getByTestId('data.ready')).toContainText('2 features, 2 classes');
  await expect(lab.page.getByTestId('data.info')).toContainText('a</b>evil<b>x.csv ·');
  await expect(lab.page.getByTestId('data.preview')).toContainText('[mm] length');
  await expect(lab.page.getByTestId('data.preview').locator('td').first()).toHaveText('0.5');
  // None of it touched the network on screen.
  const after = await lab.state();
  expect([after.runId, after.origin, after.pruning.view!.val!.accuracy]).toEqual([
    before.runId,
    before.origin,
    before.pruning.view!.val!.accuracy,
  ]);
});

test('a JSON file dropped on the panel trains on WebGPU too', async ({ lab }) => {
  // A link made with this table keeps its epochs (3: SwiftShader's WebGPU is slow), once the table is here.
  await lab.open('?backend=webgpu#snapshot=none&table=records.json&epochs=3&batch=16&lr=0.01');
  await expect(lab.badge).toHaveAttribute('data-backend', 'webgpu');
  const records = Array.from({ length: 40 }, (_, i) => ({ a: i % 4, b: (i * 7) % 5, kind: i % 2 ? 'odd' : 'even' }));
  // A drop as the browser delivers it: a DataTransfer holding the file, dispatched on the drop zone.
  await lab.page.getByTestId('data.drop').evaluate((zone, text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'records.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(records));
  await expect(lab.page.getByTestId('data.ready')).toContainText(
    '2 features, 2 classes, 32 training and 8 validation rows',
  );
  await expect(lab.page.getByTestId('controls.epochsWhy')).toContainText(
    'Your 3 epochs are only 6 Adam steps on this table',
  );
  await lab.page.getByTestId('data.train').click();
  await lab.waitDone();
  await lab.settled();
  const s = await lab.state();
  expect(s.backend!.name).toBe('webgpu');
  expect(s.runConfig).toMatchObject({ dataset: 'user', epochs: 3 });
  expect(s.scoring!.layers.map((l) => [l.inputs, l.units])).toEqual([
    [2, 64],
    [64, 32],
    [32, 2],
  ]);
  await lab.expectExactNumbers();
});
