import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/catalogue';
import { holdsOwnWork, linkNetwork, readLink, replacePrompt, shareHash, showsNetwork } from './links';
import { initialState, type AppState } from './store';

const snapshotOn = (): AppState => ({ ...initialState(), phase: 'done', origin: { kind: 'snapshot', name: 'mnist', provenance: {} as never } });

describe('links', () => {
  it('a link opens a run (autotrain), its dataset\'s snapshot, a named one, or nothing', () => {
    expect(linkNetwork(readLink('', ''))).toEqual({ kind: 'snapshot', name: 'mnist' });
    expect(linkNetwork(readLink('', '#dataset=synthetic-32'))).toEqual({ kind: 'snapshot', name: 'synthetic-32' });
    expect(linkNetwork(readLink('', '#snapshot=synthetic-32'))).toEqual({ kind: 'snapshot', name: 'synthetic-32' });
    expect(linkNetwork(readLink('', '#autotrain=1'))).toEqual({ kind: 'train' });
    expect(linkNetwork(readLink('?snapshot=none', ''))).toEqual({ kind: 'none' });
    expect(readLink('', '#seed=3&T=x').given).toEqual(['seed']);
  });

  it('knows when the network on screen is the link\'s, and when replacing it would lose the user\'s work', () => {
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
    // Each reads back as what it says.
    expect(linkNetwork(readLink('', `#${shareHash(s, 'train')}`))).toEqual({ kind: 'train' });
    expect(readLink('', `#${shareHash(s, 'snapshot')}`).settings).toMatchObject({ criterion: 'taylor', threshold: Math.fround(0.003) });
  });

  it('asks before replacing the network, in a whole sentence per case', () => {
    const say = (locale: 'en' | 'zh-CN', net: Parameters<typeof replacePrompt>[0]) => {
      const m = replacePrompt(net);
      return translate(locale, m.key, m.params);
    };
    expect(say('en', { kind: 'none' })).toBe('This link starts an empty lab: the network you have now would be replaced.');
    expect(say('en', { kind: 'snapshot', name: 'mnist' })).toBe('This link opens the pre-trained mnist network: the network you have now would be replaced.');
    expect(say('zh-CN', { kind: 'train' })).toBe('这个链接会训练一个新网络：你现在的网络将被替换。');
  });
});
