/** English messages: experiments. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const experiments = {
  // The fine-tuning experiments panel: curve, iterative pruning, the log of fine-tuned points.
  'experiments.title': 'Fine-tuning experiments',
  'experiments.curve': 'Fine-tune curve',
  'experiments.curve.help': 'Prune with {criterion} to {levels} and fine-tune each',
  'experiments.curve.separator': ', ',
  'experiments.iterative': 'Iterative to {sparsity}',
  'experiments.iterative.label': 'Iterative pruning',
  'experiments.iterative.help':
    "Prune to the slider's sparsity in {steps} steps, {epochs, plural, one {# masked epoch} other {# masked epochs}} after each (Han et al. 2015)",
  'experiments.cancel': 'Cancel',
  'experiments.stage.curve': 'Fine-tune curve ({criterion}): level {level}/{total} ({sparsity})',
  'experiments.stage.iterative': 'Iterative pruning to {sparsity} in {steps} steps',
  'experiments.status.curve.done': 'Fine-tune curve done.',
  'experiments.status.curve.cancelled': 'Fine-tune curve cancelled.',
  'experiments.status.curve.error': 'Fine-tune curve error.',
  'experiments.status.iterative.done': 'Iterative pruning done.',
  'experiments.status.iterative.cancelled': 'Iterative pruning cancelled.',
  'experiments.status.iterative.error': 'Iterative pruning error.',
  'experiments.log.kind': 'kind',
  'experiments.log.criterion': 'criterion',
  'experiments.log.sparsity': 'sparsity',
  'experiments.log.accuracy': 'pruned → trained (val)',
  'experiments.kind.one-shot': 'one-shot',
  'experiments.kind.curve': 'curve',
  'experiments.kind.iterative': 'iterative',
  'experiments.kind.unmasked': 'unmasked',
  'experiments.kind.article': 'article',
  'experiments.clear': 'Clear points',

  // One fine-tune of the pruned network (beside the pruning slider).
  'finetune.start': 'Fine-tune {epochs, plural, one {# epoch} other {# epochs}}',
  'finetune.start.label': 'Fine-tune',
  'finetune.start.help':
    'Fine-tune the pruned network for {epochs, plural, one {# epoch} other {# epochs}} at {factor}× the learning rate; pruned weights stay exactly 0',
  'finetune.cancel': 'Cancel',
  'finetune.progress': 'Fine-tuning progress',
  'finetune.result.one-shot':
    'At {sparsity} sparsity: validation {before} → <b>{after}</b> after fine-tuning (training {trainBefore} → {trainAfter}).',
  'finetune.result.iterative':
    'Iterative pruning to {sparsity}: validation {before} one-shot → <b>{after}</b> after pruning and fine-tuning in steps (training {trainBefore} → {trainAfter}).',
  'finetune.sliderMoved': "That mask is not the slider's any more: the slider is at {sparsity}.",
  'finetune.failed': 'Fine-tuning failed: {detail}',

  // The source article's code, run as written.
  'article.title': 'The article’s code, run as written',
  'article.intro':
    'The source article computes <code>tape.gradient(model(train_x), weights)</code>: the gradient of the <em>sum of the softmax outputs</em>, which is 1 for every sample, so it is zero. Its pruning then zeroes copies of those gradients, and its fine-tune has no mask. Run each on this network:',
  'article.run': 'Run its gradient and pruning (T = {threshold})',
  'article.finetune': 'Fine-tune at {sparsity} without and with the mask',
  'article.running': 'Running…',
  'article.col.layer': 'Layer',
  'article.col.article': 'article: max |∂Σsoftmax/∂θ|',
  'article.col.lab': 'lab: max |∂L/∂θ|',
  'article.pruning':
    'Below T: {below} of {parameters} parameters — the article would prune all of them, yet its pruning changed {changed, plural, one {<b>#</b> weight} other {<b>#</b> weights}}: validation accuracy {before} before, {after} after. The non-zero values above are float32 rounding of 1 − Σ softmax.',
  'article.unmasked':
    'Without the mask (the article’s <code>model.fit</code>): {regrown, plural, one {<b>#</b> pruned weight} other {<b>#</b> pruned weights}} grew back; sparsity {from} → {to}, validation {before} → {after}.',
  'article.masked':
    'With the mask held (the lab): {regrown} grew back; sparsity stays {sparsity}, validation {before} → {after}.',

  // Why a layer collapsed, and one-click repairs.
  'collapse.why':
    'Why: with one global threshold, the layer with the smallest scores goes first. Here the mean {criterion} score of {low} is <b>{lowMean}</b>, of {high} <b>{highMean}</b> ({ratio}× larger).',
  'collapse.try':
    'One-click repairs. Each lowers the sparsity if it must, to stay within {tol} points of the dense network’s {dense}, and says so:',
  'collapse.repair.scope': 'per-layer scope',
  'collapse.repair.outcome': '→ {sparsity} pruned, validation {accuracy}',
  'collapse.repair.outcome.far': '→ {sparsity} pruned, validation {accuracy} (still more than {tol} points below)',
  'collapse.repair.pending': 'working out its outcome…',
  // What a repair changed, before → after, and its Undo.
  'repair.change.scope': 'Scope: global → per layer.',
  'repair.change.criterion': 'Criterion: {from} → {to}.',
  'repair.kept':
    '{change} No layer collapses now, and validation accuracy stays within {tol} points of the dense network’s {dense}.',
  'repair.moved.threshold':
    '{change} Alone, with {sparsity} pruned, it would leave {atCurrent} validation accuracy (chance: {chance}). So the mode changed too, from threshold T to target sparsity <b>{level}</b>: the highest sparsity tried at which it stays within {tol} points of the dense network’s {dense}.',
  'repair.moved.sparsity':
    '{change} Alone, with {sparsity} pruned, it would leave {atCurrent} validation accuracy (chance: {chance}). So the target sparsity changed too, to <b>{level}</b>: the highest tried at which it stays within {tol} points of the dense network’s {dense}.',
  'repair.far':
    '{change} Alone, with {sparsity} pruned, it would leave {atCurrent} validation accuracy (chance: {chance}); even at target sparsity {level}, the lowest tried, it loses more than {tol} points: this setting does not suit this network.',
  'repair.level.units': '{pct} (of hidden units)',
  'repair.beforeAfter': 'Sparsity {sBefore} → <b>{sAfter}</b> · validation accuracy {aBefore} → <b>{aAfter}</b>',
  'repair.undo': 'Undo',
} satisfies Record<string, string>;
