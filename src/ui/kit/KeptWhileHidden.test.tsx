import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { KeptWhileHidden } from './KeptWhileHidden';

const effects: string[] = [];
function Rows({ n, label }: { n: number; label: string }) {
  useEffect(() => {
    effects.push(`on ${label}`);
    return () => void effects.push(`off ${label}`);
  }, [label]);
  return (
    <ul data-testid="rows">
      {Array.from({ length: n }, (_, k) => (
        <li key={k}>{`${label} ${k}`}</li>
      ))}
    </ul>
  );
}
const panel = (props: { n: number; label: string } | null) => (
  <KeptWhileHidden props={props} render={(p) => <Rows {...p} />} />
);

describe('KeptWhileHidden', () => {
  it('renders nothing before it has had content', () => {
    const { container } = render(panel(null));
    expect(container.innerHTML).toBe('');
  });

  it('keeps the last content mounted but hidden while its props are null, and updates the same elements after', async () => {
    effects.length = 0;
    const { rerender } = render(panel({ n: 3, label: 'a' }));
    const list = screen.getByTestId('rows');
    const first = list.querySelector('li')!;
    expect(list.style.display).not.toBe('none');
    expect(effects).toEqual(['on a']);

    await act(async () => rerender(panel(null)));
    // The same elements, still in the document, hidden; their effects cleaned up.
    expect(screen.getByTestId('rows')).toBe(list);
    expect(list.isConnected).toBe(true);
    expect(list.style.display).toBe('none');
    expect(list.querySelectorAll('li')).toHaveLength(3);
    expect(effects).toEqual(['on a', 'off a']);

    await act(async () => rerender(panel({ n: 4, label: 'b' })));
    // Shown again with the new content, in place: the first row is the element it was.
    expect(screen.getByTestId('rows')).toBe(list);
    expect(list.style.display).not.toBe('none');
    expect(list.querySelector('li')).toBe(first);
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['b 0', 'b 1', 'b 2', 'b 3']);
    expect(effects.at(-1)).toBe('on b');
  });
});
