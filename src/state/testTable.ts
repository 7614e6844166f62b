/** A prepared user table in the app state, for the unit tests of the data choice (values are zeros). */
import type { TablePrepared } from '../data/tableProtocol';
import { initialState, type AppState } from './store';

export interface TableShape {
  train: number;
  val: number;
  inputs: number;
  classes: number;
  name?: string;
  hash?: string;
}

export function preparedTable({
  train,
  val,
  inputs,
  classes,
  name = 'iris.csv',
  hash = 'f00d',
}: TableShape): TablePrepared {
  const rows = train + val;
  const table = {
    name,
    hash,
    rows,
    featureNames: Array.from({ length: inputs }, (_, i) => `f${i}`),
    classNames: Array.from({ length: classes }, (_, i) => `c${i}`),
    x: new Float32Array(rows * inputs),
    y: new Uint8Array(rows),
  };
  const idx = (from: number, n: number) => Uint32Array.from({ length: n }, (_, i) => from + i);
  return {
    table,
    trainIndices: idx(0, train),
    valIndices: idx(train, val),
    classCounts: Array(classes).fill(0),
    imputed: [],
  };
}

/** The state with `shape` loaded and prepared; `chosen`: it is also what Train trains (`flags.table`). */
export function tableState(shape: TableShape, chosen = true, base: AppState = initialState()): AppState {
  const prepared = preparedTable(shape);
  return {
    ...base,
    flags: { ...base.flags, table: chosen ? prepared.table.name : null },
    userData: { ...base.userData, status: 'ready', prepared },
  };
}
