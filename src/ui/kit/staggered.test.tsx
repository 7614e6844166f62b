import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { staggered } from './staggered';
import { pendingViews } from './taskQueue';
import { settleViews as settle } from './testing';

afterEach(cleanup);

/** Which chart rendered, with which value, and how many chart updates still waited then. */
const log: string[] = [];
const Chart = ({ id, value }: { id: string; value: number }) => {
  log.push(`${id}=${value}@${pendingViews()}`);
  return <p data-testid={id}>{value}</p>;
};
const A = staggered(Chart, 'A');
const B = staggered(Chart, 'B');
const Page = ({ a, b }: { a: number; b: number }) => (
  <>
    <A id="a" value={a} />
    <B id="b" value={b} />
  </>
);
const text = (id: string) => screen.getByTestId(id).textContent;
describe('staggered', () => {
  it('shows new props a task later, one chart per task, in the order they changed', async () => {
    const { rerender } = render(<Page a={1} b={1} />);
    expect([text('a'), text('b')]).toEqual(['1', '1']);
    log.length = 0;
    rerender(<Page a={2} b={2} />);
    // Same render pass: both still show the old values, and neither chart re-rendered.
    expect([text('a'), text('b')]).toEqual(['1', '1']);
    expect(log).toEqual([]);
    expect(pendingViews()).toBe(2);
    await settle();
    expect([text('a'), text('b')]).toEqual(['2', '2']);
    // Each chart rendered once, a then b, each in its own step (b's update still waited while a rendered).
    expect(log).toEqual(['a=2@1', 'b=2@0']);
  });

  it('shows only the latest props when they change several times before its task', async () => {
    const { rerender } = render(<Page a={1} b={1} />);
    log.length = 0;
    rerender(<Page a={2} b={1} />);
    rerender(<Page a={3} b={1} />);
    rerender(<Page a={4} b={1} />);
    await settle();
    expect(text('a')).toBe('4');
    expect(log.map((l) => l.split('@')[0])).toEqual(['a=4']);
  });

  it('skips the chart when the new props equal the shown ones, and forgets the update of an unmounted chart', async () => {
    const { rerender } = render(<Page a={1} b={1} />);
    log.length = 0;
    rerender(<Page a={1} b={1} />);
    expect(pendingViews()).toBe(0);
    rerender(<Page a={5} b={1} />);
    expect(pendingViews()).toBe(1);
    rerender(<></>);
    expect(pendingViews()).toBe(0);
    await settle();
    expect(log).toEqual([]);
  });
});
