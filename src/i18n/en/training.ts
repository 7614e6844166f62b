/** English messages: training. Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const training = {
  // The training panel: its buttons (dataset and backend labels are setting.* in common).
  'training.title': 'Training',
  'training.train': 'Train',
  'training.trainAgain': 'Train again',
  'training.trainOwn': 'Train your own',
  'training.train.title': 'Train a fresh network with these settings',
  'training.pause': 'Pause',
  'training.resume': 'Resume',
  'training.reset': 'Reset',
  'training.reset.title': 'Stop and clear the current run',

  // The training panel's hidden layers (the setting's label and help are setting.hidden.* in common).
  'hidden.range': '{layers} layers of {units} units.',
  'hidden.layer': 'Hidden layer {n}, units',
  'hidden.remove': 'Remove hidden layer {n}',
  'hidden.removeMark': '×',
  'hidden.add': 'Add layer',
  'hidden.large':
    'A large network: {weights} weights on this data. Past about {limit} the pruning numbers no longer follow the slider in the frame of the move here (they catch up when it rests), and scoring and the curves take longer.',
  'hidden.wide':
    'A layer of more than {max} units trains on TensorFlow.js’s own steps, several times slower than the fused step.',

  // The training panel's data: the chosen table, or why it cannot train yet; the table's epochs and why.
  'training.data.table':
    '{name}: {inputs, plural, one {# input} other {# inputs}}, {classes} classes, {rows} rows ({train} for training, {val} for validation), from Your own data.',
  'training.data.preparing': 'Preparing {name}… Train waits for it.',
  'training.data.refused': '{name} is not ready: see Your own data below, or choose a built-in dataset.',
  'training.data.missing':
    '{name} is not loaded on this page: a link names a table but never holds its data. Load it in Your own data below to train on it, or choose a built-in dataset.',
  'training.epochs.table':
    '{epochs} epochs for this table: {train} training rows at batch {batch} are {per, plural, one {# Adam step} other {# Adam steps}} an epoch, {total} in all; a small table needs about {min} steps to train well.',
  'training.epochs.few':
    'Your {epochs} epochs are only {total} Adam steps on this table ({per} an epoch at batch {batch}); a small table needs about {min}.',
  'training.epochs.yours':
    'Your {epochs} epochs are {total} Adam steps on this table ({per} an epoch at batch {batch}).',
  'training.epochs.use': 'Use {epochs} epochs',

  // The backend: its choice in the training panel and the badge in the header.
  'backend.option.auto': 'auto (best available)',
  'backend.none': 'No backend',
  'backend.starting': 'Starting backend…',
  'backend.adapter': 'Adapter: {adapter}.',
  'backend.software': '· software adapter',
  'backend.forced': '· forced',
  'backend.fallback': '— fallback: {reason}',
  'backend.unavailable': '— not measured: {reason}',
  'backend.skipped': '{name} skipped: {reason}',
  'backend.skip.no-webgpu': 'this browser has no WebGPU (navigator.gpu is missing)',
  'backend.skip.no-adapter': 'no WebGPU adapter is available (requestAdapter returned null)',
  'backend.skip.start-threw': 'it failed to start: {detail}',
  'backend.skip.start-failed': 'it failed to start{detail}',
  'backend.skip.check-failed': 'its gradient check failed ({detail})',
  'backend.skip.check-threw': 'its gradient check threw: {detail}',
  'backend.adapter.wasm': 'WebAssembly on the CPU',
  'backend.adapter.cpu': 'JavaScript on the CPU',
  // auto's choice by measurement: the badge while it waits or measures, what it measured, its help; the run that waits for it.
  'backend.pending.waiting': '· to be measured',
  'backend.pending.measuring': '· measuring…',
  'backend.measured': '· measured: {rates}',
  'backend.rate.first': '{name} {n} samples/s',
  'backend.rate.other': '{name} {n}/s',
  'backend.help.label': 'the backend',
  'backend.help.pending':
    'auto starts on WebAssembly, which is always there and quick to start, so you can prune and train at once. When the page is idle after opening (or at your first Train, which then waits for it), it times a few training batches at your batch size on each backend this browser can start (WebGPU, WebGL, WebAssembly) and keeps the fastest.',
  'backend.help.measured':
    'auto timed a few training batches at batch {batch} on each backend this browser could start and kept the fastest: {rates}. For a network this small, a GPU can lose to the CPU: every training step pays the fixed cost of handing work to the GPU, which a CPU does not. The backend setting (or ?backend= in the address) forces one.',
  'backend.help.forced':
    'You chose this backend (the backend setting, or ?backend= in the address); auto would choose by measurement.',
  'progress.choosingBackend': 'Choosing the backend: timing a few training batches on each one this browser has…',
  'progress.startingBackend': 'Starting the backend: the run begins as soon as it is up…',

  // The progress panel: the run's state, the expected time of a run, epoch and batch, time left.
  'progress.label': 'Training progress',
  'progress.phase.idle': 'Ready. Press Train.',
  'progress.waitingTable': 'Waiting for {name}',
  'progress.phase.loading': 'Loading data…',
  'progress.phase.training': 'Training',
  'progress.phase.paused': 'Paused',
  'progress.phase.scoring': 'Scoring pass: averaging |∂L/∂w| over the training set…',
  'progress.phase.done': 'Done',
  'progress.phase.error': 'Stopped by an error',
  'progress.opening': 'Opening the pre-trained {dataset} network…',
  'progress.pretrained': 'Pre-trained network',
  'progress.imported': 'Imported network',
  'progress.expected.parts': 'training {training}, validation {validation}, scoring {scoring}, curves {curves}',
  'progress.expected.partsNoCurves':
    'training {training}, validation {validation}, scoring {scoring}, curves a few seconds more',
  'progress.expected.fromRun':
    'Train on {data} takes about <b>{total}</b> here ({parts}), from your last run on it at batch {batch} ({rate}).',
  'progress.expected.measured':
    'Train on {data} takes about <b>{total}</b> here ({parts}), from {rate} measured on {backend} at batch 32.',
  'progress.data':
    'On {data}: {inputs, plural, one {# input} other {# inputs}}, {classes} classes, {train} training and {val} validation samples.',
  'progress.stats.epoch': 'Epoch {epoch}/{epochs}',
  'progress.stats.batch': 'Batch {batch}/{batches}',
  'progress.stats.fused': 'fused WebAssembly step',
  'progress.stats.fusedWebgpu': 'fused WebGPU step',
  'progress.stats.tfjs': 'TensorFlow.js steps',
  'progress.stats.none': 'Epoch –, batch –',
  'progress.eta': 'ETA {time}',
  'progress.etaPlusCurves': 'ETA {time} + curves',

  // The phases of a run, one row each, with what each is doing or what it took.
  'phases.training': 'Training',
  'phases.validation': 'Validation',
  'phases.scoring': 'Scoring pass',
  'phases.curves': 'Curves',
  'phases.bar': '{phase}: {status}',
  'phases.status.waiting': 'waiting',
  'phases.status.running': 'running',
  'phases.status.done': 'done',
  'phases.took': 'took {time}',
  'phases.tookInAll': 'took {time} in all',
  'phases.training.done': '{took} · {rate}',
  'phases.training.running': 'epoch {epoch}/{epochs} · batch {batch}/{batches} · {rate}',
  'phases.training.starting': 'starting',
  'phases.validation.waiting': 'after each epoch',
  'phases.validation.running': 'after epoch {epoch}: running',
  'phases.validation.progress': '{done}/{total} epochs',
  'phases.scoring.progress': '{done}/{total} batches',
  'phases.curves.starting': 'starting',
  'phases.curves.progress': '{done}/{total} points',

  // The loss and accuracy charts.
  'curves.label': 'Training curves',
  'curves.loss.heading': 'Loss (cross-entropy)',
  'curves.accuracy.heading': 'Accuracy',
  'curves.loss.title': 'Loss per epoch; arrow keys step through the points',
  'curves.accuracy.title': 'Accuracy per epoch; arrow keys step through the points',
  'curves.axis.epoch': 'epoch',
  'curves.tooltip.epoch': 'epoch {epoch}',
  'curves.batchLoss': 'batch loss',
  'curves.trainLoss': 'train loss (smoothed)',
  'curves.valLoss': 'validation loss',
  'curves.trainAccuracy': 'train accuracy',
  'curves.valAccuracy': 'validation accuracy',
  'curves.summary':
    'After epoch {epoch}: train loss {trainLoss}, accuracy {trainAcc} · validation loss {valLoss}, accuracy {valAcc}.',
  'curves.empty':
    'Curves appear as soon as training starts. Training figures are means over each epoch’s batches, as Keras reports them.',

  // Where the network on screen came from (a snapshot shipped with the lab, or an imported run.json).
  'origin.imported':
    'Imported from run.json (saved {saved} UTC): weights, gradient statistics and settings, without its training curves. Train trains a new network.',
  'origin.model':
    'Imported from the TensorFlow.js model {file} (softmax output): its weights, scored here on this data; no training curves. Train trains a new network with these hidden layers.',
  'origin.model.linear':
    'Imported from the TensorFlow.js model {file} (linear output: the lab applies the softmax to its logits, so it is the same network): its weights, scored here on this data; no training curves. Train trains a new network with these hidden layers.',
  'origin.snapshot':
    '<b>Pre-trained snapshot</b>: {dataset}, seed {seed}, {epochs, plural, one {# epoch} other {# epochs}}, batch {batch}, learning rate {lr}, trained on {backend} in {time} ({rate}). It ships with the lab so you can prune at once; <em>Train</em> trains your own with the settings above.',
  'origin.snapshot.dense':
    '<b>Pre-trained snapshot</b>: {dataset}, seed {seed}, {epochs, plural, one {# epoch} other {# epochs}}, batch {batch}, learning rate {lr}, trained on {backend} in {time} ({rate}); dense validation accuracy {accuracy}. It ships with the lab so you can prune at once; <em>Train</em> trains your own with the settings above.',
  'origin.open': 'Open the {dataset} snapshot',

  // The panel shown instead of the page when drawing it failed.
  'errorBoundary.title': 'Something went wrong while drawing the page',
  'errorBoundary.body': 'Your settings are kept in the address bar. Try again, or reload the page.',
  'errorBoundary.retry': 'Try again',

  // "How it works": one message per paragraph.
  'how.title': 'How it works',
  'how.network':
    'The network (Dense 64 relu → Dense 32 relu → Dense 10 softmax, Glorot-uniform initial weights, Adam, cross-entropy) trains in a Web Worker with TensorFlow.js. After training, a <em>scoring pass</em> runs the training set once more with the weights frozen and averages, for every weight, |∂L/∂w| and (∂L/∂w)² over the mini-batches. The article’s pruning rule is <b>|∂L/∂w| < T ⇒ w := 0</b>.',
  'how.slider':
    'The slider prunes live: every weight whose score is below T is masked to 0, and the network is re-evaluated on the validation set at once, in the frame of your input (in WebAssembly SIMD where the browser has it, else plain TypeScript, with the same numbers; only the weights whose mask flipped are re-applied to the first layer), and on the training set in a worker as soon as the slider rests. Grey cells in the heatmaps are pruned weights. <em>Fine-tune</em> trains the pruned network for two more epochs with the mask enforced, so pruned weights stay exactly 0.',
  'how.caveat':
    'Gradients are of the <em>loss</em>, not of the model output. At a trained minimum the expected gradient is close to zero for every weight, so a small |∂L/∂w| does not by itself mean the weight is unimportant; the lab compares the criterion with weight magnitude and Taylor/Fisher scores.',
} satisfies Record<string, string>;
