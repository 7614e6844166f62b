/**
 * Experiment settings and their URL codec. One schema table drives parsing, serialising, defaults and
 * the form's limits (TensorFlow Playground style). Unknown keys are ignored; a bad value falls back to
 * its default and produces a notice naming the key.
 */
import { DATASET_NAMES, type DatasetName } from '../core/dataset';
import type { BackendPreference, TrainConfig } from '../train/protocol';

export type { BackendPreference } from '../train/protocol';
import { CRITERIA, type Criterion } from '../core/criteria';
import type { Granularity, Mode, Scope } from '../core/masks';

export const HEATMAP_VIEWS = ['score', 'gradient', 'magnitude', 'taylor', 'obd', 'weights', 'fields'] as const;
export type HeatmapView = (typeof HEATMAP_VIEWS)[number];

export interface Settings extends TrainConfig {
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
}

interface NumberField {
  /** float32: the value is rounded to float32 (the type of the scores it is compared with) and written in its shortest form. */
  kind: 'int' | 'float' | 'float32';
  key: string;
  label: string;
  min: number;
  max: number;
  default: number;
  help: string;
}
interface EnumField<T extends string> {
  kind: 'enum';
  key: string;
  label: string;
  values: readonly T[];
  default: T;
  help: string;
}

type Schema = { [K in keyof Settings]: Settings[K] extends number ? NumberField : EnumField<Extract<Settings[K], string>> };

export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const satisfies readonly BackendPreference[];

export const SCHEMA: Schema = {
  dataset: { kind: 'enum', key: 'dataset', label: 'Dataset', values: DATASET_NAMES, default: 'mnist', help: 'mnist: 10,000 handwritten digits (784 inputs). synthetic-32: the article’s 32-feature, 10-class setting.' },
  seed: { kind: 'int', key: 'seed', label: 'Seed', min: 0, max: 2 ** 31 - 1, default: 1, help: 'Seeds the initial weights, the batch order and the synthetic data.' },
  epochs: { kind: 'int', key: 'epochs', label: 'Epochs', min: 1, max: 100, default: 5, help: 'Passes over the 8,000 training samples.' },
  batchSize: { kind: 'int', key: 'batch', label: 'Batch size', min: 1, max: 1024, default: 32, help: 'Samples per Adam step (1–1024).' },
  learningRate: { kind: 'float', key: 'lr', label: 'Learning rate', min: 1e-6, max: 10, default: 0.001, help: 'Adam step size (Keras default 0.001).' },
  backend: { kind: 'enum', key: 'backend', label: 'Backend', values: BACKEND_CHOICES, default: 'auto', help: 'auto tries WebGPU, then WebGL, then WebAssembly, then CPU.' },
  criterion: { kind: 'enum', key: 'criterion', label: 'Criterion', values: CRITERIA, default: 'gradient', help: 'The importance score: low scores are pruned first.' },
  scope: { kind: 'enum', key: 'scope', label: 'Scope', values: ['global', 'per-layer'], default: 'global', help: 'global: one threshold for all layers (the article). per-layer: every layer pruned to the same sparsity.' },
  granularity: { kind: 'enum', key: 'granularity', label: 'Granularity', values: ['weights', 'neurons'], default: 'weights', help: 'weights: single connections. neurons: whole hidden units (a smaller dense network).' },
  mode: { kind: 'enum', key: 'mode', label: 'Mode', values: ['threshold', 'sparsity'], default: 'threshold', help: 'threshold: prune score < T (the article). sparsity: prune a fraction of the lowest scores.' },
  threshold: { kind: 'float32', key: 'T', label: 'Threshold T', min: 0, max: 1e6, default: Math.fround(0.01), help: 'Prune every weight whose score is below T (the article’s example: 0.01).' },
  sparsity: { kind: 'float', key: 'sparsity', label: 'Target sparsity', min: 0, max: 0.999, default: 0.5, help: 'Fraction of weights (or hidden units) to prune, 0–0.999.' },
  view: { kind: 'enum', key: 'view', label: 'Heatmap', values: HEATMAP_VIEWS, default: 'score', help: 'What the heatmaps show: the current criterion’s score, another criterion, the raw weights, or MNIST receptive fields.' },
  scale: { kind: 'enum', key: 'scale', label: 'Colour scale', values: ['log', 'linear'], default: 'log', help: 'Gradients span decades: log scale by default.' },
};

export const SETTING_KEYS = Object.keys(SCHEMA) as (keyof Settings)[];

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
export const showValue = (name: keyof Settings, v: Settings[keyof Settings]) => (SCHEMA[name].kind === 'float32' ? shortestFloat32(v as number) : String(v));

/** A plain decimal or exponent number (no hex, no Infinity, no separators), or null. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim();
  if (text === '' || text.length > MAX_VALUE_LENGTH || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  return Number(text);
}

/** Validates one raw string against its field; returns the value or an error message naming the field. */
export function parseField<K extends keyof Settings>(name: K, raw: string): { value: Settings[K] } | { error: string } {
  const field = SCHEMA[name] as NumberField | EnumField<string>;
  const text = raw.trim();
  if (text.length > MAX_VALUE_LENGTH) return { error: `${field.label}: value is too long` };
  if (field.kind === 'enum') {
    return field.values.includes(text) ? { value: text as Settings[K] } : { error: `${field.label}: "${text}" is not one of ${field.values.join(', ')}` };
  }
  const v = parseNumber(text);
  if (v === null) return { error: `${field.label}: "${text}" is not a number` };
  if (!Number.isFinite(v)) return { error: `${field.label}: "${text}" is not a finite number` };
  if (field.kind === 'int' && !Number.isInteger(v)) return { error: `${field.label}: ${text} is not a whole number` };
  if (v < field.min || v > field.max) return { error: `${field.label}: ${text} is outside ${field.min}–${field.max}` };
  return { value: (field.kind === 'float32' ? Math.fround(v) : v) as Settings[K] };
}

/**
 * Reads settings from URL parameters (the query string, then the hash, which wins).
 * Returns the settings (defaults where absent or invalid), the ones the URL set, and one notice per
 * rejected key.
 */
export function parseSettings(search: string, hash: string): { settings: Settings; given: (keyof Settings)[]; notices: string[] } {
  const settings = defaultSettings();
  const given = new Set<keyof Settings>();
  const notices: string[] = [];
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
      } else notices.push(`URL key "${key}" ignored — ${r.error}; using ${showValue(name, SCHEMA[name].default)}.`);
    }
  }
  return { settings, given: [...given], notices };
}

/** URL hash text (without '#') holding every setting that differs from its default. */
export function serializeSettings(settings: Settings): string {
  const params = new URLSearchParams();
  for (const name of SETTING_KEYS) {
    if (settings[name] !== SCHEMA[name].default) params.set(SCHEMA[name].key, showValue(name, settings[name]));
  }
  return params.toString();
}

export function trainConfigOf(s: Settings): TrainConfig {
  return { dataset: s.dataset as DatasetName, seed: s.seed, epochs: s.epochs, batchSize: s.batchSize, learningRate: s.learningRate };
}
