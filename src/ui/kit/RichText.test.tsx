import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import { verbatim } from '../../i18n/format';
import { RichText } from './RichText';
import { renderWithLab } from './testing';

describe('RichText', () => {
  it('renders the catalogue markup as elements, the rest as text', () => {
    const { container } = renderWithLab(
      <RichText text="a <b>bold</b>, <em>stressed</em> and <code>x = 1</code> & <i>not markup</i>" />,
    );
    expect(container.innerHTML).toBe(
      'a <strong>bold</strong>, <em>stressed</em> and <code>x = 1</code> &amp; &lt;i&gt;not markup&lt;/i&gt;',
    );
  });

  it('shows a user’s file name as it is, markup and all, inside a message that has markup of its own', () => {
    const name = 'a</b>evil<b>x {n} <em>.csv';
    const text = translate('en', 'data.file', { name: verbatim(name), kb: '1.0', rows: 3, columns: 2, hash: 'abc…' });
    const { container } = renderWithLab(<RichText text={text} />);
    const strong = container.querySelector('strong');
    expect(strong?.textContent).toBe(name);
    expect(container.querySelectorAll('strong, em, b')).toHaveLength(1);
    expect(container.textContent).toBe(`${name} · 1.0 KB · 3 rows · 2 columns · SHA-256 abc…`);
  });
});
