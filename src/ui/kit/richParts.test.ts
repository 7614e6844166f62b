import { describe, expect, it } from 'vitest';
import { verbatim } from '../../i18n/format';
import { richParts } from './richParts';

describe('richParts: a message’s markup, and a user’s text as it is', () => {
  it('parses b, strong, em and code; anything else is text', () => {
    expect(richParts('a <b>bold</b> and <em>it</em>, <code>x</code> <i>no</i>')).toEqual([
      'a ',
      { tag: 'b', text: 'bold' },
      ' and ',
      { tag: 'em', text: 'it' },
      ', ',
      { tag: 'code', text: 'x' },
      ' <i>no</i>',
    ]);
    expect(richParts('plain')).toEqual(['plain']);
  });

  it('shows a verbatim file name as it is, inside or outside markup', () => {
    const name = 'a</b>evil<b>x.csv';
    expect(richParts(`<b>${verbatim(name)}</b> · 3 KB`)).toEqual([{ tag: 'b', text: name }, ' · 3 KB']);
    expect(richParts(`Train on ${verbatim('<em>x</em>.csv')} takes <b>2 s</b>`)).toEqual([
      'Train on <em>x</em>.csv takes ',
      { tag: 'b', text: '2 s' },
    ]);
    // Without the mark, the same name is read as markup (what the mark prevents).
    expect(richParts(`<b>${name}</b>`)).not.toContainEqual({ tag: 'b', text: name });
    // Private-use marks inside the name cannot end its span early.
    expect(richParts(verbatim('x\uE001<b>y</b>\uE000z'))).toEqual(['x<b>y</b>z']);
  });
});
