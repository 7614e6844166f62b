/**
 * Page side of the table worker: numbers requests and hands every answer to one listener (the page
 * keeps only the newest). The file's bytes are transferred, not copied.
 */
import type { PrepOptions } from '../core/data';
import type { FromTable, ToTable } from './tableProtocol';

export interface TablePort {
  postMessage(msg: ToTable, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<FromTable>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface TableClient {
  /** `header` false: the file has no header row. */
  read(name: string, bytes: ArrayBuffer, header?: boolean): number;
  prepare(options: PrepOptions): number;
  /** A new request id without a message: every pending answer is now out of date. */
  skip(): number;
}

const defaultPort = (): TablePort =>
  new Worker(new URL('./tableWorker.ts', import.meta.url), { type: 'module', name: 'table' }) as unknown as TablePort;

/** The worker starts on the first request (most visits never bring a table). */
export function createTableClient(
  onMessage: (msg: FromTable) => void,
  makePort: () => TablePort = defaultPort,
): TableClient {
  let id = 0;
  let port: TablePort | null = null;
  const connect = () => {
    if (port) return port;
    port = makePort();
    port.onmessage = (ev) => onMessage(ev.data);
    port.onerror = (ev) => {
      ev.preventDefault();
      onMessage({ type: 'error', id, message: ev.message || 'The table worker crashed.' });
    };
    return port;
  };
  return {
    read(name, bytes, header = true) {
      connect().postMessage({ type: 'read', id: ++id, name, bytes, header }, [bytes]);
      return id;
    },
    skip: () => ++id,
    prepare(options) {
      connect().postMessage({ type: 'prepare', id: ++id, options });
      return id;
    },
  };
}
