import type { SqlValue } from '../sql/driver.ts';

/**
 * Messages between the SQLite driver (main thread) and its thread (`sqlite-thread.ts`). The main
 * thread sends one request at a time and waits for its answer (the driver's queue sees to that).
 */
export type ThreadRequest =
  | { readonly id: number; readonly op: 'open'; readonly path: string; readonly busyTimeoutMs: number }
  | {
      readonly id: number;
      readonly op: 'query' | 'run';
      readonly sql: string;
      readonly params: readonly SqlValue[];
    }
  | { readonly id: number; readonly op: 'script'; readonly sql: string }
  | { readonly id: number; readonly op: 'begin' | 'commit' | 'rollback' | 'close' };

/** The main thread has taken in one more chunk of the rows of query `id` (flow control). */
export interface MoreRows {
  readonly op: 'more';
  readonly id: number;
}

export type ToThread = ThreadRequest | MoreRows;

/** What a failed statement raised in the thread, as far as it survives a structured clone. */
export interface ThreadFailure {
  readonly message: string;
  /** SQLite's extended result code, when the error came from SQLite. */
  readonly errcode: number | null;
  readonly stack: string | null;
}

export type ThreadReply =
  /** A chunk of a query's rows, each an array of values in `columns` order; `done` on the last one (possibly empty). */
  | {
      readonly id: number;
      readonly kind: 'rows';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly unknown[])[];
      readonly done: boolean;
    }
  | { readonly id: number; readonly kind: 'changes'; readonly changes: number }
  | { readonly id: number; readonly kind: 'done' }
  | { readonly id: number; readonly kind: 'failed'; readonly failure: ThreadFailure };

/**
 * Rows travel in chunks so that neither thread holds a large result twice over: the thread keeps at
 * most `CHUNKS_IN_FLIGHT` chunks not yet taken in, and the main thread copies each in a few
 * milliseconds (100,000 stored instances are ~190 MB as one structured clone: 0.5–1 s of main-thread
 * time at once).
 */
export const ROWS_PER_CHUNK = 500;
export const CHUNKS_IN_FLIGHT = 2;
