/** English messages: the guided tour, presenter mode and the note on the source article. */
export const tour = {
  'tour.start': 'Take the tour',
  'tour.region': 'Guided tour',
  'tour.counter': 'Step {n} of {total}',
  'tour.announce': 'Step {n} of {total}: {title}',
  'tour.back': 'Back',
  'tour.next': 'Next',
  'tour.finish': 'Finish',
  'tour.close': 'Leave the tour',
  'tour.keys': '← → or Space to step · Esc to leave',
  'tour.action.train': 'Train a fresh network here',
  'tour.action.article-code': 'Run the article’s code',
  'tour.action.finetune': 'Fine-tune with the mask',
  'tour.action.iterative': 'Prune iteratively',
  'tour.network.title': 'The network and the data',
  'tour.network.body':
    'The network: {inputs} inputs → {hidden} → Dense {classes} softmax, {weights} weights, trained with Adam on cross-entropy. The article’s has two hidden layers, Dense 64 ReLU → Dense 32 ReLU, and 32 features; {onScreen} Each heatmap is one layer’s kernel, one cell per weight: here, the raw weights.',
  'tour.training.title': 'Training and the loss',
  'tour.training.body':
    'This network trained for {epochs} epochs, batch {batch}, Adam at learning rate {lr}: validation accuracy {valAcc}. The curves are its own. Training a fresh one here shows the loss fall live; every later step works on whichever network is on screen.',
  'tour.gradient.title': '∂L/∂w, and the scoring pass',
  'tour.gradient.body':
    '∂L/∂w says how fast the loss L changes when one weight w moves. After training, a <b>scoring pass</b> runs the training set once more with the weights frozen and averages |∂L/∂w| over the mini-batches, for every weight. The mean per layer here: {means}. These are gradients of the <em>loss</em>; the article takes them of the model’s outputs (step 7).',
  'tour.heatmaps.title': 'The heatmaps',
  'tour.heatmaps.body':
    'Now each cell is one weight’s score |∂L/∂w|, on a log colour scale (gradients span decades). Grey cells are pruned: at the slider’s {sparsity}, the lowest scores go first. Hover or tap a cell to read its weight and score.',
  'tour.rule.title': 'The article’s rule at T = {t}',
  'tour.rule.body':
    'The article’s rule: <b>|∂L/∂w| < T ⇒ w := 0</b>, one threshold T = {t} for every layer. On this network it prunes {sparsity} of the weights, and validation accuracy falls from {denseVal} to {prunedVal}. {move}',
  'tour.collapse.title': 'The collapse, and why',
  'tour.collapse.body':
    'Why so much? The layers’ gradients live on different scales: {low}’s mean |∂L/∂w| is {lowMean}, {high}’s is {highMean}, {ratio}× larger. One global T removes the layer with the smallest gradients first: {lowSparsity} of {low} is pruned. A network that has lost its first layer cannot see its input. The warning’s one-click repairs show where each leads: none survives this sparsity alone, so a repair also lowers it, says so, and Undo brings T = {t} back.',
  'tour.article.title': 'The article’s code, run as written',
  'tour.article.body':
    'The article’s “gradient” is <code>tape.gradient(model(train_x), weights)</code>: the gradient of the sum of the softmax outputs. Each sample’s outputs sum to 1, so that gradient is zero and every weight is below any T. Its “pruning” assigns zeros to copies of the gradients, so no weight changes. Run it here, with TF.js, on this network.',
  'tour.repairs.title': 'Repairs: better scores, per-layer scope',
  'tour.repairs.body':
    'Removing weight w changes the loss by about <b>ΔL ≈ −g·w + ½·H·w²</b>. |∂L/∂w| alone ignores the weight’s size. Taylor |w·g| keeps the first term, OBD ½·w²·F the second (Fisher F for H), magnitude |w| the size alone. At 90% sparsity (where the slider is now), validation accuracy: gradient {gradient}, Taylor {taylor}, magnitude {magnitude}. The other repair is the allocation. Per-layer scope prunes every layer to the same sparsity. Dividing each layer’s |∂L/∂w| by its layer mean (layer-normalised gradient: {gradnorm}) can make it worse: when one layer’s scores are far more skewed than the others’ (MNIST’s first layer), the other layers go first instead. LAMP rescales magnitudes so that every layer keeps its largest weight: {lamp}.',
  'tour.finetune.title': 'Fine-tuning with the mask held',
  'tour.finetune.body':
    'Pruning costs accuracy; a little training wins some back. Fine-tune trains the pruned network ({sparsity} pruned, by magnitude) for {finetuneEpochs} more epochs with the mask held, so pruned weights stay exactly 0 (validation accuracy now {prunedVal}). The article’s fine-tune has no mask: its pruned weights grow back.',
  'tour.forget.title': 'What pruning forgets',
  'tour.forget.body':
    'Accuracy is an average; it hides where the damage lands (Hooker et al. 2019). At {sparsity} sparsity the pruned network gets {forgotten} validation examples wrong that the dense one got right, and class {worst} loses most ({worstDense} → {worstPruned}). Tap a forgotten example to see its class probabilities.',
  'tour.forget.even':
    'Accuracy is an average; it hides where the damage lands (Hooker et al. 2019). At {sparsity} sparsity the pruned network gets {forgotten} validation examples wrong that the dense one got right, and no class loses accuracy. Tap a forgotten example to see its class probabilities.',
  'tour.forget.wait':
    'Accuracy is an average; it hides where the damage lands (Hooker et al. 2019): the classes that lose most, and the examples the pruned network gets wrong that the dense one got right.',
  'tour.next.title': 'Iterative pruning, and what to explore next',
  'tour.next.body':
    'Iterative pruning prunes a little, fine-tunes, and repeats (Han et al. 2015); it usually beats one shot at high sparsity. Try next: per-layer scope, neuron granularity (a smaller dense network), each layer’s sensitivity, what pruning buys in this browser (measured speed and file sizes, below the charts), or the article’s own setting, synthetic-32 (32 features). How width and depth change pruning: the width and depth study in docs/results.md. Leaving the tour keeps everything as it is.',
  'tour.collapse.none':
    'Here T = {t} prunes {lowSparsity} of {low}, the layer with the smallest gradients (mean |∂L/∂w| {lowMean}), and {highSparsity} of {high} ({highMean}, {ratio}× larger): no layer is lost yet. One global T removes the layer with the smallest gradients first; on a network trained longer, whose gradients are smaller (the pre-trained one), the same T removes all of {low}, and a network that has lost its first layer cannot see its input.',
  'tour.network.hidden': 'Dense {units} ReLU',
  'tour.gradient.mean': '{layer} {mean}',
  'tour.list.separator': ', ',
  'tour.network.origin.snapshot': 'the lab opens on {dataset} with {inputs} inputs, already trained, so nothing waits.',
  'tour.network.origin.trained': 'this one trained here, on {dataset} with {inputs} inputs.',
  'tour.network.origin.imported': 'this one was imported from a run file: {dataset}, {inputs} inputs.',
  'tour.network.origin.model': 'this one was imported from a TensorFlow.js model: {dataset}, {inputs} inputs.',
  'tour.network.origin.training': 'this one is training now, on {dataset} with {inputs} inputs.',
  'tour.table': 'your table {name}',
  'tour.training.live':
    'This network is training now: epoch {epoch} of {epochs}, batch {batch}, Adam at learning rate {lr}; validation accuracy after the last epoch: {valAcc}. Watch the loss fall, batch by batch; once the run ends, every later step works on this network.',
  'tour.training.first':
    'This network is training now: epoch {epoch} of {epochs}, batch {batch}, Adam at learning rate {lr}. Watch the loss fall, batch by batch; the validation accuracy comes at the end of the first epoch. Once the run ends, every later step works on this network.',
  'tour.move.keys': 'Drag the slider, or use the arrow keys on it, to move T.',
  'tour.move.touch': 'Drag the slider to move T.',
  'tour.network.wait':
    'The network: inputs → hidden Dense ReLU layers (the article’s: 64 and 32 units) → Dense softmax over the classes, trained with Adam on cross-entropy; the article used 32 features. Each heatmap is one layer’s kernel, one cell per weight: here, the raw weights.',
  'tour.training.wait':
    'Training shows the loss fall live, batch by batch, and the accuracy after each epoch; every later step works on whichever network is on screen.',
  'tour.gradient.wait':
    '∂L/∂w says how fast the loss L changes when one weight w moves. After training, a <b>scoring pass</b> runs the training set once more with the weights frozen and averages |∂L/∂w| over the mini-batches, for every weight. These are gradients of the <em>loss</em>; the article takes them of the model’s outputs (step 7).',
  'tour.heatmaps.wait':
    'Each cell is one weight’s score |∂L/∂w|, on a log colour scale (gradients span decades). Grey cells are pruned: the lowest scores go first. Hover or tap a cell to read its weight and score.',
  'tour.rule.wait': 'The article’s rule: <b>|∂L/∂w| < T ⇒ w := 0</b>, one threshold T = {t} for every layer. {move}',
  'tour.collapse.wait':
    'The layers’ gradients live on different scales, so one global T removes the layer with the smallest gradients first. A network that has lost its first layer cannot see its input.',
  'tour.repairs.wait':
    'Removing weight w changes the loss by about <b>ΔL ≈ −g·w + ½·H·w²</b>. |∂L/∂w| alone ignores the weight’s size. Taylor |w·g| keeps the first term, OBD ½·w²·F the second (Fisher F for H), magnitude |w| the size alone. The other repair is the allocation: per-layer scope prunes every layer to the same sparsity; LAMP rescales magnitudes so that every layer keeps its largest weight.',
  'tour.finetune.wait':
    'Pruning costs accuracy; a little training wins some back. Fine-tune trains the pruned network for {finetuneEpochs} more epochs with the mask held, so pruned weights stay exactly 0. The article’s fine-tune has no mask: its pruned weights grow back.',
  'tour.pending': 'This network’s numbers appear here {when}.',
  'tour.when.none': 'once a network is on screen: train one, or open a pre-trained one',
  'tour.when.opening': 'as soon as the pre-trained network has opened',
  'tour.when.training': 'when this run has finished training and its scoring pass',
  'tour.when.scoring': 'when the scoring pass, running now, is done',
  'tour.when.pruning': 'in a moment, when the pruning panel is ready',
  'embed.open': 'Open in the full lab ↗',
  'embed.share': 'Embed',
  'embed.share.help':
    "An <iframe> of this figure for a blog or a course page: the heatmaps and the slider, the accuracy-vs-sparsity chart, or the tour, on this network with these settings. The code includes a small script that sizes the iframe to the figure; where a page keeps no scripts, the iframe's height fits the figure at 600–800 px wide.",
  'embed.view.prune': 'Heatmaps and slider',
  'embed.view.chart': 'Accuracy vs. sparsity',
  'embed.view.tour': 'The guided tour',
  'embed.view': 'View',
  'embed.copy': 'Copy embed code',
  'embed.code': 'Embed code',
  'embed.copied': 'Embed code copied.',
  'embed.manual': 'Copy the code above (the clipboard is not available here).',
  'embed.iframeTitle': 'Gradient Pruning Lab',
  'embed.theme': 'Colours',
  'embed.theme.help':
    "The figure's colours: light or dark whatever the reader's system uses, or following the reader's system. Choose the one that suits your page.",
  'embed.theme.light': 'Light',
  'embed.theme.dark': 'Dark',
  'embed.theme.auto': "Follow the reader's system",
  'present.on': 'Presenter mode',
  'present.off': 'Leave presenter mode',
  'about.title': 'From a blog article, corrected',
  'about.lead':
    'Built from a blog article in Chinese on <b>梯度剪枝 (gradient pruning)</b>: train a Keras MLP, compute each weight’s gradient, prune the weights with |gradient| < T (T = 0.01), evaluate on the training and validation sets, fine-tune.',
  'about.keeps':
    '<b>Kept:</b> its network (Dense 64 → 32 → 10, ReLU, softmax), Adam, cross-entropy, the rule |∂L/∂w| < T and its T = 0.01, evaluation on both sets, fine-tuning.',
  'about.corrects':
    '<b>Corrected:</b> its gradient is of the summed softmax outputs (identically zero), here of the loss; its pruning zeroes copies of the gradients (nothing changes), here a mask on the weights; its fine-tuning lets pruned weights grow back, here the mask is held.',
} satisfies Record<string, string>;
