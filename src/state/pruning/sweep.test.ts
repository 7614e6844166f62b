// The curves wiring with a fake worker port: a finished sweep ends the run's timing and is remembered as
// what the next curves of that dataset will take.
import { describe, expect, it } from 'vitest';
import { makeSynthetic32, dataRefOf } from '../../core/data';
import { initParams } from '../../core/base';
import type { EvalPort } from '../../eval/client';
import type { FromEval, ToEval } from '../../eval/protocol';
import { createSweep } from './sweep';
import { curvesEstimate } from '../training/runProgress';
import { initialState, Store, type AppState } from '../store';

function fakePort() {
  const sent: ToEval[] = [];
  const port: EvalPort = { postMessage: (m) => void sent.push(m), onmessage: null, onerror: null, terminate: () => {} };
  const reply = (m: FromEval) => port.onmessage!({ data: m } as MessageEvent<FromEval>);
  return { port, sent, reply };
}

describe('curves wiring', () => {
  it("remembers what a dataset's curves took and ends the run's timing with them", () => {
    const ds = makeSynthetic32(1);
    const store = new Store<AppState>({
      ...initialState(),
      backendStatus: 'ready',
      timing: { startedAt: 0, doneAt: 5, curvesAt: null },
      evalSpeed: { 'synthetic-32': { val: 2, train: 8 } },
    });
    const { port, sent, reply } = fakePort();
    const curves = createSweep(store, port);
    curves.load({
      layers: initParams(32, 1).map((l) => ({
        ...l,
        gradAbsMean: new Float32Array(l.kernel.length),
        gradSqMean: new Float32Array(l.kernel.length),
      })),
      seed: 1,
      data: dataRefOf(ds, 1),
      dataUrl: '',
    });
    const sweep = sent.find((m) => m.type === 'sweep')!;
    expect(curvesEstimate(store.getState(), 'synthetic-32')).not.toBe(1.25);
    reply({ type: 'sweep-done', id: (sweep as { id: number }).id, ms: 1250 });
    expect(store.getState().evalSpeed['synthetic-32']).toMatchObject({ val: 2, train: 8, curvesSec: 1.25 });
    expect(curvesEstimate(store.getState(), 'synthetic-32')).toBe(1.25);
    expect(store.getState().timing!.curvesAt).not.toBeNull();
    expect(store.getState().evalSpeed.mnist).toBeUndefined();
  });

  it('does not remember curves that shared the cores with the training worker starting up', () => {
    const ds = makeSynthetic32(1);
    const store = new Store<AppState>({ ...initialState(), backendStatus: 'starting' });
    const { port, sent, reply } = fakePort();
    createSweep(store, port).load({
      layers: initParams(32, 1).map((l) => ({
        ...l,
        gradAbsMean: new Float32Array(l.kernel.length),
        gradSqMean: new Float32Array(l.kernel.length),
      })),
      seed: 1,
      data: dataRefOf(ds, 1),
      dataUrl: '',
    });
    const sweep = sent.find((m) => m.type === 'sweep') as { id: number };
    reply({ type: 'sweep-done', id: sweep.id, ms: 1250 });
    expect([store.getState().sweep.status, store.getState().evalSpeed['synthetic-32']]).toEqual(['done', undefined]);
  });
});
