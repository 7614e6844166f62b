/** English messages: the Share and export panel. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const exportArea = {
  'export.title': 'Share and export',
  // Links to share: the button, its explanation, and what the panel says once copied (or to copy by hand).
  'share.link': 'Copy link',
  'share.link.help': 'Copy a link that restores every setting',
  'share.train': 'Link that trains',
  'share.train.help': 'Copy a link that trains a network with these settings on open (for a demo)',
  'share.snapshot': 'Link to this snapshot',
  'share.snapshot.help': 'Copy a link to this pre-trained network, with these pruning settings',
  'share.copied.settings': 'Link copied: it opens the lab with these settings.',
  'share.copied.train': 'Link copied: it trains a network with these settings as soon as it opens.',
  'share.copied.snapshot': 'Link copied: it opens this pre-trained network with these pruning settings.',
  'share.manual.settings': 'Copy this link (it opens the lab with these settings): {url}',
  'share.manual.train': 'Copy this link (it trains a network with these settings as soon as it opens): {url}',
  'share.manual.snapshot': 'Copy this link (it opens this pre-trained network with these pruning settings): {url}',
  // Downloads: the button, its explanation, what the panel says after it.
  'export.model': 'Pruned model',
  'export.model.help':
    'The pruned model in the TensorFlow.js layers format (tf.loadLayersModel), float32; pruned weights are exactly 0. Smaller files (float16, 8-bit, CSR) and their measured sizes: “What pruning buys”, Export sizes',
  'export.model.done': 'model.json and weights.bin downloaded.',
  'export.stripped': 'Stripped model',
  'export.stripped.help': 'The smaller dense model without the pruned units (same predictions)',
  'export.stripped.done': 'Stripped model downloaded.',
  'export.finetuned': 'Fine-tuned model',
  'export.finetuned.help': 'The last fine-tuned network',
  'export.finetuned.done': 'Fine-tuned model downloaded.',
  'export.run': 'run.json',
  'export.run.help':
    'Settings, split, weights, gradient statistics, masks, metrics and curves, for numpy or to import later',
  'export.run.done': 'run.json downloaded.',
  'export.csv': 'Curves (CSV)',
  'export.csv.help': 'Every accuracy-vs-sparsity point',
  'export.csv.done': 'sweep.csv downloaded.',
  'export.png': 'Images (PNG)',
  'export.png.help': 'Each chart and heatmap as a PNG image',
  'export.png.done': 'Charts and heatmaps downloaded as PNG.',
  'export.png.failed': 'Images could not be made: {detail}',
  'export.import': 'Import run.json…',
  'export.import.help': 'Restore an experiment from a run.json without retraining',
  'export.import.done': '{file} imported.',
  // Bring a trained model (TF.js layers model.json + weight files); {detail}: the reader's own English words.
  'model.title': 'Bring a trained model',
  'model.lead':
    'Pick or drop a TensorFlow.js layers model — model.json together with its weight file(s) — to prune it here: a Sequential of Dense layers, ReLU hidden layers, softmax or linear output.',
  'model.pick': 'Choose model files…',
  'model.pick.help':
    'model.json and its .bin weight file(s), chosen together (or dropped here). Nothing in them is executed: the lab reads the layers and weights as data.',
  'model.drop': 'or drop them here',
  'model.data': 'Scored on {name}: {inputs} inputs, {classes} classes (the Training panel’s Dataset).',
  'model.done': '{file} imported: the scoring pass runs on {name}, then the network is shown as one trained here.',
  'model.noJson':
    'None of the chosen files ({files}) is a model.json: choose model.json together with its weight files.',
  'model.manyJson': 'Choose one model.json at a time; these are all JSON files: {files}.',
  'model.tooLarge':
    '{exact, plural, =1 {The chosen files hold {size} bytes; a model may have at most {max} bytes.} other {The chosen files hold {size} MB; a model may have at most {max} MB.}} Nothing was read.',
  'model.notJson': '{file} is not JSON: {detail}',
  'model.missingWeights': '{file} names weight files that were not chosen with it: {missing}. Choose them together.',
  'model.refused': 'This model cannot be imported: {detail}.',
  'model.hidden': 'This model’s hidden layers are beyond the lab’s limits: {detail}.',
  'model.tableNotReady': 'The table {name} is not ready yet: load it under “Your own data” first.',
  'model.inputs':
    'The model takes {found} inputs, but {name} has {inputs}: choose data of that width in the Training panel (synthetic-32: 32, MNIST: 784, or your table).',
  'model.classes':
    'The model gives {found} classes, but {name} has {classes}: the output layer must match the data’s classes.',
  'model.notInLink':
    'This network was imported from {file}: a link keeps its hidden layers and the settings, not its weights (run.json keeps them).',
  // Why nothing was downloaded; {detail}: an unexpected error's own words.
  'export.nothing': 'Train a network first: there is nothing to export yet.',
  'export.finetuneFirst': 'Fine-tune the pruned network first.',
  'export.noCurves': 'The curves are not computed yet.',
  'export.failed': '{detail}',
} satisfies Record<string, string>;
