import { Worker } from 'node:worker_threads';
import { type StoreError, StoreQueryError, StoreUnavailableError } from '../errors.ts';
import type { SqlRow, SqlValue } from '../sql/driver.ts';
import { toStoreError } from './sqlite-errors.ts';
import type { ThreadFailure, ThreadReply, ThreadRequest, ToThread } from './sqlite-protocol.ts';

type Answer =
  | { readonly kind: 'rows'; readonly rows: readonly SqlRow[] }
  | { readonly kind: 'changes'; readonly changes: number }
  | { readonly kind: 'done' };

interface Pending {
  readonly what: string;
  readonly rows: SqlRow[];
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: StoreError) => void;
}

type Command = Extract<ThreadRequest, { op: 'open' | 'script' | 'begin' | 'commit' | 'rollback' | 'close' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The main thread's end of the SQLite thread (`sqlite-thread.ts`): posts a request, resolves with
 * its answer, and maps a failure to a store error exactly as the synchronous driver did. The thread
 * keeps the process alive only while a request is pending, as an open `DatabaseSync` never did.
 */
export class SqliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;
  /** Why the thread stopped on its own, failing every later request. */
  #died: StoreError | null = null;

  constructor() {
    // None of the process's own flags (`--input-type`, `--eval`, a test runner's) are for the thread.
    this.#worker = new Worker(new URL('./sqlite-thread.ts', import.meta.url), { execArgv: [] });
    this.#worker.unref();
    this.#worker.on('message', (reply: ThreadReply) => this.#receive(reply));
    this.#worker.on('error', (error) =>
      this.#fail(
        new StoreUnavailableError(`The SQLite thread failed (${error.message}); restart sla-bot`, {
          cause: error,
        }),
      ),
    );
    this.#worker.on('exit', (code) =>
      this.#fail(new StoreUnavailableError(`The SQLite thread stopped (exit code ${code}); restart sla-bot`)),
    );
  }

  get stopped(): boolean {
    return this.#closed || this.#died !== null;
  }

  async query(sql: string, params: readonly SqlValue[]): Promise<readonly SqlRow[]> {
    const answer = await this.#call({ op: 'query', sql, params }, 'query');
    return answer.kind === 'rows' ? answer.rows : [];
  }

  async run(sql: string, params: readonly SqlValue[]): Promise<number> {
    const answer = await this.#call({ op: 'run', sql, params }, 'statement');
    return answer.kind === 'changes' ? answer.changes : 0;
  }

  async command(request: WithoutId<Command>, what: string): Promise<void> {
    await this.#call(request, what);
  }

  /** Ends the thread (after `close`); later requests fail as on a closed database. */
  async stop(): Promise<void> {
    this.#closed = true;
    await this.#worker.terminate();
  }

  #call(request: WithoutId<ThreadRequest>, what: string): Promise<Answer> {
    if (this.#closed)
      return Promise.reject(new StoreQueryError(`SQLite ${what} failed: database is not open`, null));
    if (this.#died !== null) return Promise.reject(this.#died);
    const id = this.#nextId++;
    return new Promise<Answer>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { what, rows: [], resolve, reject });
      this.#post({ ...request, id });
    });
  }

  #post(message: ToThread): void {
    this.#worker.postMessage(message);
  }

  #receive(reply: ThreadReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    if (reply.kind === 'rows') {
      for (const values of reply.rows) pending.rows.push(rowOf(reply.columns, values));
      if (!reply.done) {
        this.#post({ op: 'more', id: reply.id });
        return;
      }
    }
    this.#settle(reply.id);
    if (reply.kind === 'failed') pending.reject(toStoreError(rebuilt(reply.failure), pending.what));
    else if (reply.kind === 'rows') pending.resolve({ kind: 'rows', rows: pending.rows });
    else pending.resolve(reply);
  }

  #settle(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  #fail(error: StoreError): void {
    if (this.#closed) return;
    this.#died ??= error;
    for (const [id, pending] of this.#pending) {
      this.#settle(id);
      pending.reject(error);
    }
  }
}

/** The thread's error as an `Error` carrying SQLite's result code, for `toStoreError`. */
function rebuilt(failure: ThreadFailure): Error {
  const error = Object.assign(new Error(failure.message), { errcode: failure.errcode });
  if (failure.stack !== null) error.stack = failure.stack;
  return error;
}

/** A row as the queries read it: column name → value. */
function rowOf(columns: readonly string[], values: readonly unknown[]): SqlRow {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) {
    const name = columns[i];
    if (name !== undefined) row[name] = values[i];
  }
  return row;
}
