/** The door of `src/core/data/`: datasets and splits, the MNIST file format, a user's table read and prepared. Import this room through here, never a file inside it. */
export * from './dataset';
export * from './mnistFormat';
export * from './tableColumns';
export * from './tableRules';
export * from './tabular';
export * from './tabularJson';
export * from './tabularPrep';
