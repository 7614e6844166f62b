import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, type DatasetName } from '../../core/data';
import { createRng, type Rng } from '../../core/base';
import { makeSnapshot } from '../../core/formats/testSnapshot';
import { translate } from '../../i18n/catalogue';
import {
  defaultFlags,
  defaultSettings,
  initialState,
  PANELS,
  SCHEMA,
  SETTING_KEYS,
  SNAPSHOT_CHOICES,
  THEMES,
  TOUR_MAX_STEP,
  type AppState,
  type Flags,
  type Settings,
} from '../store';
import {
  embedHash,
  hashOf,
  holdsOwnWork,
  keptSettings,
  linkNetwork,
  linkSettings,
  readLink,
  replacePrompt,
  shareHash,
  showsNetwork,
  type Link,
} from './links';
import { snapshotSettings, snapshotState, type SnapshotConfig } from '../training/snapshotState';

const SNAPSHOT = makeSnapshot();
const MNIST_CONFIG: SnapshotConfig = { dataset: 'mnist', seed: 1, epochs: 10, batchSize: 32, learningRate: 0.001 };
const provenance = (config: SnapshotConfig) => ({ ...SNAPSHOT.provenance, config });
const snapshotOn = (): AppState => ({
  ...initialState(),
  phase: 'done',
  origin: { kind: 'snapshot', name: 'mnist', provenance: provenance(MNIST_CONFIG) },
});

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[r.int(xs.length)];
/** Random settings: each at its default 40 % of the time (the case links leave out), else any valid value. */
function randomSettings(r: Rng): Settings {
  const s = defaultSettings() as unknown as Record<string, unknown>;
  for (const k of SETTING_KEYS) {
    const f = SCHEMA[k];
    if (r.next() < 0.4) continue;
    if (f.kind === 'enum') s[k] = pick(r, f.values);
    else if (f.kind === 'int') s[k] = f.min + r.int(Math.min(f.max - f.min + 1, 50));
    else if (f.kind === 'float32') s[k] = Math.fround(10 ** r.uniform(-5, 0));
    else if (f.kind === 'list')
      s[k] = Array.from({ length: f.minLength + r.int(f.maxLength) }, () => f.min + r.int(f.max - f.min + 1));
    else s[k] = r.uniform(f.min, Math.min(f.max, 1));
  }
  return s as unknown as Settings;
}
const randomConfig = (r: Rng, dataset: DatasetName): SnapshotConfig => ({
  dataset,
  seed: pick(r, [1, 2]),
  epochs: pick(r, [5, 10]),
  batchSize: pick(r, [32, 64]),
  learningRate: pick(r, [0.001, 0.01]),
});
function randomFlags(r: Rng): Flags {
  const lang = pick(r, [null, 'en', 'zh-CN'] as const);
  const hide = PANELS.filter(() => r.next() < 0.1);
  const tour = r.next() < 0.3 ? 1 + r.int(TOUR_MAX_STEP) : null;
  return {
    hide,
    autotrain: r.next() < 0.2,
    snapshot: pick(r, SNAPSHOT_CHOICES),
    lang,
    locale: lang ?? 'en',
    tour,
    present: r.next() < 0.3,
    embed: null,
    theme: pick(r, THEMES),
    table: null,
  };
}
/** A random network on screen: none, the user's, or a snapshot (made with random training settings). */
function randomOrigin(r: Rng): AppState['origin'] {
  const k = r.int(3);
  if (k === 0) return null;
  if (k === 1) return { kind: 'trained' };
  const name = pick(r, DATASET_NAMES);
  return { kind: 'snapshot', name, provenance: provenance(randomConfig(r, name)) };
}
/** The settings a new tab ends with on `link`: its own, or as the snapshot it opens sets them (made with `config`). */
function freshSettings(link: Link, config: SnapshotConfig): Settings {
  const net = linkNetwork(link);
  if (net.kind !== 'snapshot') return link.settings;
  return snapshotState(
    initialState(link.settings, [], link.flags),
    net.name,
    { ...SNAPSHOT, provenance: provenance(config) },
    1,
    link.given,
  ).settings;
}

describe('links', () => {
  it("a link opens a run (autotrain), its dataset's snapshot, a named one, or nothing", () => {
    expect(linkNetwork(readLink('', ''))).toEqual({ kind: 'snapshot', name: 'mnist' });
    expect(linkNetwork(readLink('', '#dataset=synthetic-32'))).toEqual({ kind: 'snapshot', name: 'synthetic-32' });
    expect(linkNetwork(readLink('', '#snapshot=synthetic-32'))).toEqual({ kind: 'snapshot', name: 'synthetic-32' });
    expect(linkNetwork(readLink('', '#autotrain=1'))).toEqual({ kind: 'train' });
    expect(linkNetwork(readLink('?snapshot=none', ''))).toEqual({ kind: 'none' });
    expect(readLink('', '#seed=3&T=x').given).toEqual(['seed']);
    // The snapshots are of the default network: a link with other hidden layers opens none, even one it names.
    expect(linkNetwork(readLink('', '#hidden=32,32,16,16'))).toEqual({ kind: 'none' });
    expect(linkNetwork(readLink('', '#hidden=32&snapshot=mnist'))).toEqual({ kind: 'none' });
    expect(linkNetwork(readLink('', '#hidden=64,32'))).toEqual({ kind: 'snapshot', name: 'mnist' });
    expect(linkNetwork(readLink('', '#hidden=32&autotrain=1'))).toEqual({ kind: 'train' });
  });

  it("knows when the network on screen is the link's, and when replacing it would lose the user's work", () => {
    expect(showsNetwork(snapshotOn(), { kind: 'snapshot', name: 'mnist' })).toBe(true);
    expect(showsNetwork(snapshotOn(), { kind: 'snapshot', name: 'synthetic-32' })).toBe(false);
    expect(showsNetwork(initialState(), { kind: 'none' })).toBe(true);
    expect(holdsOwnWork(snapshotOn())).toBe(false);
    expect(holdsOwnWork({ ...snapshotOn(), origin: { kind: 'trained' } })).toBe(true);
    expect(holdsOwnWork({ ...initialState(), phase: 'training' })).toBe(true);
    expect(holdsOwnWork({ ...snapshotOn(), origin: { kind: 'imported', createdAt: '' } })).toBe(true);
  });

  it('shares the settings, a link that trains on open, or the snapshot on screen', () => {
    const s = snapshotOn();
    s.settings = { ...s.settings, criterion: 'taylor', threshold: Math.fround(0.003), epochs: 10 };
    s.flags = { ...s.flags, hide: ['export'] };
    expect(shareHash(s, 'settings')).toBe('epochs=10&criterion=taylor&T=0.003&hide=export');
    expect(shareHash(s, 'train')).toBe('epochs=10&criterion=taylor&T=0.003&hide=export&autotrain=1');
    expect(shareHash(s, 'snapshot')).toBe('epochs=10&criterion=taylor&T=0.003&hide=export&snapshot=mnist');
    expect(shareHash({ ...s, origin: { kind: 'trained' } }, 'snapshot')).toBeNull();
    // The snapshot's link is of the snapshot's network, whatever the form's hidden layers.
    expect(shareHash({ ...s, settings: { ...s.settings, hidden: [8] } }, 'snapshot')).toBe(shareHash(s, 'snapshot'));
    expect(shareHash({ ...s, settings: { ...s.settings, hidden: [8] } }, 'settings')).toContain('hidden=8&');
    // Each reads back as what it says.
    expect(linkNetwork(readLink('', `#${shareHash(s, 'train')}`))).toEqual({ kind: 'train' });
    expect(readLink('', `#${shareHash(s, 'snapshot')}`).settings).toMatchObject({
      criterion: 'taylor',
      threshold: Math.fround(0.003),
    });
  });

  it("a state's URL reads back as that state in a new tab, whatever the network on screen (random states)", () => {
    const r = createRng(7);
    for (let i = 0; i < 500; i++) {
      const settings = randomSettings(r);
      const flags = randomFlags(r);
      const origin = randomOrigin(r);
      const hash = hashOf(settings, flags, origin);
      const link = readLink('', `#${hash}`);
      const net = linkNetwork(link);
      // The snapshot the new tab opens: the one on screen, or any other (its training settings unknown here).
      const shown = net.kind === 'snapshot' && origin?.kind === 'snapshot' && origin.name === net.name;
      const config = shown ? origin.provenance.config : randomConfig(r, net.kind === 'snapshot' ? net.name : 'mnist');
      expect([freshSettings(link, config), link.flags], hash).toEqual([settings, flags]);
    }
    // Only what is needed: defaults the snapshot on screen keeps are left out; the slider's are named when all three are defaults.
    const s = snapshotOn();
    expect(hashOf({ ...s.settings, epochs: 10 }, s.flags, s.origin)).toBe('epochs=10&mode=threshold');
    expect(hashOf({ ...s.settings, epochs: 10, mode: 'sparsity' }, s.flags, s.origin)).toBe('epochs=10&mode=sparsity');
    expect(hashOf(s.settings, s.flags, s.origin)).toBe('epochs=5&mode=threshold'); // the snapshot's are 10
    expect(hashOf(s.settings, { ...s.flags, snapshot: 'none' }, s.origin)).toBe('snapshot=none');
  });

  it('a link on the snapshot on screen leaves what a new tab shows, whatever the settings before (random states × links)', () => {
    const r = createRng(8);
    for (let i = 0; i < 500; i++) {
      const link = readLink('', `#${hashOf(randomSettings(r), { ...randomFlags(r), autotrain: false }, null)}`);
      const net = linkNetwork(link);
      if (net.kind !== 'snapshot') continue;
      const config = randomConfig(r, net.name);
      const before: AppState = {
        ...initialState(randomSettings(r), [], randomFlags(r)),
        phase: 'done',
        origin: { kind: 'snapshot', name: net.name, provenance: provenance(config) },
      };
      expect(linkSettings(before, link)).toEqual(freshSettings(link, config));
      expect(linkSettings(before, link)).toEqual(snapshotSettings(link.settings, config, link.given));
    }
    // Keep mine: the link's settings on the user's network, but not its backend (a new one would restart the worker and clear it).
    const mine: AppState = { ...initialState({ ...defaultSettings(), backend: 'wasm' }), origin: { kind: 'trained' } };
    expect(keptSettings(mine, readLink('', '#backend=cpu&criterion=obd'))).toMatchObject({
      backend: 'wasm',
      criterion: 'obd',
    });
  });

  it('asks before replacing the network, in a whole sentence per case', () => {
    const say = (locale: 'en' | 'zh-CN', net: Parameters<typeof replacePrompt>[0]) => {
      const m = replacePrompt(net);
      return translate(locale, m.key, m.params);
    };
    expect(say('en', { kind: 'none' })).toBe(
      'This link starts an empty lab: the network you have now would be replaced.',
    );
    expect(say('en', { kind: 'snapshot', name: 'mnist' })).toBe(
      'This link opens the pre-trained mnist network: the network you have now would be replaced.',
    );
    expect(say('zh-CN', { kind: 'train' })).toBe('这个链接会训练一个新网络：你现在的网络将被替换。');
  });

  it('keep the language in every shared link', () => {
    const s = { ...initialState(), flags: { ...defaultFlags(), lang: 'zh-CN' as const, locale: 'zh-CN' as const } };
    for (const kind of ['settings', 'train'] as const)
      expect(readLink('', `#${shareHash(s, kind)}`).flags.lang).toBe('zh-CN');
  });

  it('name the chosen table in shared links (never its data), not in an embed', () => {
    const s = { ...initialState(), flags: { ...defaultFlags(), table: 'my data;1.csv' } };
    for (const kind of ['settings', 'train'] as const)
      expect(readLink('', `#${shareHash(s, kind)}`).flags.table).toBe('my data;1.csv');
    expect(shareHash(s, 'train')).toBe('autotrain=1&table=my+data%3B1.csv');
    expect(readLink('', `#${embedHash(s, 'prune', 'light')}`).flags.table).toBeNull();
  });
});

describe('embeds', () => {
  it('the figure of a state: its settings, language and theme, the snapshot on screen, the tour step; never autotrain or presenter mode', () => {
    const s = {
      ...snapshotOn(),
      flags: {
        ...initialState().flags,
        lang: 'zh-CN' as const,
        locale: 'zh-CN' as const,
        autotrain: true,
        present: true,
      },
    };
    s.settings = { ...s.settings, criterion: 'taylor', mode: 'sparsity', sparsity: 0.9, epochs: 10 };
    for (const theme of THEMES) {
      const link = readLink('', `#${embedHash(s, 'prune', theme)}`);
      expect(link.flags).toMatchObject({
        embed: 'prune',
        theme,
        lang: 'zh-CN',
        autotrain: false,
        present: false,
        tour: null,
        snapshot: 'mnist',
      });
      expect(freshSettings(link, MNIST_CONFIG)).toEqual(s.settings); // the figure opens at this state
    }
    expect(readLink('', `#${embedHash(s, 'tour', 'dark')}`).flags.tour).toBe(1);
    expect(readLink('', `#${embedHash({ ...s, flags: { ...s.flags, tour: 7 } }, 'tour', 'dark')}`).flags.tour).toBe(7);
  });
});
