import type { Outage, Silence } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import { int, oneOf, text } from '../sql/columns.ts';
import type { SqlExecutor, SqlRow } from '../sql/driver.ts';

const SILENCE_SELECT =
  'SELECT id, scope_kind, scope_value, from_at, until_at, reason, created_by FROM silences';

/** Saves a silence; saving the same id again replaces it (e.g. ended early). */
export async function addSilence(db: SqlExecutor, s: Silence): Promise<void> {
  const scopeValue = s.scope.kind === 'owner' ? s.scope.ownerId : s.scope.team;
  await db.run(
    `INSERT INTO silences (id, scope_kind, scope_value, from_at, until_at, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET scope_kind = excluded.scope_kind, scope_value = excluded.scope_value,
       from_at = excluded.from_at, until_at = excluded.until_at, reason = excluded.reason,
       created_by = excluded.created_by`,
    [s.id, s.scope.kind, scopeValue, s.from, s.until, s.reason, s.by],
  );
}

export async function silencesActiveAt(db: SqlExecutor, at: Instant): Promise<Silence[]> {
  const rows = await db.query(
    `${SILENCE_SELECT} WHERE until_at > $1 AND from_at <= $1 ORDER BY from_at, id`,
    [at],
  );
  return rows.map(silence);
}

export async function silencesBetween(db: SqlExecutor, from: Instant, until: Instant): Promise<Silence[]> {
  const rows = await db.query(`${SILENCE_SELECT} WHERE until_at > $1 AND from_at < $2 ORDER BY from_at, id`, [
    from,
    until,
  ]);
  return rows.map(silence);
}

function silence(row: SqlRow): Silence {
  const kind = oneOf(row, 'scope_kind', ['owner', 'team'] as const);
  const value = text(row, 'scope_value');
  return {
    id: text(row, 'id'),
    scope: kind === 'owner' ? { kind, ownerId: value } : { kind, team: value },
    from: int(row, 'from_at'),
    until: int(row, 'until_at'),
    reason: text(row, 'reason'),
    by: text(row, 'created_by'),
  };
}

/** Records an outage; the same system and start again extends it (the later end wins). */
export async function recordOutage(db: SqlExecutor, o: Outage): Promise<void> {
  await db.run(
    `INSERT INTO outages (system, from_at, until_at) VALUES ($1, $2, $3)
     ON CONFLICT (system, from_at) DO UPDATE SET until_at =
       CASE WHEN excluded.until_at > outages.until_at THEN excluded.until_at ELSE outages.until_at END`,
    [o.system, o.from, o.until],
  );
}

/** Outages overlapping [from, until). */
export async function outages(db: SqlExecutor, from: Instant, until: Instant): Promise<Outage[]> {
  const rows = await db.query(
    'SELECT system, from_at, until_at FROM outages WHERE until_at > $1 AND from_at < $2 ORDER BY from_at, system',
    [from, until],
  );
  return rows.map((row) => ({
    system: oneOf(row, 'system', ['hubspot', 'slack', 'worker'] as const),
    from: int(row, 'from_at'),
    until: int(row, 'until_at'),
  }));
}
