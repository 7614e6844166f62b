import { describe, expect, it } from 'vitest';
import { defaultSettings, parseField, parseSettings, SCHEMA, serializeSettings, SETTING_KEYS } from './settings';

describe('settings URL codec', () => {
  it('uses the schema defaults for an empty URL', () => {
    const { settings, notices } = parseSettings('', '');
    expect(settings).toEqual(defaultSettings());
    expect(settings.dataset).toBe(SCHEMA.dataset.default);
    expect(notices).toEqual([]);
  });

  it('reads the query string and lets the hash win', () => {
    const { settings, notices } = parseSettings('?backend=cpu&seed=3', '#seed=9&dataset=synthetic-32&lr=3e-4&batch=128&epochs=2');
    expect(settings).toMatchObject({ backend: 'cpu', seed: 9, dataset: 'synthetic-32', learningRate: 3e-4, batchSize: 128, epochs: 2 });
    expect(notices).toEqual([]);
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
    expect(notices[0]).toContain(`"${hash.split('=')[0]}"`);
    expect(notices[0]).toContain(label);
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

  it('has a URL key, label and help text for every setting', () => {
    const keys = SETTING_KEYS.map((k) => SCHEMA[k].key);
    expect(new Set(keys).size).toBe(keys.length);
    SETTING_KEYS.forEach((k) => expect(SCHEMA[k].help.length).toBeGreaterThan(10));
  });
});
