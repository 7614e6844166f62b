import { describe, expect, it } from 'vitest';
import { rowOutputs, sparseFeatures } from '../../core/eval';
import { translate, type Msg } from '../../i18n/catalogue';
import { classNamesOf, featureRow, forgetOf, selectedClass } from './forgetState';
import { initialPruning, type PruneView } from './pruningState';
import { defaultSettings, parseSettings, serializeSettings } from './settings';

const en = (m: Msg) => translate('en', m.key, m.params);

describe('what pruning forgets, in the state', () => {
  const y = Uint8Array.of(0, 1);
  const dense = Float64Array.of(2, 0, 0, 1); // both right
  const forget = {
    val: { features: sparseFeatures(Float32Array.of(0, 0.5, 0.25, 0), 2, 2), y, n: 2 },
    classes: 2,
    denseLogits: dense,
    dense: rowOutputs(dense, y, 2, 2),
  };
  const view = (logits: Float64Array) => ({ id: 1, logits }) as unknown as PruneView;

  it('reports the slider’s position against the dense network, once per position', () => {
    const v = view(Float64Array.of(0, 1, 0, 1)); // row 0 now wrong
    const p = { ...initialPruning(), forget, view: v };
    const r = forgetOf(p)!;
    expect(r.forgotten.map((e) => e.index)).toEqual([0]);
    expect(forgetOf({ ...p })).toBe(r); // the same view: the same report
    expect(forgetOf({ ...p, view: view(Float64Array.of(0, 1, 0, 1)) })).not.toBe(r);
    expect(forgetOf({ ...p, forget: null })).toBeNull();
    expect(forgetOf({ ...p, view: view(new Float64Array(6)) })).toBeNull(); // logits of another network
  });

  it('names the classes: a table’s own names, else the class ids', () => {
    const table = {
      name: 't',
      hash: 'h',
      rows: 1,
      featureNames: [],
      classNames: ['cat', 'dog'],
      x: new Float32Array(),
      y: new Uint8Array(),
    };
    expect(classNamesOf({ name: 'user', table }, 2)).toEqual(['cat', 'dog']);
    expect(classNamesOf({ name: 'mnist' }, 10)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(classNamesOf(null, 3)).toEqual(['0', '1', '2']);
  });

  it('gives a row’s values back from the sparse features', () => {
    expect(Array.from(featureRow(forget.val.features, 0))).toEqual([0, 0.5]);
    expect(Array.from(featureRow(forget.val.features, 1))).toEqual([0.25, 0]);
  });

  it('selects the link’s class only when the network has it', () => {
    expect([selectedClass(3, 10), selectedClass(12, 10), selectedClass(-1, 10)]).toEqual([3, -1, -1]);
  });

  it('keeps the class of what pruning forgets in a link (class=3); a bad one is refused with the usual notice', () => {
    expect(parseSettings('', '#class=3').settings.forgetClass).toBe(3);
    expect(serializeSettings({ ...defaultSettings(), forgetClass: 7 })).toBe('class=7');
    expect(serializeSettings(defaultSettings())).not.toContain('class=');
    const { settings, notices } = parseSettings('', '#class=two&seed=4');
    expect(settings).toMatchObject({ forgetClass: -1, seed: 4 });
    expect(notices.map(en)).toEqual(['URL key "class" ignored — Class: "two" is not a number; using -1.']);
    expect(parseSettings('', '#class=256').notices.map(en)).toEqual([
      'URL key "class" ignored — Class: 256 is outside -1–255; using -1.',
    ]);
  });
});
