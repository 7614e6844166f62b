/** English messages: what pruning buys, measured (inference speed, export sizes). Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const speed = {
  'speed.title': 'What pruning buys, measured',
  'speed.lead':
    'Zeroed weights in a dense matrix multiply save nothing: the multiply-adds still run. A sparse format (CSR: only the live weights, with their indices) skips them, but each one costs more than a dense multiply-add. Here both run in this browser, in the same WebAssembly engine, on real validation samples, so you can see from which sparsity pruning pays.',
  'speed.measure': 'Measure speed and sizes',
  'speed.measure.help':
    'Times one prediction (batch 1: what a web page waits for) and a batch of 256 (throughput) at {levels} sparsity for the current criterion, scope and granularity: the pruned network as dense matrices and as CSR, timed in turn so both see the same machine. It goes over all sparsities {rounds} times, {samples} paired samples each time: each point is the median of the pooled speed-ups, with their spread as a band, so a moment of disturbance widens one point’s band instead of moving it. TensorFlow.js predict on the training backend is timed first, on the same network. Then every export format is built, gzip-compressed in the browser and decoded back, and its network evaluated. Takes a few seconds; keep the tab in front.',
  'speed.measuring': 'Measuring: {done} of {total} ({rounds} rounds over {levels} sparsities)',
  'speed.measuring.tfjs': 'Timing TensorFlow.js predict on {backend}…',
  'speed.waitTraining': 'Train a network (or open one) first.',
  'speed.error': 'The measurement failed: {detail}',
  'speed.tfjs.busy':
    'TensorFlow.js predict was not timed: the training worker was busy (measure again when its job ends).',
  'speed.tfjs.error': 'TensorFlow.js predict could not be timed: {detail}',
  'speed.stale':
    'Measured for {criterion}, {scope}, {granularity}; the settings have changed since. Measure again to update.',
  'speed.chart.b1': 'One prediction (batch 1)',
  'speed.chart.b256': 'Batch of 256',
  'speed.axis': 'speed-up over dense',
  'speed.line.csr': 'sparse (CSR)',
  'speed.line.dense': 'dense, same engine',
  'speed.line.stripped': 'smaller dense (units removed)',
  'speed.line.tfjs': 'TensorFlow.js predict ({backend})',
  'speed.line.band': 'sparse: 10th–90th percentile of its speed-up',
  'speed.breakEven': 'break-even {span}',
  'speed.summary.between':
    '{batch}: the sparse path becomes faster than the dense one between {from} and {to} sparsity (its whole spread is below 1× at {from} and above 1× at {to}); at {top}: {times}.',
  'speed.summary.always':
    '{batch}: the sparse path is faster than the dense one at every sparsity measured, its whole spread above 1× (at {top}: {times}).',
  'speed.summary.never':
    '{batch}: the sparse path is slower than the dense one at every sparsity measured, its whole spread below 1× (at {top}: {times}).',
  'speed.summary.unclear':
    '{batch}: no clear break-even: the spread crosses 1× over {span} sparsity (at {top}: {times}).',
  'speed.summary.unclear.at':
    '{batch}: no clear break-even: the spread crosses 1× at {at} sparsity (at {top}: {times}).',
  'speed.summary.mixed':
    '{batch}: no clear break-even: over {span} sparsity the measurement contradicts itself (clearly faster at a lower sparsity than one where it is clearly slower), so something disturbed it; measure again. At {top}: {times}.',
  'speed.summary.tfjs':
    'TensorFlow.js predict on {backend}: {ms} ms per call ({lo}–{hi} ms over {n} samples), {verdict} than this engine’s dense path.',
  'speed.note':
    'Each point is the median speed-up of {samples} paired samples: {rounds} rounds over all sparsities, {perRound} samples each, the sparse and dense paths timed in turn so that each sample’s ratio is measured at one moment; the band spans their 10th to 90th percentile. A break-even is stated only as the interval between a sparsity where the whole band is below 1× and a higher one where it is above; one disturbed sample widens a band, it cannot make a break-even. Measured in {s} s.',
  'speed.table.caption': 'Per-call times, median (10th–90th percentile)',
  'speed.col.sparsity': 'sparsity',
  'speed.col.batch': 'batch',
  'speed.col.dense': 'dense',
  'speed.col.csr': 'CSR',
  'speed.col.stripped': 'smaller dense',
  'speed.col.speedup': 'speed-up (10th–90th)',
  'speed.ms': '{ms} ms',
  'speed.check': 'Checked: the sparse and dense logits agree within {diff} on every measured batch ({engine}).',
  'speed.check.exact':
    'Checked: the sparse and dense paths give exactly the same logits on every measured batch ({engine}).',
  'speed.engine.wasm': 'WebAssembly SIMD',
  'speed.engine.js': 'plain JavaScript (this browser has no WebAssembly SIMD)',
  // The numbers panel's line for the resting slider.
  'speed.current':
    'Inference, measured here: <b>{sparse} ms</b> sparse vs <b>{dense} ms</b> dense per prediction, {verdict}; a batch of 256: {sparse256} vs {dense256} ms, {verdict256}.',
  'speed.current.stripped':
    'Inference, measured here: <b>{sparse} ms</b> sparse vs <b>{dense} ms</b> dense per prediction, {verdict}; the smaller dense network {shapes}: <b>{stripped} ms</b>. A batch of 256: {sparse256} vs {dense256} ms, {verdict256}.',
  'speed.faster': '{times}× faster',
  'speed.slower': '{times}× slower',
  'speed.times.spread': '{times}× ({lo}–{hi}×)',
  'speed.faster.spread': '{times}× faster ({lo}–{hi}× over {n} paired samples)',
  'speed.slower.spread': '{times}× slower ({lo}–{hi}× over {n} paired samples)',
  'speed.even.spread': 'no clear difference (speed-up {lo}–{hi}× over {n} paired samples)',
  'speed.current.label': 'Inference',
  'speed.current.help':
    'Timed in the evaluation worker once the slider rests: the pruned network as CSR against the same weights as dense matrices, in the same engine, 5 samples of each timed in turn: the speed-up is the median of the 5 paired ratios, the range their lowest to highest, and when that range includes 1× no verdict is given. “What pruning buys” below measures every sparsity, TensorFlow.js and the export sizes.',
  // Sizes.
  'sizes.title': 'Export sizes',
  'sizes.lead':
    'Every format of the pruned network as a file, its bytes as measured, gzip-compressed in this browser (CompressionStream, what a web server sends), and the validation accuracy of the network the file decodes to.',
  'sizes.caption': 'Measured at {sparsity} sparsity ({criterion})',
  'sizes.col.format': 'weights',
  'sizes.col.layout': 'layout',
  'sizes.col.loader': 'loads with',
  'sizes.col.bytes': 'file',
  'sizes.col.gzip': 'gzip',
  'sizes.col.ratio': 'gzip vs float32 file',
  'sizes.col.accuracy': 'val. accuracy',
  'sizes.format.float32': 'float32',
  'sizes.format.float16': 'float16',
  'sizes.format.int8-layer': '8-bit, per layer',
  'sizes.format.int8-unit': '8-bit, per unit',
  'sizes.layout.dense': 'dense',
  'sizes.layout.csr': 'CSR',
  'sizes.loader.tfjs': 'tf.loadLayersModel',
  'sizes.loader.lab': 'the lab’s decoder',
  'sizes.kb': '{kb} KB',
  'sizes.ratio': '{times}× smaller',
  'sizes.download': 'Download',
  'sizes.download.label': 'Download {format}, {layout}',
  'sizes.downloaded': 'Downloaded {name}.',
  'sizes.recipe':
    'The TensorFlow.js maintainers’ recipe (prune 85–90 %, 8 bits, gzip; “close to 6×” from gzip): here the 8-bit dense file gzips {gz}× smaller, {total}× smaller than the float32 file.',
  'sizes.help':
    'float16 halves every kernel value; 8-bit stores q in 0…255 with value = q·scale + min (per layer: one scale for a kernel, which TensorFlow.js loads; per unit: one per output unit, which it cannot). Zero stays exactly zero, so pruned weights stay pruned. CSR stores only the live weights with their unit indices and a pointer per input row; the lab’s format is described in docs/formats.md. Biases stay float32.',
} as const;
