import { describe, expect, it } from 'vitest';
import { MB, sizeText, sizeWords } from './sizeWords';

describe('a size against its limit', () => {
  it('says MB while the figures compare as the sizes do', () => {
    expect(sizeWords(100 * MB, 50 * MB)).toEqual({ exact: 0, size: '100.0', max: '50' });
    expect(sizeWords(60 * MB, 50 * MB)).toEqual({ exact: 0, size: '60.0', max: '50' });
    expect(sizeWords(50.1 * MB, 50 * MB)).toEqual({ exact: 0, size: '50.1', max: '50' });
    expect(sizeWords(3 * MB, MB / 2 + MB)).toEqual({ exact: 0, size: '3.0', max: '1.5' });
    expect(sizeWords(50 * MB, 50 * MB)).toEqual({ exact: 0, size: '50.0', max: '50' }); // at the limit: equal, and they read equal
  });

  it('gives exact bytes when the MB would read the same (or the wrong way round), or the limit is under 1 MB', () => {
    expect(sizeWords(52_428_801, 52_428_800)).toEqual({ exact: 1, size: 52_428_801, max: 52_428_800 });
    expect(sizeWords(50.04 * MB, 50 * MB)).toMatchObject({ exact: 1 }); // "50.0 MB; the limit is 50 MB"
    expect(sizeWords(50 * MB - 1, 50 * MB)).toMatchObject({ exact: 1 }); // under, though "50.0" would not say so
    expect(sizeWords(1.04 * MB + 1, 1.04 * MB)).toMatchObject({ exact: 1 }); // over, though "1.0 MB" against "1.04 MB" reads under
    expect(sizeWords(MB + 1, 1.04 * MB)).toMatchObject({ exact: 0, size: '1.0', max: '1.04' }); // under, and reads so
    expect(sizeWords(1001, 1000)).toEqual({ exact: 1, size: 1001, max: 1000 });
  });

  it('in English words, for core messages', () => {
    expect(sizeText(52_428_801, 52_428_800)).toEqual({ size: '52,428,801 bytes', max: '52,428,800 bytes' });
    expect(sizeText(100 * MB, 50 * MB)).toEqual({ size: '100.0 MB', max: '50 MB' });
  });
});
