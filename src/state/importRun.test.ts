import { describe, expect, it } from 'vitest';
import { RUN_MAX_LENGTH } from '../core/runFile';
import { translate, type Msg } from '../i18n/catalogue';
import { importedState, readRunFile } from './importRun';
import { initialState } from './store';

const en = (m: Msg) => translate('en', m.key, m.params);

describe('importing a run file: what the page says', () => {
  it('refuses an oversized file before reading it, and says why in both languages', async () => {
    const huge = { size: 100 * 2 ** 20, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    const r = await readRunFile(huge);
    expect('error' in r && en(r.error)).toBe(`This file is 100.0 MB; run files are at most ${RUN_MAX_LENGTH / 2 ** 20} MB. It was not read.`);
    expect('error' in r && translate('zh-CN', r.error.key, r.error.params)).toBe('这个文件有 100.0 MB，而运行文件最大为 50 MB。文件未被读取。');
  });

  it('passes the browser\'s reason on when a file cannot be read', async () => {
    const broken = { size: 10, text: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    const r = await readRunFile(broken);
    expect('error' in r && en(r.error)).toBe('The file could not be read: NotReadableError');
  });

  it("wraps the validator's reason, and leaves the state alone", () => {
    let called = false;
    const r = importedState(initialState(), 'not json', () => ((called = true), 1));
    expect('error' in r && en(r.error)).toMatch(/^This run file cannot be imported: run file is not valid JSON \(.*\)\.$/);
    expect(called).toBe(false);
  });
});
