import { InvalidDatabaseUrlError } from './errors.ts';

/** Where the store lives, as DATABASE_URL says (see .env.example). */
export type DatabaseTarget =
  | { readonly kind: 'postgres'; readonly connectionString: string }
  /** `path` is `:memory:` for a throw-away in-memory database (tests). */
  | { readonly kind: 'sqlite'; readonly path: string };

const SQLITE_PREFIXES = ['sqlite://', 'sqlite:', 'file://', 'file:'] as const;

/**
 * `postgres://…` and `postgresql://…` are PostgreSQL; `file:PATH`, `sqlite:PATH`, a plain path or
 * `:memory:` are SQLite. Any other `scheme://` is refused rather than taken for a file name.
 */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  const url = databaseUrl.trim();
  if (url === '') {
    throw new InvalidDatabaseUrlError('DATABASE_URL is empty: use postgres://… or a SQLite file path');
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', connectionString: url };
  const prefix = SQLITE_PREFIXES.find((p) => url.toLowerCase().startsWith(p));
  if (prefix !== undefined) {
    const path = url.slice(prefix.length);
    if (path === '') {
      throw new InvalidDatabaseUrlError(
        `DATABASE_URL '${url}' names no file: use ${prefix}data/sla-bot.sqlite`,
      );
    }
    return { kind: 'sqlite', path };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme !== undefined) {
    throw new InvalidDatabaseUrlError(
      `DATABASE_URL scheme '${scheme}' is not supported: use postgres://… for PostgreSQL, or a SQLite file path`,
    );
  }
  return { kind: 'sqlite', path: url };
}
