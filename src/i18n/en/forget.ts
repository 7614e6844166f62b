/** English messages: what pruning forgets (per class, confusions, forgotten examples). Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const forget = {
  'forget.title': 'What pruning forgets',
  'forget.idle': 'Train or open a network, then move the slider: this panel shows where pruning’s damage lands.',
  'forget.lead':
    'The accuracy above is an average. Hooker et al. (2019) showed that it hides where the damage lands: some classes lose far more than others, and a few examples are forgotten first. The per-class table follows the slider as it moves; the rest once it rests (validation set).',
  'forget.summary':
    'At this sparsity the pruned network forgets {forgotten, plural, one {# example} other {# examples}} the dense one got right, and newly gets {newly} right (of {n}).',
  'setting.forgetClass.label': 'Class',
  'setting.forgetClass.help':
    'Look at one class: its curve comes first and only its examples are listed. A link keeps the choice. Clicking a class in the table selects it too.',
  'forget.class.all': 'All classes',
  'forget.col.class': 'Class',
  'forget.col.dense': 'dense',
  'forget.col.pruned': 'pruned',
  'forget.col.bar': 'accuracy',
  'forget.col.delta': 'Δ pts',
  'forget.delta': '{sign}{d}',
  'forget.examples.title': 'The examples it forgot',
  'forget.examples.help':
    'Validation examples the dense network classifies correctly and the pruned one does not, ranked by how far the probability of their true class dropped (the most forgotten first); below them the few it newly gets right, ranked by how far it rose. Click one to see its class probabilities, dense vs pruned. They follow the slider once it rests.',
  'forget.examples.forgotten': 'Forgotten ({n})',
  'forget.examples.newlyRight': 'Newly right ({n})',
  'forget.examples.none': 'None at this sparsity.',
  'forget.example.label': 'Example {sample}, a {label}: dense says {dense}, pruned says {pruned}',
  'forget.example.short': '{dense} → {pruned}',
  'forget.example.p': '{from} → {to}',
  'forget.probs.caption': 'Example {sample} (true class {label}): class probabilities',
  'forget.confusion.title': 'Confusion matrix',
  'forget.confusion.help':
    'How many validation examples of each true class (rows) the network predicts as each class (columns). The difference view is pruned minus dense: red off the diagonal are the confusions pruning adds, red on the diagonal the correct answers it loses.',
  'forget.confusion.dense': 'dense',
  'forget.confusion.pruned': 'pruned',
  'forget.confusion.diff': 'difference',
  'forget.confusion.axes': 'rows: true class · columns: predicted class',
  'forget.confusion.tooMany': 'The confusion matrix is drawn for up to 20 classes; this network has {n}.',
  'forget.curves.title': 'Per class: accuracy vs sparsity · {criterion}',
  'forget.curves.titleShort': 'Per-class curves',
  'forget.curves.help':
    'Validation accuracy of each class as the current criterion prunes more and more weights (the same sweep as the chart). The vertical line is the slider. A class “falls” at the first sparsity where it is {fall} points below its dense accuracy: the classes that fall first are the ones pruning costs most.',
  'forget.curves.one': 'Class {name}: falls at {at}',
  'forget.curves.falls': 'falls at {at}',
  'forget.curves.holds': 'holds',
  'forget.curves.running': 'Computing the curves…',
  'forget.curves.compute': 'Compute the per-class curves',
} as const;
