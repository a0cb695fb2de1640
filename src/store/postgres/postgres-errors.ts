import { StoreBusyError, StoreError, StoreQueryError, StoreUnavailableError } from '../errors.ts';

/** Network failures of the socket to PostgreSQL. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** SQLSTATEs meaning "the server is going away or full": try again later. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);

/** SQLSTATEs of concurrency conflicts: the transaction was rolled back and may be retried. */
const CONFLICT_STATES = new Set(['40001', '40P01', '55P03']);

/** pg's own connection errors carry no code. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed/i;

const HINTS: Readonly<Record<string, string>> = {
  '28P01': 'check the user and password in DATABASE_URL',
  '28000': 'check the user in DATABASE_URL and pg_hba.conf',
  '3D000': 'create the database named in DATABASE_URL first',
  '42501': 'grant the DATABASE_URL user rights to create tables in its schema',
};

/** Maps a `pg` error to a typed store error. Never includes the connection string (it may hold a password). */
export function toStoreError(error: unknown, what: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== null && (NETWORK_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_STATES.has(code))) {
    return new StoreUnavailableError(`PostgreSQL is unreachable during ${what} (${code}): ${message}`, {
      cause: error,
    });
  }
  if (code === null && CONNECTION_MESSAGES.test(message)) {
    return new StoreUnavailableError(`PostgreSQL connection failed during ${what}: ${message}`, {
      cause: error,
    });
  }
  if (code !== null && CONFLICT_STATES.has(code)) {
    return new StoreBusyError(`PostgreSQL ${what} hit a concurrent transaction (${code})`, { cause: error });
  }
  const hint = code === null ? undefined : HINTS[code];
  return new StoreQueryError(
    `PostgreSQL ${what} failed${code === null ? '' : ` (${code})`}: ${message}${hint ? `; ${hint}` : ''}`,
    code,
    { cause: error },
  );
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}
