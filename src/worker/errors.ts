/** Coded errors of the worker. `retryable` tells a passing fault from one that needs a person. */
export type WorkerErrorCode =
  | 'sla_worker_hubspot_failed'
  | 'sla_worker_store_failed'
  | 'sla_worker_no_policy'
  | 'sla_worker_shutdown_timeout';

export class WorkerError extends Error {
  override readonly name = 'WorkerError';
  readonly code: WorkerErrorCode;
  readonly retryable: boolean;
  constructor(code: WorkerErrorCode, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
  }
}

/** A readable one-line description of anything thrown, for logs and stored errors. */
export const describeError = (err: unknown): string => {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
};
