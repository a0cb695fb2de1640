import type { Instant } from '../../domain/time.ts';
import { type CrmData, isoOf, type PropertyInput } from './crm-data.ts';
import type { StageInfo } from './pipelines.ts';
import type { ChangeSource, CrmRecord } from './records.ts';

/**
 * Moves a contact's lifecycle stage the way HubSpot records it: `hs_v2_date_entered_<stage>` and
 * `hs_lifecyclestage_<stage>_date` are set, the previous stage gets its `hs_v2_date_exited_*` and
 * time-in, and a move backwards clears the `hs_lifecyclestage_*_date` of the later stages.
 */
export function moveContactStage(
  data: CrmData,
  stages: readonly StageInfo[],
  contactId: string,
  stage: string,
  at: Instant,
  source: ChangeSource,
): CrmRecord {
  const record = data.require('contacts', contactId);
  const previous = record.properties.get('lifecyclestage') ?? null;
  const changes: Record<string, string | number | null> = {
    lifecyclestage: stage,
    [`hs_v2_date_entered_${stage}`]: isoOf(at),
    [`hs_lifecyclestage_${stage}_date`]: isoOf(at),
  };
  if (previous !== null && previous !== stage) {
    changes[`hs_v2_date_exited_${previous}`] = isoOf(at);
    const enteredPrevious = Date.parse(record.properties.get(`hs_v2_date_entered_${previous}`) ?? '');
    if (Number.isFinite(enteredPrevious))
      changes[`hs_v2_latest_time_in_${previous}`] = Math.max(0, Math.round((at - enteredPrevious) / 1000));
    const order = (id: string) => stages.findIndex((s) => s.id === id);
    if (order(stage) >= 0 && order(stage) < order(previous)) {
      for (const later of stages.slice(order(stage) + 1))
        changes[`hs_lifecyclestage_${later.id}_date`] = null;
    }
  }
  return data.update('contacts', contactId, changes, source, at);
}

/** Sets (or clears) the owner and `hubspot_owner_assigneddate`, and marks the contact unworked. */
export function assignContactOwner(
  data: CrmData,
  contactId: string,
  ownerId: string | null,
  at: Instant,
  source: ChangeSource,
): CrmRecord {
  const changes: PropertyInput =
    ownerId === null
      ? { hubspot_owner_id: null }
      : { hubspot_owner_id: ownerId, hubspot_owner_assigneddate: isoOf(at), hs_is_unworked: 'true' };
  return data.update('contacts', contactId, changes, source, at);
}

/** Moves a Leads-object record to a pipeline stage, with its date-entered/exited properties. */
export function moveLeadStage(
  data: CrmData,
  leadId: string,
  stage: string,
  at: Instant,
  source: ChangeSource,
) {
  const record = data.require('leads', leadId);
  const previous = record.properties.get('hs_pipeline_stage') ?? null;
  const changes: Record<string, string> = {
    hs_pipeline_stage: stage,
    [`hs_v2_date_entered_${stage}`]: isoOf(at),
  };
  if (previous !== null && previous !== stage) changes[`hs_v2_date_exited_${previous}`] = isoOf(at);
  return data.update('leads', leadId, changes, source, at);
}
