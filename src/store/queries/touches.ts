import type { Touch } from '../../domain/model.ts';
import type { TouchKind } from '../../domain/policy.ts';
import { queryByIds } from '../sql/batch.ts';
import { int, intOrNull, oneOf, text, textOrNull } from '../sql/columns.ts';
import type { SqlExecutor, SqlRow, SqlValue } from '../sql/driver.ts';

export const TOUCH_COLUMNS = [
  'contact_id',
  'id',
  'kind',
  'at',
  'owner_id',
  'direction',
  'status',
  'outcome',
  'duration_ms',
] as const;

export const touchValues = (t: Touch): SqlValue[] => [
  t.contactId,
  t.id,
  t.kind,
  t.at,
  t.ownerId,
  t.direction,
  t.status,
  t.outcome,
  t.durationMs,
];

const KINDS: readonly TouchKind[] = ['call', 'email', 'meeting'];
const DIRECTIONS: readonly ('outbound' | 'inbound')[] = ['outbound', 'inbound'];

/** Touches on these contacts, oldest first. */
export async function touchesOf(db: SqlExecutor, contactIds: readonly string[]): Promise<Touch[]> {
  const rows = await queryByIds(contactIds, (placeholders, ids) =>
    db.query(`SELECT ${TOUCH_COLUMNS.join(', ')} FROM touches WHERE contact_id IN (${placeholders})`, ids),
  );
  return rows
    .map(touch)
    .sort((a, b) => a.at - b.at || compare(a.contactId, b.contactId) || compare(a.id, b.id));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function touch(row: SqlRow): Touch {
  return {
    id: text(row, 'id'),
    kind: oneOf(row, 'kind', KINDS),
    contactId: text(row, 'contact_id'),
    at: int(row, 'at'),
    ownerId: textOrNull(row, 'owner_id'),
    direction: textOrNull(row, 'direction') === null ? null : oneOf(row, 'direction', DIRECTIONS),
    status: textOrNull(row, 'status'),
    outcome: textOrNull(row, 'outcome'),
    durationMs: intOrNull(row, 'duration_ms'),
  };
}
