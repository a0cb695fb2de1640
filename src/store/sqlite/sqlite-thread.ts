/**
 * The SQLite thread: owns the one `node:sqlite` connection and runs what the driver sends it
 * (`sqlite-protocol.ts`). `node:sqlite` is synchronous: a statement waiting for another process's
 * lock (busy_timeout) or for the disk blocks this thread, not the process's event loop (ADR 0013).
 */
import { parentPort } from 'node:worker_threads';
import { type RowValues, SqliteConnection } from './sqlite-connection.ts';
import {
  CHUNKS_IN_FLIGHT,
  ROWS_PER_CHUNK,
  type ThreadFailure,
  type ThreadReply,
  type ThreadRequest,
  type ToThread,
} from './sqlite-protocol.ts';

if (parentPort === null) throw new Error('sqlite-thread.ts runs as a worker thread of the SQLite driver');
const port = parentPort;

let connection: SqliteConnection | null = null;
/** The query whose rows are being sent, how many of its chunks are not yet taken in, and who waits. */
interface Stream {
  id: number;
  inFlight: number;
  wake: (() => void) | null;
}
const stream: Stream = { id: -1, inFlight: 0, wake: null };
let tail: Promise<void> = Promise.resolve();

port.on('message', (message: ToThread) => {
  if (message.op === 'more') {
    if (message.id !== stream.id) return;
    stream.inFlight -= 1;
    stream.wake?.();
    stream.wake = null;
    return;
  }
  tail = tail.then(() => handle(message));
});

const reply = (message: ThreadReply): void => port.postMessage(message);

async function handle(request: ThreadRequest): Promise<void> {
  const { id } = request;
  try {
    switch (request.op) {
      case 'open':
        connection = new SqliteConnection(request.path, request.busyTimeoutMs);
        break;
      case 'query':
        await sendRows(id, open().rows(request.sql, request.params));
        return;
      case 'run':
        reply({ id, kind: 'changes', changes: open().run(request.sql, request.params) });
        return;
      case 'script':
        open().exec(request.sql);
        break;
      case 'begin':
        open().begin();
        break;
      case 'commit':
        open().commit();
        break;
      case 'rollback':
        open().rollback();
        break;
      case 'close':
        connection?.close();
        connection = null;
        break;
    }
    reply({ id, kind: 'done' });
  } catch (error) {
    reply({ id, kind: 'failed', failure: failureOf(error) });
  }
}

function open(): SqliteConnection {
  if (connection === null) throw new Error('the database is not open');
  return connection;
}

/** Posts the rows in chunks, waiting while `CHUNKS_IN_FLIGHT` of them are not yet taken in. */
async function sendRows(id: number, { columns, values }: RowValues): Promise<void> {
  stream.id = id;
  stream.inFlight = 0;
  try {
    let chunk: (readonly unknown[])[] = [];
    for (const row of values) {
      if (!Array.isArray(row)) throw new TypeError('node:sqlite returned a row that is not an array');
      chunk.push(row);
      if (chunk.length < ROWS_PER_CHUNK) continue;
      reply({ id, kind: 'rows', columns, rows: chunk, done: false });
      chunk = [];
      stream.inFlight += 1;
      while (stream.inFlight >= CHUNKS_IN_FLIGHT) {
        await new Promise<void>((resolve) => {
          stream.wake = resolve;
        });
      }
    }
    reply({ id, kind: 'rows', columns, rows: chunk, done: true });
  } finally {
    stream.id = -1;
  }
}

function failureOf(error: unknown): ThreadFailure {
  const failure: { errcode?: unknown; message?: unknown; stack?: unknown } =
    typeof error === 'object' && error !== null ? error : {};
  return {
    message: typeof failure.message === 'string' ? failure.message : String(error),
    errcode: typeof failure.errcode === 'number' ? failure.errcode : null,
    stack: typeof failure.stack === 'string' ? failure.stack : null,
  };
}
