/**
 * A feature matrix in both sparse layouts, built once and shared by evaluators: CSC (the rows and values
 * of the non-zeros of each column, for incremental first-layer updates) and CSR (per row, for full
 * passes). MNIST pixels are ~80% zero, so both are much smaller and faster than the dense matrix.
 */
export interface SparseFeatures {
  n: number;
  d: number;
  nnz: number;
  colPtr: Uint32Array;
  colRow: Uint32Array;
  colVal: Float32Array;
  rowPtr: Uint32Array;
  rowCol: Uint32Array;
  rowVal: Float32Array;
}

/** @param x row-major `[n, d]`; not kept. */
export function sparseFeatures(x: ArrayLike<number>, n: number, d: number): SparseFeatures {
  let nnz = 0;
  const colCount = new Uint32Array(d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      if (x[r * d + i] !== 0) {
        nnz++;
        colCount[i]++;
      }
    }
  }
  const rowPtr = new Uint32Array(n + 1);
  const rowCol = new Uint32Array(nnz);
  const rowVal = new Float32Array(nnz);
  const colPtr = new Uint32Array(d + 1);
  for (let i = 0; i < d; i++) colPtr[i + 1] = colPtr[i] + colCount[i];
  const colRow = new Uint32Array(nnz);
  const colVal = new Float32Array(nnz);
  const fill = colPtr.slice(0, d);
  let k = 0;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      const v = x[r * d + i];
      if (v === 0) continue;
      rowCol[k] = i;
      rowVal[k++] = v;
      colRow[fill[i]] = r;
      colVal[fill[i]++] = v;
    }
    rowPtr[r + 1] = k;
  }
  return { n, d, nnz, colPtr, colRow, colVal, rowPtr, rowCol, rowVal };
}
