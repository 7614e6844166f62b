/// <reference lib="webworker" />
/**
 * The table worker: parses a user's file (src/core/data/tabular.ts), describes its columns and prepares the
 * table for training (src/core/data/tabularPrep.ts) with the options the page sends, off the main thread.
 * Keeps the last table it could parse (a refused file leaves it); its prepared arrays are transferred to the page.
 */
import { parseTable, type RawTable, contentHash, describeColumns, prepareTable } from '../core/data';
import { PREVIEW_ROWS, type FromTable, type ToTable } from './tableProtocol';

declare const self: DedicatedWorkerGlobalScope;

let current: { raw: RawTable; name: string; hash: string } | null = null;

const post = (msg: FromTable, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

async function handle(msg: ToTable): Promise<void> {
  if (msg.type === 'read') {
    const bytes = new Uint8Array(msg.bytes);
    const parsed = parseTable(bytes, msg.name, { header: msg.header });
    if ('problem' in parsed) return post({ type: 'problem', id: msg.id, problem: parsed.problem });
    const hash = await contentHash(bytes);
    current = { raw: parsed.table, name: msg.name, hash };
    const t = parsed.table;
    return post({
      type: 'read',
      id: msg.id,
      readout: {
        name: msg.name,
        bytes: bytes.length,
        hash,
        rows: t.rows.length,
        delimiter: t.delimiter,
        headerless: !!t.headerless,
        columns: describeColumns(t),
        preview: t.rows.slice(0, PREVIEW_ROWS),
      },
    });
  }
  if (!current) return post({ type: 'error', id: msg.id, message: 'no table has been read' });
  const result = prepareTable(current.raw, msg.options, { name: current.name, hash: current.hash });
  if ('problem' in result) return post({ type: 'problem', id: msg.id, problem: result.problem });
  const d = result.data;
  const table = {
    name: d.name,
    hash: d.hash,
    rows: d.y.length,
    featureNames: d.featureNames,
    classNames: d.classNames,
    x: d.x,
    y: d.y,
  };
  post(
    {
      type: 'prepared',
      id: msg.id,
      prepared: {
        table,
        trainIndices: d.trainIndices,
        valIndices: d.valIndices,
        classCounts: d.classCounts,
        imputed: d.imputed,
      },
    },
    [d.x.buffer, d.y.buffer, d.trainIndices.buffer, d.valIndices.buffer] as Transferable[],
  );
}

self.onmessage = (ev: MessageEvent<ToTable>) => {
  const msg = ev.data;
  handle(msg).catch((e) => post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) }));
};
