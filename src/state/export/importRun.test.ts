import { describe, expect, it } from 'vitest';
import { RUN_MAX_LENGTH, serializeRun } from '../../core/formats';
import { makeRun } from '../../core/formats/testRun';
import { translate, type Msg } from '../../i18n/catalogue';
import { importedState, readRunFile } from './importRun';
import { initialState } from '../store';

const en = (m: Msg) => translate('en', m.key, m.params);

describe('importing a run file: what the page says', () => {
  it('refuses an oversized file before reading it, and says why in both languages', async () => {
    const huge = { size: 100 * 2 ** 20, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    const r = await readRunFile(huge);
    expect('error' in r && en(r.error)).toBe(
      `This file is 100.0 MB; run files are at most ${RUN_MAX_LENGTH / 2 ** 20} MB. It was not read.`,
    );
    expect('error' in r && translate('zh-CN', r.error.key, r.error.params)).toBe(
      '这个文件有 100.0 MB，而运行文件最大为 50 MB。文件未被读取。',
    );
  });

  it('reads a file of exactly the limit; one byte more is refused in exact bytes, in both languages', async () => {
    const blob = (size: number) => ({ size, text: () => Promise.resolve('{}') }) as unknown as Blob;
    expect(await readRunFile(blob(RUN_MAX_LENGTH))).toEqual({ text: '{}' });
    const r = await readRunFile(blob(RUN_MAX_LENGTH + 1));
    expect('error' in r && en(r.error)).toBe(
      'This file is 52,428,801 bytes; run files are at most 52,428,800 bytes. It was not read.',
    );
    const zh = '这个文件有 52,428,801 字节，而运行文件最大为 52,428,800 字节。文件未被读取。';
    expect('error' in r && translate('zh-CN', r.error.key, r.error.params)).toBe(zh);
    // Where the MB figures differ, MB.
    const mb = await readRunFile(blob(60 * 2 ** 20));
    expect('error' in mb && en(mb.error)).toBe('This file is 60.0 MB; run files are at most 50 MB. It was not read.');
  });

  it('refuses with the field a user can find in the file, never an internal name or "undefined"', () => {
    const refused = (text: string) => {
      const r = importedState(initialState(), text, () => 1);
      return 'error' in r ? [en(r.error), translate('zh-CN', r.error.key, r.error.params)] : [];
    };
    expect(refused('{"__proto__":{}}')).toEqual([
      'This run file cannot be imported: the file has the forbidden key "__proto__".',
      '无法导入这个运行文件：the file has the forbidden key "__proto__"。',
    ]);
    expect(
      refused('{"format":"gradient-pruning-lab/run@2","createdAt":"2026-01-01T00:00:00Z","config":{"seed":1}}')[0],
    ).toBe(
      'This run file cannot be imported: config.backendUsed is missing, expected the name of the backend that trained the weights (a string, such as "wasm").',
    );
  });

  it("passes the browser's reason on when a file cannot be read", async () => {
    const broken = { size: 10, text: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    const r = await readRunFile(broken);
    expect('error' in r && en(r.error)).toBe('The file could not be read: NotReadableError');
  });

  it("wraps the validator's reason, and leaves the state alone", () => {
    let called = false;
    const r = importedState(initialState(), 'not json', () => ((called = true), 1));
    expect('error' in r && en(r.error)).toMatch(
      /^This run file cannot be imported: run file is not valid JSON \(.*\)\.$/,
    );
    expect(called).toBe(false);
  });

  it('takes the network of the file: its hidden layers become the form’s (what Train trains again)', () => {
    const before = { ...initialState(), settings: { ...initialState().settings, hidden: [8] } };
    const deep = importedState(before, serializeRun(makeRun('synthetic-32', 2, [32, 32, 16, 16])), () => 7);
    if (!('state' in deep)) throw new Error('refused');
    expect(deep.state.settings.hidden).toEqual([32, 32, 16, 16]);
    expect(deep.state.runConfig?.hidden).toEqual([32, 32, 16, 16]);
    expect(deep.state.scoring?.layers.map((l) => l.units)).toEqual([32, 32, 16, 16, 10]);
    // A version 2 file: the default network, whatever the form said.
    const old = JSON.parse(serializeRun(makeRun('synthetic-32', 2)));
    delete old.hidden;
    old.format = 'gradient-pruning-lab/run@2';
    const r = importedState(before, JSON.stringify(old), () => 8);
    expect('state' in r && r.state.settings.hidden).toEqual([64, 32]);
  });
});
