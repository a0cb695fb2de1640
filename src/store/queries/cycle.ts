import type { Touch } from '../../domain/model.ts';
import type { Cursors } from '../../ports/crm-source.ts';
import type { CycleWrite } from '../../ports/store.ts';
import { insertEach, insertRows, lastByKey } from '../sql/batch.ts';
import { text } from '../sql/columns.ts';
import type { SqlDriver, SqlExecutor, SqlValue } from '../sql/driver.ts';
import { EVALUATION_COLUMNS, evaluationValues } from './evaluation-columns.ts';
import { INSTANCE_COLUMNS, instanceValues } from './instances.ts';
import { insertOutbox } from './outbox.ts';
import { requestEdits } from './outbox-edits.ts';
import { TOUCH_COLUMNS, touchValues } from './touches.ts';

export async function cursors(db: SqlExecutor): Promise<Cursors> {
  const rows = await db.query('SELECT name, value FROM cursors ORDER BY name');
  return Object.fromEntries(rows.map((row) => [text(row, 'name'), text(row, 'value')]));
}

/**
 * Everything a cycle learned, in one transaction: cursors advance only together with the
 * instances, touches, verdicts and outbox rows they cover. A failure anywhere leaves nothing.
 */
export async function commitCycle(db: SqlDriver, write: CycleWrite): Promise<void> {
  await db.transaction(async (tx) => {
    await insertRows(tx, {
      table: 'cursors',
      columns: ['name', 'value', 'updated_at'],
      rows: Object.entries(write.cursors).map(([name, value]): SqlValue[] => [name, value, write.now]),
      onConflict: 'ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    });
    // A handoff seen again (poll overlap) keeps its first row, and so its firstSeenAt.
    await insertRows(tx, {
      table: 'instances',
      columns: INSTANCE_COLUMNS,
      rows: write.newInstances.map(instanceValues),
      onConflict: 'ON CONFLICT (id) DO NOTHING',
    });
    await insertRows(tx, {
      table: 'instances',
      columns: INSTANCE_COLUMNS,
      rows: lastByKey(write.updatedInstances, (i) => i.id).map(instanceValues),
      // A close made outside the cycle (Slack "Not a fit") is never undone by a worker that missed it.
      onConflict: `ON CONFLICT (id) DO UPDATE SET ${assignExcluded(INSTANCE_COLUMNS, 'id', 'closed_at', 'close_reason', 'close_detail')},
        closed_at = COALESCE(instances.closed_at, excluded.closed_at),
        close_reason = CASE WHEN instances.closed_at IS NULL THEN excluded.close_reason ELSE instances.close_reason END,
        close_detail = CASE WHEN instances.closed_at IS NULL THEN excluded.close_detail ELSE instances.close_detail END`,
    });
    for (const close of write.closed) {
      await tx.run(
        'UPDATE instances SET closed_at = $1, close_reason = $2, close_detail = $3 WHERE id = $4 AND closed_at IS NULL',
        [close.at, close.reason, close.detail ?? null, close.instanceId],
      );
    }
    await insertRows(tx, {
      table: 'touches',
      columns: TOUCH_COLUMNS,
      rows: lastByKey(write.touches, touchKey).map(touchValues),
      onConflict: `ON CONFLICT (contact_id, id) DO UPDATE SET ${assignExcluded(TOUCH_COLUMNS, 'contact_id', 'id')}`,
    });
    await insertEach(tx, {
      table: 'evaluations',
      columns: EVALUATION_COLUMNS,
      items: lastByKey(write.evaluations, (e) => e.instanceId),
      values: (e) => evaluationValues(e, write.now),
      onConflict: `ON CONFLICT (instance_id) DO UPDATE SET ${assignExcluded(EVALUATION_COLUMNS, 'instance_id')}`,
    });
    await insertOutbox(tx, write.outbox, write.now);
    // After the new rows: only messages already sent are checked (new ones are rendered from the truth).
    await requestEdits(tx, write.recheck ?? [], write.now);
  });
}

const touchKey = (t: Touch): string => `${t.contactId}\u0000${t.id}`;

const assignExcluded = (columns: readonly string[], ...keys: readonly string[]): string =>
  columns
    .filter((c) => !keys.includes(c))
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
