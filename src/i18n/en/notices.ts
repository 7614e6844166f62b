/**
 * English messages: what the state says (notices, errors, the pasted-link prompt) and the notices
 * panel. Keys are `area.thing`; values use the syntax of `../format.ts`. A `{detail}` or `{reason}` is
 * text from elsewhere, kept as it is: a worker's or the browser's words, or the file validators' English.
 */
export const notices = {
  // Why a setting's value is refused (typed in the form, or in a link): {label} is the setting's name.
  'field.tooLong': '{label}: value is too long',
  'field.notOneOf': '{label}: "{value}" is not one of {values}',
  'field.notNumber': '{label}: "{value}" is not a number',
  'field.notFinite': '{label}: "{value}" is not a finite number',
  'field.notWhole': '{label}: {value} is not a whole number',
  'field.outside': '{label}: {value} is outside {min}–{max}',
  'field.listLength': '{label}: "{value}" has {count} values, expected {min} to {max}',
  'field.keeping': '{error}; keeping {value}.',
  'field.helpRange': '{help} {range}',
  // A link's keys that were ignored.
  'url.setting': 'URL key "{key}" ignored — {error}; using {value}.',
  'url.hide.tooLong': 'URL key "hide" ignored — value is too long.',
  'url.hide.unknown':
    'URL key "hide": unknown {n, plural, one {panel} other {panels}} {names} ignored; panels are {panels}.',
  'url.notFlag': 'URL key "{key}" ignored — "{value}" is not 1 or 0.',
  'url.snapshot': 'URL key "snapshot" ignored — "{value}" is not one of {choices}.',
  'url.badChoice': 'URL key "{key}" ignored — "{value}" is not one of {choices}.',
  'url.lang': 'URL key "lang" ignored — "{value}" is not en or zh-CN.',
  'url.tour': 'URL key "tour" ignored — "{value}" is not a step number.',
  'url.table.tooLong': 'URL key "table" ignored — the name is longer than {max} characters.',
  'link.table':
    'This link trains your own table “{name}”, which is not loaded here: a link never holds a table’s data. Load {name} in Your own data to train on it, or choose a built-in dataset in the Training panel; nothing trains until then.',
  // A link pasted into the tab that would replace the user's own network.
  'link.prompt.train': 'This link trains a new network: the network you have now would be replaced.',
  'link.prompt.snapshot': 'This link opens the pre-trained {name} network: the network you have now would be replaced.',
  'link.prompt.none': 'This link starts an empty lab: the network you have now would be replaced.',
  'link.replace': 'Open the link’s network',
  'link.keep': 'Keep mine, use the link’s settings',
  // A new version of the lab, downloaded in the background (the page never reloads by itself).
  'update.ready': 'A new version of the lab is available. Reload to use it.',
  'update.reload': 'Reload',
  'update.later': 'Later',
  'update.loses.run': 'A run is in training: reloading now stops it, and the network it was training is lost.',
  'update.loses.job': 'An experiment is running: reloading now stops it, and its result is lost.',
  'update.loses.work':
    'Reloading loses the network you have here and its results. To keep them, download run.json first (Share and export).',
  'update.reloadAnyway': 'Reload anyway',
  // The notices panel.
  'notice.dismiss': 'Dismiss notice',
  'error.label': 'Error:',
  'error.restart': 'Restart training',
  'error.reset': 'Reset',
  'error.worker': '{detail}',
  // The backend went away: {message} says how.
  'fault.running': '{message} The run stopped; the backend is starting again.',
  'fault.idle': '{message} The backend is starting again; your results are kept.',
  'fault.workerStopped': 'The training worker stopped ({detail}); a new one has been started.',
  // A pre-trained network that could not be opened.
  'snapshot.failed':
    'The pre-trained {name} network could not be opened ({reason}). The lab starts empty: press Train to train one.',
  'snapshot.unreadable': '{url} is not a snapshot this lab can read: {reason}',
  'snapshot.otherNetwork': 'it holds a {name} network',
  // Importing a run.json.
  'import.refused': 'This run file cannot be imported: {reason}.',
  'import.needsTable':
    'This run was trained on your own data, {name} (SHA-256 {hash}…): load that file under “Your own data” first, then import the run again. The table’s values are not in the run file.',
  'import.tableSplit':
    'The table {name} is loaded, but split or prepared differently from this run: set the seed to {seed} and the label column and options as they were, then import again.',
  'import.done':
    'Imported run.json from {date}: settings, weights and gradient statistics restored without retraining (no training curves).',
  'import.doneSkipped':
    'Imported run.json from {date}: settings, weights and gradient statistics restored without retraining (no training curves). Settings not restored: {skipped}.',
  'import.tooLarge':
    '{exact, plural, =1 {This file is {size} bytes; run files are at most {max} bytes.} other {This file is {size} MB; run files are at most {max} MB.}} It was not read.',
  'import.unreadable': 'The file could not be read: {detail}',
} satisfies Record<string, string>;
