/**
 * One typed catalogue per language, assembled from one file per area of the page. English is the
 * reference: its keys are `MessageKey`, and every other language must give exactly those keys
 * (`catalogue.test.ts` also checks that both use the same parameters and that every key is used).
 */
import { common } from './en/common';
import { data } from './en/data';
import { experiments } from './en/experiments';
import { exportArea } from './en/export';
import { forget } from './en/forget';
import { notices } from './en/notices';
import { pruning } from './en/pruning';
import { speed } from './en/speed';
import { tickets } from './en/tickets';
import { tour } from './en/tour';
import { training } from './en/training';
import { views } from './en/views';
import { common as zhCommon } from './zh-CN/common';
import { data as zhData } from './zh-CN/data';
import { experiments as zhExperiments } from './zh-CN/experiments';
import { exportArea as zhExport } from './zh-CN/export';
import { forget as zhForget } from './zh-CN/forget';
import { notices as zhNotices } from './zh-CN/notices';
import { pruning as zhPruning } from './zh-CN/pruning';
import { speed as zhSpeed } from './zh-CN/speed';
import { tickets as zhTickets } from './zh-CN/tickets';
import { tour as zhTour } from './zh-CN/tour';
import { training as zhTraining } from './zh-CN/training';
import { views as zhViews } from './zh-CN/views';
import { formatMessage, reportMissing, type Locale, type ParamValue, type Params } from './format';

/** The areas, by name (the catalogue test checks that no key is defined by two areas). */
export const AREAS = {
  en: {
    common,
    data,
    experiments,
    export: exportArea,
    forget,
    notices,
    pruning,
    speed,
    tickets,
    tour,
    training,
    views,
  },
  'zh-CN': {
    common: zhCommon,
    data: zhData,
    experiments: zhExperiments,
    export: zhExport,
    forget: zhForget,
    notices: zhNotices,
    pruning: zhPruning,
    speed: zhSpeed,
    tickets: zhTickets,
    tour: zhTour,
    training: zhTraining,
    views: zhViews,
  },
} as const;

const EN = {
  ...common,
  ...data,
  ...experiments,
  ...exportArea,
  ...forget,
  ...notices,
  ...pruning,
  ...speed,
  ...tickets,
  ...tour,
  ...training,
  ...views,
};
export type MessageKey = keyof typeof EN;
const ZH: Record<MessageKey, string> = {
  ...zhCommon,
  ...zhData,
  ...zhExperiments,
  ...zhExport,
  ...zhForget,
  ...zhNotices,
  ...zhPruning,
  ...zhSpeed,
  ...zhTickets,
  ...zhTour,
  ...zhTraining,
  ...zhViews,
};

export const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': ZH };

/** A message with its parameters, as state keeps it (notices, errors): translated when shown. */
export interface Msg {
  key: MessageKey;
  /** Parameters; a parameter may itself be a message (a reason inside a notice), translated first. */
  params?: Readonly<Record<string, ParamValue | Msg>>;
}
export const msg = (key: MessageKey, params?: Msg['params']): Msg => (params ? { key, params } : { key });

/** The text of `key` in `locale`, parameters (and messages among them) filled in. */
export function translate(locale: Locale, key: MessageKey, params?: Msg['params']): string {
  let flat = params as Params | undefined;
  if (params) {
    // Only a message among the parameters needs a new object (the slider's path has none).
    for (const k in params) {
      if (typeof params[k] !== 'object') continue;
      const f: Record<string, ParamValue> = {};
      for (const [n, v] of Object.entries(params))
        f[n] = typeof v === 'object' ? translate(locale, v.key, v.params) : v;
      flat = f;
      break;
    }
  }
  const text = CATALOGUES[locale][key] ?? EN[key];
  if (text === undefined) {
    reportMissing({ kind: 'key', key });
    return '…';
  }
  return formatMessage(locale, text, flat);
}

/** A translator bound to one locale, as components use it. */
export interface Translator {
  (key: MessageKey, params?: Params): string;
  locale: Locale;
  /** A state message (notice, error) in this locale. */
  msg(m: Msg): string;
}

const CACHE = new Map<Locale, Translator>();
export function translator(locale: Locale): Translator {
  let t = CACHE.get(locale);
  if (!t) {
    // Messages without parameters are the same every time: looked up once (components render often).
    const plain = new Map<MessageKey, string>();
    const f = ((key: MessageKey, params?: Params) => {
      if (params) return translate(locale, key, params);
      let text = plain.get(key);
      if (text === undefined) plain.set(key, (text = translate(locale, key)));
      return text;
    }) as Translator;
    f.locale = locale;
    f.msg = (m) => translate(locale, m.key, m.params);
    CACHE.set(locale, (t = f));
  }
  return t;
}
