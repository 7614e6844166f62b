/** The door of `src/core/formats/`: the files the lab writes and reads: run, snapshot, TF.js export, quantisation, compact format. Import this room through here, never a file inside it. */
export * from './compactFormat';
export * from './exportFormat';
export * from './exportQuantized';
export * from './quantize';
export * from './runFile';
export * from './runFileData';
export * from './runFormat';
export * from './snapshotDecode';
export * from './snapshotFormat';
export { readLayersModel, type ImportedModel } from './importModel';
export * from './runFileForget';
