/**
 * What a link means: its settings (and which of them it sets), its flags and notices, and the network
 * it opens: a training run (`autotrain=1`), a pre-trained snapshot, or none. The same reading serves a
 * first visit and a link pasted into an open tab (`hashchange`). Pure.
 */
import { HIDDEN_UNITS } from '../../core/base';
import type { DatasetName } from '../../core/data';
import { msg, type Msg } from '../../i18n/catalogue';
import {
  defaultSettings,
  joinHash,
  parseFlags,
  parseSettings,
  sameValue,
  serializeFlags,
  serializeSettings,
  snapshotToOpen,
  type AppState,
  type EmbedView,
  type Flags,
  type Settings,
  type Theme,
} from '../store';
import { snapshotSettings, TRAINING_SETTINGS, VIEW_SETTINGS } from '../training/snapshotState';

export interface Link {
  settings: Settings;
  /** The settings the link sets itself (the others are defaults). */
  given: (keyof Settings)[];
  flags: Flags;
  notices: Msg[];
}

export type LinkNetwork = { kind: 'train' } | { kind: 'snapshot'; name: DatasetName } | { kind: 'none' };

export function readLink(search: string, hash: string): Link {
  const s = parseSettings(search, hash);
  const f = parseFlags(search, hash);
  return { settings: s.settings, given: s.given, flags: f.flags, notices: [...s.notices, ...f.notices] };
}

export function linkNetwork(link: Link): LinkNetwork {
  if (link.flags.autotrain) return { kind: 'train' };
  const name = snapshotToOpen(link.flags, link.settings.dataset, link.settings.hidden);
  return name ? { kind: 'snapshot', name } : { kind: 'none' };
}

/** Whether the network on screen already is the one the link opens (then only its settings apply). */
export function showsNetwork(s: AppState, net: LinkNetwork): boolean {
  if (net.kind === 'snapshot') return s.origin?.kind === 'snapshot' && s.origin.name === net.name;
  return net.kind === 'none' && s.origin === null && s.phase === 'idle';
}

/**
 * The settings a link leaves: on the snapshot already on screen that it opens, what a fresh visit ends
 * with on it (the snapshot's training settings where the link gives none, its opening sparsity when the
 * link leaves the slider alone); else the link's own (a snapshot still to open adjusts them the same way).
 * Never a function of the settings before the link.
 */
export function linkSettings(s: AppState, link: Link): Settings {
  const net = linkNetwork(link);
  const shown =
    net.kind === 'snapshot' && s.origin?.kind === 'snapshot' && s.origin.name === net.name
      ? s.origin.provenance.config
      : null;
  return shown ? snapshotSettings(link.settings, shown, link.given) : link.settings;
}

/**
 * The settings *Keep mine* takes from a link: all of them but the backend, whose change would restart
 * the worker and clear the network the user kept.
 */
export const keptSettings = (s: AppState, link: Link): Settings => ({ ...link.settings, backend: s.settings.backend });

/** Whether replacing the network would lose what the user made: a run of theirs, an import, a job in progress. */
export function holdsOwnWork(s: AppState): boolean {
  return (
    s.origin?.kind === 'trained' ||
    s.origin?.kind === 'imported' ||
    s.phase === 'training' ||
    s.phase === 'paused' ||
    s.phase === 'scoring' ||
    s.experiments.finetune?.status === 'running'
  );
}

/**
 * The settings a hash must name although they are at their defaults, for a fresh visit to read back
 * `settings`: a link that opens a snapshot takes that snapshot's training settings where it names none
 * (known when that snapshot is on screen; else every default one is named), and opens at its opening
 * sparsity when it names no mode, T or sparsity.
 */
function pinned(settings: Settings, flags: Flags, origin: AppState['origin']): (keyof Settings)[] {
  const name = snapshotToOpen(flags, settings.dataset, settings.hidden);
  if (!name) return [];
  const config = origin?.kind === 'snapshot' && origin.name === name ? origin.provenance.config : null;
  const defaults = defaultSettings();
  const atDefault = (k: keyof Settings) => sameValue(k, settings[k], defaults[k]);
  const keys: (keyof Settings)[] = TRAINING_SETTINGS.filter(
    (k) => atDefault(k) && (k === 'dataset' ? name !== settings.dataset : config?.[k] !== settings[k]),
  );
  return VIEW_SETTINGS.every(atDefault) ? [...keys, 'mode'] : keys;
}

/**
 * The URL hash of a state: every non-default setting (and the defaults a fresh visit would not keep,
 * `pinned`: the hash reads back as this state), and the flags. `origin`: the network on screen.
 */
export const hashOf = (settings: Settings, flags: Flags, origin: AppState['origin']) =>
  joinHash(serializeSettings(settings, pinned(settings, flags, origin)), serializeFlags(flags));

/** What the prompt says when a pasted link would replace the user's own network. */
export function replacePrompt(net: LinkNetwork): Msg {
  return net.kind === 'snapshot'
    ? msg('link.prompt.snapshot', { name: net.name })
    : msg(net.kind === 'train' ? 'link.prompt.train' : 'link.prompt.none');
}

/**
 * The hash of a link to share: `settings` (this page's settings and flags), `train` (the same, and it
 * trains on open: `autotrain=1`), or `snapshot` (the pre-trained network on screen, with this page's
 * pruning settings: `snapshot=<dataset>`); null when there is no snapshot on screen.
 */
export function shareHash(s: AppState, kind: 'settings' | 'train' | 'snapshot'): string | null {
  if (kind === 'settings') return hashOf(s.settings, { ...s.flags, autotrain: false }, s.origin);
  if (kind === 'train') return hashOf(s.settings, { ...s.flags, autotrain: true, snapshot: 'auto' }, s.origin);
  if (s.origin?.kind !== 'snapshot') return null;
  return hashOf(
    { ...s.settings, dataset: s.origin.name, hidden: HIDDEN_UNITS },
    { ...s.flags, autotrain: false, snapshot: s.origin.name },
    s.origin,
  );
}

/**
 * The hash of an embeddable figure of this state in `theme`: its settings and language, the network on
 * screen when it is a snapshot (else the link's dataset's), the tour's step for the tour view; never autotrain.
 */
export function embedHash(s: AppState, view: EmbedView, theme: Theme): string {
  const snapshot = s.origin?.kind === 'snapshot' ? s.origin.name : 'auto';
  const settings =
    s.origin?.kind === 'snapshot' ? { ...s.settings, dataset: s.origin.name, hidden: HIDDEN_UNITS } : s.settings;
  const tour = view === 'tour' ? (s.flags.tour ?? 1) : null;
  return hashOf(
    settings,
    { ...s.flags, autotrain: false, snapshot, present: false, embed: view, theme, tour },
    s.origin,
  );
}

/**
 * The iframe's height per view (px) until the figure reports its own (or for good, on a page without
 * EMBED_SIZER): the tallest of each view (of the tour, its tallest step) at 600, 700 and 800 px wide, in
 * both languages, on the MNIST snapshot, and some 40 px to spare. A phone's narrower column is taller: the sizer fits it.
 */
export const EMBED_HEIGHT: Record<EmbedView, number> = { prune: 1200, chart: 1160, tour: 1700 };

/**
 * The embedding page's script that sizes each figure to the height it reports (`gpl:height`), taken only
 * from that iframe's own window and origin. Part of the copied snippet (and the README); idempotent, so
 * a page with several snippets runs it several times to the same effect. It interpolates nothing.
 */
export const EMBED_SIZER = `<script>
  addEventListener('message', (e) => {
    if (!e.data || e.data.type !== 'gpl:height' || !Number.isFinite(e.data.height) || e.data.height <= 0) return;
    for (const f of document.querySelectorAll('iframe[data-gpl-embed]'))
      if (f.contentWindow === e.source && new URL(f.src, location.href).origin === e.origin) f.style.height = Math.ceil(e.data.height) + 'px';
  });
</script>`;

/**
 * What the figure's iframe may do on another site: run (scripts, its own origin: storage and workers),
 * and open the full lab in a new tab that is not sandboxed (popups, escaping the sandbox). Nothing else:
 * no top navigation, forms, modals or downloads inside the page that embeds it.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

const attribute = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The code to paste into a page: the figure at `src` in a sandboxed `<iframe>`, and EMBED_SIZER. */
export const embedSnippet = (src: string, title: string, view: EmbedView) =>
  `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${EMBED_HEIGHT[view]}" style="border:0;display:block" loading="lazy" sandbox="${EMBED_SANDBOX}" data-gpl-embed></iframe>\n${EMBED_SIZER}`;
