import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/base';
import { translate, type Msg } from '../../i18n/catalogue';
import { defaultFlags, parseFlags, serializeFlags } from './flags';
import {
  defaultSettings,
  parseField,
  parseNumber,
  parseSettings,
  sameValue,
  SCHEMA,
  serializeSettings,
  SETTING_KEYS,
  shortestFloat32,
} from './settings';

const en = (m: Msg) => translate('en', m.key, m.params);
const zh = (m: Msg) => translate('zh-CN', m.key, m.params);

describe('settings URL codec', () => {
  it('uses the schema defaults for an empty URL', () => {
    const { settings, notices } = parseSettings('', '');
    expect(settings).toEqual(defaultSettings());
    expect(settings.dataset).toBe(SCHEMA.dataset.default);
    expect(notices).toEqual([]);
  });

  it('reads the query string and lets the hash win', () => {
    const { settings, notices, given } = parseSettings(
      '?backend=cpu&seed=3',
      '#seed=9&dataset=synthetic-32&lr=3e-4&batch=128&epochs=2&T=x',
    );
    expect(settings).toMatchObject({
      backend: 'cpu',
      seed: 9,
      dataset: 'synthetic-32',
      learningRate: 3e-4,
      batchSize: 128,
      epochs: 2,
    });
    expect(given.sort()).toEqual(['backend', 'batchSize', 'dataset', 'epochs', 'learningRate', 'seed']); // not the refused T
    expect(notices.map(en)).toEqual(['URL key "T" ignored — Threshold T: "x" is not a number; using 0.01.']);
    expect(notices.map(zh)).toEqual(['已忽略网址参数“T”（阈值 T：“x”不是数字），改用 0.01。']);
  });

  it('names the field and its limits as the schema writes them', () => {
    const r = parseField('batchSize', '0');
    expect('error' in r && en(r.error)).toBe('Batch size: 0 is outside 1–1024');
    expect(parseSettings('', '#batch=0&seed=1.5').notices.map(en)).toEqual([
      'URL key "seed" ignored — Seed: 1.5 is not a whole number; using 1.',
      'URL key "batch" ignored — Batch size: 0 is outside 1–1024; using 32.',
    ]);
    const long = parseField('dataset', 'x'.repeat(65));
    expect('error' in long && en(long.error)).toBe('Dataset: value is too long');
    const bad = parseField('scope', 'local');
    expect('error' in bad && en(bad.error)).toBe('Scope: "local" is not one of global, per-layer');
  });

  it('reads the hidden layers as a comma-separated list; a bad one is refused whole, with the usual notice', () => {
    const { settings, given, notices } = parseSettings('', '#hidden=32,32,16,16&seed=3');
    expect(settings.hidden).toEqual([32, 32, 16, 16]);
    expect(given.sort()).toEqual(['hidden', 'seed']);
    expect(notices).toEqual([]);
    expect(serializeSettings(settings)).toBe('hidden=32,32,16,16&seed=3');
    expect(serializeSettings({ ...settings, hidden: [64, 32] })).toBe('seed=3'); // the default is not written
    expect(parseSettings('', '#hidden=%201,512%20').settings.hidden).toEqual([1, 512]);
    const refused = (value: string) => {
      const r = parseSettings('', `#hidden=${value}&seed=3`);
      expect(r.settings).toEqual({ ...defaultSettings(), seed: 3 }); // nothing else changes
      return r.notices.map(en);
    };
    const keep = '; using 64,32.';
    expect(refused('')).toEqual([`URL key "hidden" ignored — Hidden layers: "" has 0 values, expected 1 to 6${keep}`]);
    expect(refused('1,2,3,4,5,6,7')).toEqual([
      `URL key "hidden" ignored — Hidden layers: "1,2,3,4,5,6,7" has 7 values, expected 1 to 6${keep}`,
    ]);
    expect(refused('64,0')).toEqual([`URL key "hidden" ignored — Hidden layers: 0 is outside 1–512${keep}`]);
    expect(refused('64,513')).toEqual([`URL key "hidden" ignored — Hidden layers: 513 is outside 1–512${keep}`]);
    expect(refused('64,,32')).toEqual([`URL key "hidden" ignored — Hidden layers: "" is not a number${keep}`]);
    expect(refused('64,x')).toEqual([`URL key "hidden" ignored — Hidden layers: "x" is not a number${keep}`]);
    expect(refused('64,1.5')).toEqual([`URL key "hidden" ignored — Hidden layers: 1.5 is not a whole number${keep}`]);
    const zhNotice = parseSettings('', '#hidden=9,9,9,9,9,9,9').notices.map(zh)[0];
    expect(zhNotice).toContain('隐藏层：“9,9,9,9,9,9,9”有 7 个值，应为 1 到 6 个');
    expect(sameValue('hidden', [64, 32], [64, 32])).toBe(true);
    expect(sameValue('hidden', [64, 32], [64, 32, 1])).toBe(false);
  });

  it('round-trips through serialize, writing only non-defaults', () => {
    const s = { ...defaultSettings(), seed: 42, learningRate: 0.0005, backend: 'webgl' as const };
    const text = serializeSettings(s);
    expect(text).toBe('seed=42&lr=0.0005&backend=webgl');
    expect(parseSettings('', `#${text}`).settings).toEqual(s);
    expect(serializeSettings(defaultSettings())).toBe('');
  });

  it.each([
    ['batch=0', 'Batch size'],
    ['batch=abc', 'Batch size'],
    ['epochs=1e9', 'Epochs'],
    ['epochs=2.5', 'Epochs'],
    ['lr=NaN', 'Learning rate'],
    ['lr=-1', 'Learning rate'],
    ['lr=Infinity', 'Learning rate'],
    ['seed=', 'Seed'],
    ['dataset=cifar', 'Dataset'],
    ['backend=__proto__', 'Backend'],
    [`seed=${'9'.repeat(500)}`, 'Seed'],
  ])('rejects %s with a notice naming the key and keeps the default', (hash, label) => {
    const { settings, notices } = parseSettings('', `#${hash}`);
    expect(settings).toEqual(defaultSettings());
    expect(notices).toHaveLength(1);
    expect(en(notices[0])).toContain(`"${hash.split('=')[0]}"`);
    expect(en(notices[0])).toContain(label);
  });

  it('ignores unknown and prototype keys', () => {
    const { settings, notices } = parseSettings('?__proto__=1&constructor=x', '#foo=bar&toString=1');
    expect(settings).toEqual(defaultSettings());
    expect(notices).toEqual([]);
    expect(({} as Record<string, unknown>).foo).toBeUndefined();
  });

  it('accepts exponent and decimal forms within range', () => {
    expect(parseField('learningRate', '1e-3')).toEqual({ value: 0.001 });
    expect(parseField('learningRate', '.01')).toEqual({ value: 0.01 });
    expect(parseField('batchSize', ' 64 ')).toEqual({ value: 64 });
    expect(parseField('batchSize', '0x10')).toHaveProperty('error');
  });

  it('has a URL key, and a label and help text in the catalogue, for every setting', () => {
    const keys = SETTING_KEYS.map((k) => SCHEMA[k].key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const locale of ['en', 'zh-CN'] as const) {
      SETTING_KEYS.forEach((k) => expect(translate(locale, `setting.${k}.label`).length).toBeGreaterThan(0));
      SETTING_KEYS.forEach((k) => expect(translate(locale, `setting.${k}.help`).length).toBeGreaterThan(10));
    }
  });
});

describe('settings codec: every field, and fuzzing', () => {
  it('round-trips every field with a non-default value', () => {
    const s = { ...defaultSettings() };
    const alt: Record<string, unknown> = {};
    for (const name of SETTING_KEYS) {
      const f = SCHEMA[name] as {
        kind: string;
        values?: readonly string[];
        min?: number;
        max?: number;
        default: unknown;
      };
      alt[name] =
        f.kind === 'list'
          ? [512, 1, 17]
          : f.kind === 'enum'
            ? f.values!.find((v) => v !== f.default)
            : f.kind === 'int'
              ? Math.min(f.max!, Number(f.default) + 1)
              : Number(f.default) * 0.5 || f.max! / 2;
    }
    Object.assign(s, alt);
    const text = serializeSettings(s);
    SETTING_KEYS.forEach((name) => expect(text).toContain(`${SCHEMA[name].key}=`));
    expect(parseSettings('', `#${text}`)).toEqual({
      settings: s,
      given: SETTING_KEYS.filter((k) => !sameValue(k, s[k], defaultSettings()[k])),
      notices: [],
    });
  });

  it('never throws on 500 random hashes and always yields valid settings', () => {
    const r = createRng(2026);
    const pieces = [
      'dataset',
      'seed',
      'epochs',
      'batch',
      'lr',
      'backend',
      'criterion',
      'T',
      'sparsity',
      'view',
      'scale',
      'mode',
      'scope',
      'granularity',
      'hide',
      'autotrain',
      '__proto__',
      'constructor',
      'toString',
      '',
      '%',
      '&&',
      '==',
    ];
    const values = [
      '',
      '0',
      '-1',
      '1e309',
      'NaN',
      'Infinity',
      '0x1f',
      '1e-3',
      'mnist',
      'cpu',
      '%E0%A4%A',
      '%00',
      'x'.repeat(10_000),
      '<script>',
      'global',
      'neurons',
      '1,2',
      '🙂',
    ];
    for (let k = 0; k < 500; k++) {
      const parts = Array.from(
        { length: r.int(8) },
        () => `${pieces[r.int(pieces.length)]}${r.next() < 0.9 ? '=' : ''}${values[r.int(values.length)]}`,
      );
      const hash = `#${parts.join(r.next() < 0.8 ? '&' : ';')}`;
      let out: ReturnType<typeof parseSettings> | undefined;
      expect(() => (out = parseSettings('', hash))).not.toThrow();
      for (const name of SETTING_KEYS) expect('value' in parseField(name, String(out!.settings[name]))).toBe(true);
      expect(() => parseFlags('', hash)).not.toThrow();
      expect(Object.getPrototypeOf(out!.settings)).toBe(Object.prototype);
    }
  });
});

describe('thresholds in links', () => {
  it('are written in the shortest form that reads back as the same float32', () => {
    expect(shortestFloat32(Math.fround(0.01))).toBe('0.01');
    expect(shortestFloat32(0.009999999776482582)).toBe('0.01');
    expect(shortestFloat32(1e-7)).toBe('1e-7');
    expect(shortestFloat32(0)).toBe('0');
    const r = createRng(11);
    for (let k = 0; k < 2000; k++) {
      const v = Math.fround(Math.exp(-30 + 40 * r.next()));
      const text = shortestFloat32(v);
      expect(Math.fround(Number(text))).toBe(v);
      expect(text.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(9);
    }
    const s = { ...defaultSettings(), threshold: Math.fround(0.0123456789) };
    expect(serializeSettings(s)).toBe('T=0.012345679');
    expect(parseSettings('', `#${serializeSettings(s)}`).settings.threshold).toBe(s.threshold);
    expect(serializeSettings(defaultSettings())).toBe(''); // the default is the float32 of 0.01
  });
});

describe('URL flags', () => {
  it('parses hide and autotrain, names bad values, and serialises back', () => {
    const { flags, notices } = parseFlags('', '#hide=backend,export,nope&autotrain=1');
    expect(flags).toEqual({ ...defaultFlags(), hide: ['backend', 'export'], autotrain: true });
    expect(notices.map(en)).toEqual([expect.stringContaining('"nope"')]);
    expect(serializeFlags(flags)).toBe('hide=backend,export&autotrain=1');
    expect(en(parseFlags('', '#autotrain=maybe').notices[0])).toContain('"autotrain"');
    expect(parseFlags('', '').flags).toEqual(defaultFlags());
    const snap = parseFlags('', '#snapshot=synthetic-32');
    expect([snap.flags.snapshot, serializeFlags(snap.flags)]).toEqual(['synthetic-32', 'snapshot=synthetic-32']);
    expect(parseFlags('', '#snapshot=cifar').notices.map(en)).toEqual([
      'URL key "snapshot" ignored — "cifar" is not one of auto, none, mnist, synthetic-32.',
    ]);
  });

  it('words each refusal as before, in English, and with the same values in Chinese', () => {
    const { notices } = parseFlags('', '#hide=a,b&autotrain=maybe&lang=fr&tour=0&present=2');
    expect(notices.map(en)).toEqual([
      'URL key "hide": unknown panels "a", "b" ignored; panels are backend, training, data, progress, curves, heatmaps, chart, sensitivity, speed, stats, pruning, forget, experiments, export, how.',
      'URL key "autotrain" ignored — "maybe" is not 1 or 0.',
      'URL key "lang" ignored — "fr" is not en or zh-CN.',
      'URL key "tour" ignored — "0" is not a step number.',
      'URL key "present" ignored — "2" is not 1 or 0.',
    ]);
    expect(en(parseFlags('', '#hide=nope').notices[0])).toMatch(/^URL key "hide": unknown panel "nope" ignored;/);
    expect(en(parseFlags('', `#hide=${'x'.repeat(201)}`).notices[0])).toBe(
      'URL key "hide" ignored — value is too long.',
    );
    expect(zh(notices[0])).toMatch(/^网址参数“hide”：已忽略 2 个未知面板 "a", "b"；/);
  });
});

describe('parseNumber', () => {
  it('accepts plain decimals and exponent forms only', () => {
    expect(['1', '-2.5', '.5', '3.', '1e-4', '+2E3', ' 7 '].map(parseNumber)).toEqual([1, -2.5, 0.5, 3, 1e-4, 2000, 7]);
    expect(['', ' ', '0x10', 'Infinity', 'NaN', '1,5', '２', '1e', 'e3', '1_000', '--1'].map(parseNumber)).toEqual(
      Array(11).fill(null),
    );
  });
});
