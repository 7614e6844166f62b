import { describe, expect, it } from 'vitest';
import type { FromEval, ToEval } from './protocol';
import { createEvalClient, type EvalPort } from './client';

function fakePort() {
  const sent: ToEval[] = [];
  const port: EvalPort = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null, terminate: () => {} };
  const reply = (msg: FromEval) => port.onmessage!({ data: msg } as MessageEvent<FromEval>);
  return { port, sent, reply };
}
const spec = (value: number) => ({ mode: 'sparsity' as const, value, scope: 'global' as const, granularity: 'weights' as const });
const result = { accuracy: 1, loss: 0, perClass: [] };
/** The answer with the validation figures (masks and validation come in one message). */
const val = (id: number): FromEval => ({ type: 'masks', id, criterion: 'gradient', spec: spec(0), masks: [], units: null, report: {} as never, threshold: 0, groupThresholds: [], val: result, valMs: 1, valFull: true });

describe('evaluation client', () => {
  it('keeps one request in flight and sends only the newest waiting one (latest wins)', () => {
    const { port, sent, reply } = fakePort();
    const got: FromEval[] = [];
    const c = createEvalClient((m) => got.push(m), port);
    const a = c.evaluate('gradient', spec(0.1));
    c.evaluate('gradient', spec(0.2));
    const last = c.evaluate('gradient', spec(0.3));
    expect(sent.map((m) => m.id)).toEqual([a]);
    reply(val(a));
    expect(sent.map((m) => m.id)).toEqual([a, last]);
    expect((sent[1] as Extract<ToEval, { type: 'evaluate' }>).spec.value).toBe(0.3);
    reply({ type: 'train-evaluated', id: last, result, ms: 1 }); // the training figures free nothing
    expect(sent).toHaveLength(2);
    reply(val(last));
    const next = c.evaluate('magnitude', spec(0.5));
    expect(sent.map((m) => m.id)).toEqual([a, last, next]); // idle again: sent at once
    expect(got).toHaveLength(3);
  });

  it('an error frees the slot, and a new load drops what was waiting', () => {
    const { port, sent, reply } = fakePort();
    const c = createEvalClient(() => {}, port);
    const a = c.evaluate('gradient', spec(0.1));
    c.evaluate('gradient', spec(0.2));
    c.load({} as never);
    const b = c.evaluate('gradient', spec(0.3));
    expect(sent.map((m) => m.type)).toEqual(['evaluate', 'load', 'evaluate']);
    expect(sent[2].id).toBe(b);
    reply({ type: 'error', id: b, message: 'x' });
    const d = c.evaluate('gradient', spec(0.4));
    expect(sent[sent.length - 1].id).toBe(d);
    expect(a).toBeLessThan(b);
  });
});
