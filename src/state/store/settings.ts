/**
 * Experiment settings and their URL codec. One schema table drives parsing, serialising, defaults and
 * the form's limits (TensorFlow Playground style). Unknown keys are ignored; a bad value falls back to
 * its default and produces a notice naming the key (a message of the catalogue: `url.setting`, with
 * the field's reason, `field.*`). The settings' names and explanations are the catalogue's
 * `setting.<name>.label` and `.help`.
 */
import { HIDDEN_UNITS, MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS, sameHidden } from '../../core/base';
import { DATASET_NAMES, type DatasetName } from '../../core/data';
import type { BackendPreference, TrainConfig } from '../../train/runTypes';

export type { BackendPreference } from '../../train/runTypes';
import {
  CRITERIA,
  type Criterion,
  GRANULARITIES,
  SCOPES,
  type Granularity,
  type Mode,
  type Scope,
} from '../../core/prune';
import { msg, type Msg } from '../../i18n/catalogue';
import { GRADUAL_DEFAULTS, LOTTERY_DEFAULTS } from './experimentsState';

export const HEATMAP_VIEWS = ['score', 'gradient', 'magnitude', 'taylor', 'obd', 'weights', 'fields'] as const;
export type HeatmapView = (typeof HEATMAP_VIEWS)[number];

export interface Settings extends Omit<TrainConfig, 'dataset'> {
  /** The built-in dataset of the form (Train trains the user's table instead while `flags.table` names one). */
  dataset: DatasetName;
  /** The hidden layers' widths, input side first (1 to MAX_HIDDEN_LAYERS of 1 to MAX_HIDDEN_UNITS; link `hidden=64,32`). */
  hidden: readonly number[];
  backend: BackendPreference;
  criterion: Criterion;
  scope: Scope;
  granularity: Granularity;
  mode: Mode;
  /** Threshold T (threshold mode). */
  threshold: number;
  /** Target sparsity in [0, 1) (sparsity mode). */
  sparsity: number;
  view: HeatmapView;
  scale: 'log' | 'linear';
  /** Lottery tickets: rounds, share of the surviving weights pruned per round, rewind point in epochs (0 = the initial weights). */
  ticketRounds: number;
  ticketRate: number;
  ticketRewind: number;
  /** Gradual pruning: initial sparsity, begin and end as fractions of the training's steps, steps between mask updates. */
  gradualInitial: number;
  gradualBegin: number;
  gradualEnd: number;
  gradualFrequency: number;
  /** What pruning forgets: the class whose curve and examples are shown (-1: every class). */
  forgetClass: number;
}

interface NumberField {
  /** float32: the value is rounded to float32 (the type of the scores it is compared with) and written in its shortest form. */
  kind: 'int' | 'float' | 'float32';
  key: string;
  min: number;
  max: number;
  default: number;
}
/** A list of whole numbers, each in min–max, written comma-separated (`hidden=64,32`). */
interface ListField {
  kind: 'list';
  key: string;
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
  default: readonly number[];
}
interface EnumField<T extends string> {
  kind: 'enum';
  key: string;
  values: readonly T[];
  default: T;
}

type Schema = {
  [K in keyof Settings]: Settings[K] extends number
    ? NumberField
    : Settings[K] extends readonly number[]
      ? ListField
      : EnumField<Extract<Settings[K], string>>;
};

export const BACKEND_CHOICES = [
  'auto',
  'webgpu',
  'webgl',
  'wasm',
  'cpu',
] as const satisfies readonly BackendPreference[];

export const SCHEMA: Schema = {
  dataset: { kind: 'enum', key: 'dataset', values: DATASET_NAMES, default: 'mnist' },
  hidden: {
    kind: 'list',
    key: 'hidden',
    min: 1,
    max: MAX_HIDDEN_UNITS,
    minLength: 1,
    maxLength: MAX_HIDDEN_LAYERS,
    default: HIDDEN_UNITS,
  },
  seed: { kind: 'int', key: 'seed', min: 0, max: 2 ** 31 - 1, default: 1 },
  epochs: { kind: 'int', key: 'epochs', min: 1, max: 1000, default: 5 },
  batchSize: { kind: 'int', key: 'batch', min: 1, max: 1024, default: 32 },
  learningRate: { kind: 'float', key: 'lr', min: 1e-6, max: 10, default: 0.001 },
  backend: { kind: 'enum', key: 'backend', values: BACKEND_CHOICES, default: 'auto' },
  criterion: { kind: 'enum', key: 'criterion', values: CRITERIA, default: 'gradient' },
  scope: { kind: 'enum', key: 'scope', values: SCOPES, default: 'global' },
  granularity: { kind: 'enum', key: 'granularity', values: GRANULARITIES, default: 'weights' },
  mode: { kind: 'enum', key: 'mode', values: ['threshold', 'sparsity'], default: 'threshold' },
  threshold: { kind: 'float32', key: 'T', min: 0, max: 1e6, default: Math.fround(0.01) },
  sparsity: { kind: 'float', key: 'sparsity', min: 0, max: 0.999, default: 0.5 },
  view: { kind: 'enum', key: 'view', values: HEATMAP_VIEWS, default: 'score' },
  scale: { kind: 'enum', key: 'scale', values: ['log', 'linear'], default: 'log' },
  ticketRounds: { kind: 'int', key: 'rounds', min: 1, max: 10, default: LOTTERY_DEFAULTS.rounds },
  ticketRate: { kind: 'float', key: 'rate', min: 0.05, max: 0.95, default: LOTTERY_DEFAULTS.rate },
  ticketRewind: { kind: 'int', key: 'rewind', min: 0, max: 100, default: LOTTERY_DEFAULTS.rewind },
  gradualInitial: { kind: 'float', key: 'g0', min: 0, max: 0.95, default: GRADUAL_DEFAULTS.initial },
  gradualBegin: { kind: 'float', key: 'gbegin', min: 0, max: 1, default: GRADUAL_DEFAULTS.begin },
  gradualEnd: { kind: 'float', key: 'gend', min: 0, max: 1, default: GRADUAL_DEFAULTS.end },
  gradualFrequency: { kind: 'int', key: 'gfreq', min: 1, max: 10000, default: GRADUAL_DEFAULTS.frequency },
  forgetClass: { kind: 'int', key: 'class', min: -1, max: 255, default: -1 },
};

export const SETTING_KEYS = Object.keys(SCHEMA) as (keyof Settings)[];

/** The settings the pruning evaluation depends on. */
export const PRUNING_KEYS = [
  'criterion',
  'scope',
  'granularity',
  'mode',
  'threshold',
  'sparsity',
] as const satisfies readonly (keyof Settings)[];

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, SCHEMA[k].default])) as unknown as Settings;
}

const MAX_VALUE_LENGTH = 64;

/** The shortest decimal that reads back as the same float32 (0.01, not 0.009999999776482582). */
export function shortestFloat32(v: number): string {
  const f = Math.fround(v);
  for (let digits = 1; digits < 9; digits++) {
    const s = Number(f.toPrecision(digits));
    if (Math.fround(s) === f) return String(s);
  }
  return String(Number(f.toPrecision(9)));
}

/** A setting's value as text, as links and notices show it. */
export const showValue = (name: keyof Settings, v: Settings[keyof Settings]) =>
  SCHEMA[name].kind === 'float32' ? shortestFloat32(v as number) : Array.isArray(v) ? v.join(',') : String(v);

/** Whether two values of a setting are the same (a list by its numbers). */
export const sameValue = <K extends keyof Settings>(name: K, a: Settings[K], b: Settings[K]): boolean =>
  SCHEMA[name].kind === 'list' ? sameHidden(a as readonly number[], b as readonly number[]) : a === b;

/** A plain decimal or exponent number (no hex, no Infinity, no separators), or null. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim();
  if (text === '' || text.length > MAX_VALUE_LENGTH || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  return Number(text);
}

/** A setting's name as a message (`setting.<name>.label` of the catalogue), for errors that name it. */
export const settingLabel = (name: keyof Settings): Msg => msg(`setting.${name}.label`);

/**
 * Validates one raw string against its field; returns the value or why it is refused, as a message
 * naming the field. Limits are passed as text, as the schema writes them (1024, not 1,024).
 */
export function parseField<K extends keyof Settings>(name: K, raw: string): { value: Settings[K] } | { error: Msg } {
  const field = SCHEMA[name] as NumberField | EnumField<string> | ListField;
  const label = settingLabel(name);
  const text = raw.trim();
  if (text.length > MAX_VALUE_LENGTH) return { error: msg('field.tooLong', { label }) };
  if (field.kind === 'enum') {
    return field.values.includes(text)
      ? { value: text as Settings[K] }
      : { error: msg('field.notOneOf', { label, value: text, values: field.values.join(', ') }) };
  }
  if (field.kind === 'list') return parseList(field, label, text) as { value: Settings[K] } | { error: Msg };
  return parseNumberField(field, label, text) as { value: Settings[K] } | { error: Msg };
}

/** A list field's value: `min`–`max` comma-separated numbers, each a whole number in its range. */
function parseList(field: ListField, label: Msg, text: string): { value: number[] } | { error: Msg } {
  const parts = text === '' ? [] : text.split(',');
  if (parts.length < field.minLength || parts.length > field.maxLength) {
    const limits = { min: String(field.minLength), max: String(field.maxLength) };
    return { error: msg('field.listLength', { label, value: text, count: String(parts.length), ...limits }) };
  }
  const value: number[] = [];
  for (const part of parts) {
    const r = parseNumberField(
      { kind: 'int', key: field.key, min: field.min, max: field.max, default: 1 },
      label,
      part,
    );
    if ('error' in r) return r;
    value.push(r.value);
  }
  return { value };
}

function parseNumberField(field: NumberField, label: Msg, raw: string): { value: number } | { error: Msg } {
  const text = raw.trim();
  const v = parseNumber(text);
  if (v === null) return { error: msg('field.notNumber', { label, value: text }) };
  if (!Number.isFinite(v)) return { error: msg('field.notFinite', { label, value: text }) };
  if (field.kind === 'int' && !Number.isInteger(v)) return { error: msg('field.notWhole', { label, value: text }) };
  if (v < field.min || v > field.max)
    return { error: msg('field.outside', { label, value: text, min: String(field.min), max: String(field.max) }) };
  return { value: field.kind === 'float32' ? Math.fround(v) : v };
}

/**
 * Reads settings from URL parameters (the query string, then the hash, which wins).
 * Returns the settings (defaults where absent or invalid), the ones the URL set, and one notice per
 * rejected key.
 */
export function parseSettings(
  search: string,
  hash: string,
): { settings: Settings; given: (keyof Settings)[]; notices: Msg[] } {
  const settings = defaultSettings();
  const given = new Set<keyof Settings>();
  const notices: Msg[] = [];
  const sources = [new URLSearchParams(search.replace(/^\?/, '')), new URLSearchParams(hash.replace(/^#/, ''))];
  for (const name of SETTING_KEYS) {
    const key = SCHEMA[name].key;
    for (const params of sources) {
      const raw = params.get(key);
      if (raw === null) continue;
      const r = parseField(name, raw);
      if ('value' in r) {
        (settings as unknown as Record<string, unknown>)[name] = r.value;
        given.add(name);
      } else notices.push(msg('url.setting', { key, error: r.error, value: showValue(name, SCHEMA[name].default) }));
    }
  }
  return { settings, given: [...given], notices };
}

/** URL hash text (without '#') holding every setting that differs from its default, and the `named` ones. */
export function serializeSettings(settings: Settings, named: readonly (keyof Settings)[] = []): string {
  const params = new URLSearchParams();
  for (const name of SETTING_KEYS) {
    if (!sameValue(name, settings[name], SCHEMA[name].default) || named.includes(name))
      params.set(SCHEMA[name].key, showValue(name, settings[name]));
  }
  // A comma needs no escape in a URL (and reads back the same): `hidden=64,32` as a person writes it.
  return params.toString().replace(/%2C/g, ',');
}

export function trainConfigOf(s: Settings): TrainConfig {
  return {
    dataset: s.dataset as DatasetName,
    seed: s.seed,
    epochs: s.epochs,
    batchSize: s.batchSize,
    learningRate: s.learningRate,
    hidden: [...s.hidden],
  };
}
