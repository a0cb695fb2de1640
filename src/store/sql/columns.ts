import { StoreQueryError } from '../errors.ts';
import type { SqlRow } from './driver.ts';

/**
 * Typed reads of row columns. A wrong type means the database was edited by hand or by another
 * program: fail loudly, naming the column, rather than carry a bad value into SLA verdicts.
 */
export function text(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value === 'string') return value;
  throw corrupt(column, value, 'text');
}

export function textOrNull(row: SqlRow, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : text(row, column);
}

export function int(row: SqlRow, column: string): number {
  const value = row[column];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw corrupt(column, value, 'a number');
}

export function intOrNull(row: SqlRow, column: string): number | null {
  const value = row[column];
  return value === null || value === undefined ? null : int(row, column);
}

/** A boolean column: `true`/`false` (PostgreSQL) or 1/0 (SQLite). */
export function flag(row: SqlRow, column: string): boolean {
  const value = row[column];
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  throw corrupt(column, value, 'a boolean');
}

/**
 * JSON this store wrote itself (lead snapshots, evaluations, outbox payloads). Its shape is the
 * domain type it was serialised from; the schema is versioned by the migrations, not re-validated
 * per row (100,000 open instances are read every cycle).
 */
export function storedJson<T>(row: SqlRow, column: string): T {
  const raw = text(row, column);
  try {
    return JSON.parse(raw) as T;
  } catch (error) {
    throw new StoreQueryError(`Stored column ${column} holds invalid JSON`, null, { cause: error });
  }
}

export function storedJsonOrNull<T>(row: SqlRow, column: string): T | null {
  const value = row[column];
  return value === null || value === undefined ? null : storedJson<T>(row, column);
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(row: SqlRow, column: string, allowed: readonly T[]): T {
  const value = text(row, column);
  const match = allowed.find((a) => a === value);
  if (match !== undefined) return match;
  throw corrupt(column, value, allowed.join('|'));
}

export const json = (value: unknown): string => JSON.stringify(value ?? null);

const corrupt = (column: string, value: unknown, expected: string) =>
  new StoreQueryError(
    `Stored column ${column} holds ${JSON.stringify(value) ?? typeof value}, expected ${expected}`,
    null,
  );
