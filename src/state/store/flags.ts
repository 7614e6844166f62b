/**
 * URL flags that are not experiment settings: `autotrain=1` starts training on load (for demos),
 * `hide=backend,export` hides panels for a focused classroom view, and `snapshot=mnist|synthetic-32|none`
 * chooses the pre-trained network a visit opens on (by default the one of the link's dataset; none
 * with autotrain), `lang=en|zh-CN` the language (else the browser's), `tour=N` opens the guided tour at step
 * N, `present=1` the presenter mode (large type, only what the step needs), `embed=prune|chart|tour` the
 * embeddable figure (one view, for an iframe) and `theme=light|dark|auto` its colours. Same rules as the settings codec: unknown values are ignored with a notice naming the key.
 * `table=<file name>`: the Training panel trains the user's table of that name (a link names it; its data
 * is never in a link, so a page without that table loaded says so and trains nothing until it is).
 */
import { HIDDEN_UNITS, sameHidden } from '../../core/base';
import { DATASET_NAMES, type DatasetName } from '../../core/data';
import { msg, type Msg } from '../../i18n/catalogue';
import { matchLocale, pickLocale, type Locale } from '../../i18n/format';

export const PANELS = [
  'backend',
  'training',
  'data',
  'progress',
  'curves',
  'heatmaps',
  'chart',
  'sensitivity',
  'speed',
  'stats',
  'pruning',
  'forget',
  'experiments',
  'export',
  'how',
] as const;
export type Panel = (typeof PANELS)[number];

export const EMBED_VIEWS = ['prune', 'chart', 'tour'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export type SnapshotChoice = 'auto' | 'none' | DatasetName;
export const SNAPSHOT_CHOICES: readonly SnapshotChoice[] = ['auto', 'none', ...DATASET_NAMES];

export interface Flags {
  hide: Panel[];
  autotrain: boolean;
  snapshot: SnapshotChoice;
  /** The language the URL asks for; null: the browser's. Kept in shared links. */
  lang: Locale | null;
  /** The language the page shows: `lang`, else the browser's (resolved by the controller; not in links). */
  locale: Locale;
  /** The guided tour's step (1-based) while it is open; null when closed. */
  tour: number | null;
  present: boolean;
  /** The embeddable figure's view (the page shows only it), or null for the full lab. */
  embed: EmbedView | null;
  theme: Theme;
  /** The user's table (its file name) is the data Train trains; null: the built-in dataset of the settings. */
  table: string | null;
}

/** Longest table name a link carries. */
export const TABLE_NAME_MAX = 200;

/** The tour's steps are numbered 1..TOUR_MAX_STEP in links (the tour itself may have fewer; it clamps). */
export const TOUR_MAX_STEP = 50;

export const defaultFlags = (): Flags => ({
  hide: [],
  autotrain: false,
  snapshot: 'auto',
  lang: null,
  locale: 'en',
  tour: null,
  present: false,
  embed: null,
  theme: 'auto',
  table: null,
});

/**
 * The snapshot a visit with these flags opens on, for the link's dataset and hidden layers; null for none.
 * The snapshots are of the default network (HIDDEN_UNITS): a link with other hidden layers opens none.
 */
export function snapshotToOpen(
  flags: Flags,
  dataset: DatasetName,
  hidden: readonly number[] = HIDDEN_UNITS,
): DatasetName | null {
  if (flags.snapshot === 'none' || (flags.snapshot === 'auto' && flags.autotrain)) return null;
  if (!sameHidden(hidden, HIDDEN_UNITS)) return null;
  return flags.snapshot === 'auto' ? dataset : flags.snapshot;
}

export function parseFlags(search: string, hash: string): { flags: Flags; notices: Msg[] } {
  const flags = defaultFlags();
  const notices: Msg[] = [];
  /** A refused value as the notice quotes it (at most 20 characters). */
  const quote = (v: string) => v.slice(0, 20);
  for (const params of [new URLSearchParams(search.replace(/^\?/, '')), new URLSearchParams(hash.replace(/^#/, ''))]) {
    const hide = params.get('hide');
    if (hide !== null) {
      if (hide.length > 200) {
        notices.push(msg('url.hide.tooLong'));
      } else {
        const names = hide
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const bad = names.filter((n) => !(PANELS as readonly string[]).includes(n));
        if (bad.length)
          notices.push(
            msg('url.hide.unknown', {
              n: bad.length,
              names: bad.map((b) => `"${quote(b)}"`).join(', '),
              panels: PANELS.join(', '),
            }),
          );
        flags.hide = [...new Set(names.filter((n): n is Panel => (PANELS as readonly string[]).includes(n)))];
      }
    }
    const auto = params.get('autotrain');
    if (auto !== null) {
      if (auto === '1' || auto === 'true') flags.autotrain = true;
      else if (auto === '0' || auto === 'false') flags.autotrain = false;
      else notices.push(msg('url.notFlag', { key: 'autotrain', value: quote(auto) }));
    }
    const snap = params.get('snapshot');
    if (snap !== null) {
      if ((SNAPSHOT_CHOICES as readonly string[]).includes(snap)) flags.snapshot = snap as SnapshotChoice;
      else notices.push(msg('url.snapshot', { value: quote(snap), choices: SNAPSHOT_CHOICES.join(', ') }));
    }
    const lang = params.get('lang');
    if (lang !== null) {
      const l = matchLocale(lang);
      if (l) flags.lang = flags.locale = l;
      else notices.push(msg('url.lang', { value: quote(lang) }));
    }
    const tour = params.get('tour');
    if (tour !== null) {
      const n = /^\d{1,3}$/.test(tour) ? Number(tour) : NaN;
      if (n >= 1 && n <= TOUR_MAX_STEP) flags.tour = n;
      else notices.push(msg('url.tour', { value: quote(tour) }));
    }
    const embed = params.get('embed');
    if (embed !== null) {
      if ((EMBED_VIEWS as readonly string[]).includes(embed)) flags.embed = embed as EmbedView;
      else notices.push(msg('url.badChoice', { key: 'embed', value: quote(embed), choices: EMBED_VIEWS.join(', ') }));
    }
    const theme = params.get('theme');
    if (theme !== null) {
      if ((THEMES as readonly string[]).includes(theme)) flags.theme = theme as Theme;
      else notices.push(msg('url.badChoice', { key: 'theme', value: quote(theme), choices: THEMES.join(', ') }));
    }
    const table = params.get('table');
    if (table !== null) {
      if (table.length > TABLE_NAME_MAX) notices.push(msg('url.table.tooLong', { max: TABLE_NAME_MAX }));
      else flags.table = table.trim() || null;
    }
    const present = params.get('present');
    if (present !== null) {
      if (present === '1' || present === 'true') flags.present = true;
      else if (present === '0' || present === 'false') flags.present = false;
      else notices.push(msg('url.notFlag', { key: 'present', value: quote(present) }));
    }
  }
  return { flags, notices };
}

/** Hash text (without '#') for the flags that differ from the defaults. */
export function serializeFlags(f: Flags): string {
  const p = new URLSearchParams();
  if (f.hide.length) p.set('hide', f.hide.join(','));
  if (f.autotrain) p.set('autotrain', '1');
  if (f.snapshot !== 'auto') p.set('snapshot', f.snapshot);
  if (f.lang) p.set('lang', f.lang);
  if (f.tour !== null) p.set('tour', String(f.tour));
  if (f.present) p.set('present', '1');
  if (f.embed) p.set('embed', f.embed);
  if (f.theme !== 'auto') p.set('theme', f.theme);
  // An embed never trains: it carries no data choice.
  if (f.table !== null && !f.embed) p.set('table', f.table);
  return p.toString().replace(/%2C/g, ',');
}

/** Joins hash parts, skipping empty ones. */
export const joinHash = (...parts: string[]) => parts.filter(Boolean).join('&');

/** The flags with the page's language resolved: the URL's `lang`, else the first browser language the lab has. */
export const withLocale = (f: Flags, languages: readonly string[]): Flags => ({
  ...f,
  locale: pickLocale(f.lang, languages),
});
