import { describe, expect, it } from 'vitest';
import type { FromEval, ToEval } from './protocol';
import { createEvalClient, createSweepClient, type EvalPort } from './client';

function fakePort() {
  const sent: ToEval[] = [];
  const port: EvalPort = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null, terminate: () => {} };
  return { port, sent };
}
const spec = (value: number) => ({
  mode: 'sparsity' as const,
  value,
  scope: 'global' as const,
  granularity: 'weights' as const,
});

describe('evaluation clients', () => {
  it('number every request after the load; the slider worker reports its load, the curves worker does not', () => {
    const { port, sent } = fakePort();
    const c = createEvalClient(() => {}, port);
    const load = c.load({} as never);
    const a = c.train('gradient', spec(0.1));
    const b = c.train('magnitude', spec(0.2));
    expect([load < a, a < b]).toEqual([true, true]);
    expect(sent).toEqual([
      { type: 'load', id: load, network: {}, report: true },
      { type: 'train', id: a, criterion: 'gradient', spec: spec(0.1), speed: true },
      { type: 'train', id: b, criterion: 'magnitude', spec: spec(0.2), speed: true },
    ]);
    // Measurements continue the numbering, so a newer one (or a load) tells the worker to end an older one.
    const m = c.measure({ type: 'sizes', criterion: 'magnitude', spec: spec(0.9) });
    expect(m).toBe(b + 1);
    expect(sent[3]).toEqual({ type: 'sizes', id: m, criterion: 'magnitude', spec: spec(0.9) });
    const curves = fakePort();
    const s = createSweepClient(() => {}, curves.port);
    s.load({} as never);
    expect(curves.sent[0]).toMatchObject({ type: 'load', report: false });
  });

  it('a crashed worker becomes an error message for the newest request', () => {
    const { port } = fakePort();
    const got: FromEval[] = [];
    const c = createEvalClient((m) => got.push(m), port);
    c.load({} as never);
    const id = c.train('gradient', spec(0.3));
    let prevented = false;
    port.onerror!({ message: '', preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    expect(got).toEqual([{ type: 'error', id, message: 'The evaluation worker crashed.' }]);
    expect(prevented).toBe(true);
  });
});
