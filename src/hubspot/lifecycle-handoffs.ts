import type { StageDefinition } from '../config/types.ts';
import type { Handoff } from '../domain/model.ts';
import type { LeadChange } from '../ports/crm-source.ts';
import { keysetScan } from './keyset-scan.ts';
import { snapshotProperties, toLeadSnapshot } from './lead-snapshot.ts';
import { dateEntered, type PollContext, type StepResult, scanStep } from './poll-context.ts';
import { parseInstant, text } from './values.ts';

const lifecycleValues = (ctx: PollContext): { order: number; value: string }[] =>
  ctx.config.stages.flatMap((s) =>
    s.source.kind === 'lifecycle_stage' ? [{ order: s.order, value: s.source.value }] : [],
  );

/**
 * Contacts that entered a lifecycle stage since the cursor: one search on `hs_v2_date_entered_<value>`
 * (custom stages by their numeric id), ascending, deduped on `(contact, enteredAt)`. A contact that
 * entered a later configured stage before this one moved backwards: that also comes back as
 * `left_funnel` so the later stage's instance closes.
 */
export async function lifecycleHandoffs(
  ctx: PollContext,
  stage: StageDefinition,
  value: string,
  cursorKey: string,
  cursorText: string | undefined,
): Promise<StepResult> {
  const sortProperty = dateEntered(value);
  const later = lifecycleValues(ctx).filter((s) => s.order > stage.order);
  const properties = snapshotProperties(ctx.config, [
    sortProperty,
    ...lifecycleValues(ctx).map((s) => dateEntered(s.value)),
  ]);
  const outcome = await keysetScan(
    ctx.api,
    { objectType: 'contacts', sortProperty, groups: () => [[]], properties, what: 'contact' },
    cursorText,
    ctx.scan,
    ctx.logger,
  );
  const handoffs: Handoff[] = [];
  const changes: LeadChange[] = [];
  for (const { record, t } of outcome.records) {
    const key = `${record.id}|${t}`;
    if (outcome.seen(key)) continue;
    outcome.markSeen(key, t);
    const props = record.properties;
    const ownerId = text(props.hubspot_owner_id);
    if (ownerId === null)
      ctx.logger.info({ contact: record.id, stage: stage.key }, 'hubspot handoff without owner');
    handoffs.push({
      lead: toLeadSnapshot(record.id, props, ctx.links),
      stage: stage.key,
      enteredAt: t,
      ownerId,
      ownerAssignedAt: parseInstant(props.hubspot_owner_assigneddate),
    });
    const movedBack = later.some((l) => {
      const enteredLater = parseInstant(props[dateEntered(l.value)]);
      return enteredLater !== null && enteredLater < t;
    });
    if (movedBack)
      changes.push({
        kind: 'left_funnel',
        objectType: 'contact',
        objectId: record.id,
        toStage: value,
        at: t,
      });
  }
  return scanStep(outcome, cursorKey, { handoffs, changes });
}
