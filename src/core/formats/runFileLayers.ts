/**
 * The `layers` of run.json checked against the shapes its data implies (runFileData.ts), and
 * `metrics.sparsity` against the masks. Throws `Invalid` with the first problem, naming the field. Pure.
 */
import { type LayerShape, fail, floats, int, list, num, obj, show, str } from '../base';
import type { RunData } from './runFileData';
import type { RunLayer } from './runFormat';

/** The validated layers (fresh arrays): names unique, shapes chained as `shapes`, masks of 0/1, finite values. */
export function runLayers(v: unknown, shapes: readonly LayerShape[], data: RunData): RunLayer[] {
  const name = data.name;
  // What a user table's layers follow (built-in datasets: nothing added, their messages are unchanged).
  const per = (what: string) => (data.table ? ` (one per data.table.${what})` : '');
  const rawLayers = list(v, 'layers');
  if (rawLayers.length !== shapes.length)
    fail(
      `layers has ${rawLayers.length} entries, expected ${shapes.length} (${[shapes[0].inputs, ...shapes.map((s) => s.units)].join(' → ')})`,
    );
  const names = new Set<string>();
  const layers = rawLayers.map((raw, l): RunLayer => {
    const p = `layers[${l}]`;
    const o = obj(raw, p);
    const layerName = str(o.name, `${p}.name`);
    if (names.has(layerName)) fail(`${p}.name "${layerName}" is used by an earlier layer`);
    names.add(layerName);
    const inputs = int(o.inputs, `${p}.inputs`);
    const units = int(o.units, `${p}.units`);
    if (l === 0 && inputs !== shapes[0].inputs)
      fail(
        `${p}.inputs is ${inputs}, expected ${shapes[0].inputs} for data.name "${name}"${per('featureNames entry')}`,
      );
    if (l > 0 && inputs !== shapes[l - 1].units)
      fail(`${p}.inputs is ${inputs}, expected ${shapes[l - 1].units} (= layers[${l - 1}].units)`);
    if (units !== shapes[l].units)
      fail(
        `${p}.units is ${units}, expected ${shapes[l].units}${l === shapes.length - 1 ? per('classNames entry') : ''}`,
      );
    const size = `${inputs} × ${units} = ${inputs * units}`;
    const mask = new Uint8Array(inputs * units);
    const rawMask = list(o.mask, `${p}.mask`);
    if (rawMask.length !== mask.length) fail(`${p}.mask has ${rawMask.length} values, expected ${size}`);
    rawMask.forEach((m, i) =>
      m === 0 || m === 1 ? (mask[i] = m) : fail(`${p}.mask[${i}] is ${show(m)}, must be 0 or 1`),
    );
    const kernel = floats(o.kernel, `${p}.kernel`, inputs * units, size);
    const bias = floats(o.bias, `${p}.bias`, units, String(units));
    const stat = (k: 'gradAbsMean' | 'gradSqMean') => floats(o[k], `${p}.${k}`, inputs * units, size, true);
    return {
      name: layerName,
      inputs,
      units,
      kernel,
      bias,
      gradAbsMean: stat('gradAbsMean'),
      gradSqMean: stat('gradSqMean'),
      mask,
    };
  });

  return layers;
}

/** `metrics.sparsity` as validated: in 0..1 and within 1e-6 of what the masks prune, per layer and overall. */
export function maskSparsity(raw: unknown, layers: readonly RunLayer[]): { overall: number; perLayer: number[] } {
  const sp = obj(raw, 'metrics.sparsity');
  const overall = num(sp.overall, 'metrics.sparsity.overall', 0, 1, false);
  const perLayerRaw = list(sp.perLayer, 'metrics.sparsity.perLayer');
  if (perLayerRaw.length !== layers.length)
    fail(`metrics.sparsity.perLayer has ${perLayerRaw.length} entries, expected ${layers.length}`);
  const pruned = layers.map((l) => l.mask.reduce((a, b) => a + 1 - b, 0));
  const perLayer = perLayerRaw.map((v, l) => {
    const s = num(v, `metrics.sparsity.perLayer[${l}]`, 0, 1, false);
    const actual = pruned[l] / layers[l].mask.length;
    return Math.abs(s - actual) <= 1e-6
      ? s
      : fail(`metrics.sparsity.perLayer[${l}] is ${s}, but layers[${l}].mask prunes ${actual}`);
  });
  const actual = pruned.reduce((a, b) => a + b, 0) / layers.reduce((a, l) => a + l.mask.length, 0);
  if (Math.abs(overall - actual) > 1e-6) fail(`metrics.sparsity.overall is ${overall}, but the masks prune ${actual}`);
  return { overall, perLayer };
}
