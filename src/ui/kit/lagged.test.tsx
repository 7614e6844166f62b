import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAppState, useLiveAppState } from './context';
import { Lagged, SLIDER_REST_MS } from './lagged';
import { pendingViews } from './taskQueue';
import { nextTask, renderWithLab, settleViews as settle } from './testing';

/** Which panel rendered which epochs setting, and how many view updates still waited then. */
const log: string[] = [];
function Epochs({ id }: { id: string }) {
  const epochs = useAppState((s) => s.settings.epochs);
  log.push(`${id}=${epochs}@${pendingViews()}`);
  return <p data-testid={id}>{epochs}</p>;
}
function Live() {
  return <p data-testid="live">{useLiveAppState((s) => s.settings.epochs)}</p>;
}
/** A field bound to the store, as the controls' selects are. */
function Field() {
  const epochs = useAppState((s) => s.settings.epochs);
  return (
    <input data-testid="field" value={String(epochs)} onChange={(e) => fieldHooks.update(Number(e.target.value))} />
  );
}
const fieldHooks = { update: (_v: number) => {} };

const page = (
  <>
    <Epochs id="plain" />
    <Lagged>
      <Epochs id="a" />
      <Live />
    </Lagged>
    <Lagged>
      <Epochs id="b" />
      <Field />
    </Lagged>
  </>
);
const text = (id: string) => screen.getByTestId(id).textContent;
describe('lagged panels', () => {
  it('show a store change a task later, one panel per task, in order; unlagged readers at once', async () => {
    const lab = renderWithLab(page);
    await settle();
    const start = lab.store.getState().settings.epochs;
    log.length = 0;
    lab.update((s) => ({ ...s, settings: { ...s.settings, epochs: start + 1 } }));
    expect([text('plain'), text('live')]).toEqual([String(start + 1), String(start + 1)]);
    expect([text('a'), text('b')]).toEqual([String(start), String(start)]);
    expect(pendingViews()).toBe(2);
    await settle();
    expect([text('a'), text('b')]).toEqual([String(start + 1), String(start + 1)]);
    // Each lagged panel rendered once, a then b, in a task of its own (b's update still waited while a rendered).
    expect(log).toEqual([`plain=${start + 1}@2`, `a=${start + 1}@1`, `b=${start + 1}@0`]);
  });

  it('show only the newest state after several changes, and follow at once while the user types', async () => {
    const lab = renderWithLab(page);
    await settle();
    log.length = 0;
    for (const n of [5, 6, 7]) lab.update((s) => ({ ...s, settings: { ...s.settings, epochs: n } }));
    await settle();
    expect(log.filter((l) => l.startsWith('a='))).toEqual(['a=7@1']);
    // Typing into a field bound to the store: its panel shows the typed value in the same render.
    fieldHooks.update = (v) => lab.store.setState((s) => ({ ...s, settings: { ...s.settings, epochs: v } }));
    fireEvent.change(screen.getByTestId('field'), { target: { value: '12' } });
    expect((screen.getByTestId('field') as HTMLInputElement).value).toBe('12');
    expect(text('b')).toBe('12');
    expect(pendingViews()).toBe(0);
    // Once that task is over, changes lag again.
    await nextTask();
    lab.update((s) => ({ ...s, settings: { ...s.settings, epochs: 3 } }));
    expect(text('b')).toBe('12');
    expect(pendingViews()).toBe(2);
    await settle();
    expect(text('b')).toBe('3');
  });

  it('hold their updates while the pruning slider moves, and follow once it has rested', async () => {
    const lab = renderWithLab(page);
    await settle();
    const slider = document.createElement('input');
    slider.type = 'range';
    document.body.append(slider);
    const move = (epochs: number) => {
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      lab.update((s) => ({ ...s, settings: { ...s.settings, epochs } }));
    };
    move(21);
    await nextTask();
    move(22);
    await nextTask();
    // The live readers follow each move; the lagged panels hold theirs (counted as waiting).
    expect([text('plain'), text('live'), text('a'), text('b')]).toEqual([
      '22',
      '22',
      expect.any(String),
      expect.any(String),
    ]);
    expect(text('a')).not.toBe('22');
    expect(pendingViews()).toBe(2);
    await act(() => new Promise<void>((r) => setTimeout(r, SLIDER_REST_MS + 50)));
    await settle();
    expect([text('a'), text('b')]).toEqual(['22', '22']);
    slider.remove();
  });

  it('forget the update of an unmounted panel', async () => {
    const lab = renderWithLab(page);
    await settle();
    lab.update((s) => ({ ...s, settings: { ...s.settings, epochs: 9 } }));
    expect(pendingViews()).toBe(2);
    lab.unmount();
    expect(pendingViews()).toBe(0);
  });
});
