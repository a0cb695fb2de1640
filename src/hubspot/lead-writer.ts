import { DateTime } from 'luxon';
import type { Clock } from '../clock/clock.ts';
import type { SlaConfig } from '../config/types.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import type { SlaInstance } from '../domain/model.ts';
import { MINUTE } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { LeadWriter } from '../ports/lead-writer.ts';
import { breachTaskMarker, createBreachTaskOnce } from './breach-task.ts';
import type { HubSpotClient } from './hubspot-client.ts';
import { ops } from './operations.ts';
import { reassignOwner } from './reassign-owner.ts';
import { completeRetractedBreachTask, RETRACTED_NOTE } from './retract-breach-task.ts';
import { outcomeProperties } from './write-back-properties.ts';

export interface HubSpotLeadWriterDeps {
  readonly client: HubSpotClient;
  readonly config: SlaConfig;
  readonly logger: Logger;
  readonly clock: Clock;
}

/**
 * `LeadWriter` on HubSpot contacts (a reassignment of a Leads-object instance moves its lead record).
 * Nothing is written unless `hubspot.write_back.enabled`; breach tasks also need
 * `create_task_on_breach`, are created at most once (breach-task.ts) and completed when their breach
 * is retracted (retract-breach-task.ts). Skipped writes are logged at debug level.
 */
export function createHubSpotLeadWriter(deps: HubSpotLeadWriterDeps): LeadWriter {
  const { api } = deps.client;
  const writeBack = deps.config.hubspot.writeBack;
  const update = (contactId: string, properties: Record<string, string>) =>
    api.call(ops.updateContact, () =>
      api.sdk.crm.objects.basicApi.update('contacts', contactId, { properties }),
    );
  const skipped = (what: string, instance: SlaInstance): void =>
    deps.logger.debug({ instance: instance.id, what }, 'hubspot write-back off, nothing written');
  const when = (t: number) =>
    DateTime.fromMillis(t, { zone: deps.config.timezone }).toFormat('yyyy-MM-dd HH:mm ZZZZ');

  return {
    async writeOutcome(instance, evaluation) {
      if (!writeBack.enabled) return skipped('outcome', instance);
      await update(instance.lead.contactId, outcomeProperties(instance, evaluation));
      deps.logger.debug({ instance: instance.id }, 'hubspot sla outcome written');
    },

    async createBreachTask(instance, evaluation) {
      if (!writeBack.enabled || !writeBack.createTaskOnBreach) return skipped('breach task', instance);
      const marker = breachTaskMarker(instance.id);
      const properties: Record<string, string> = {
        hs_timestamp: String(deps.clock.now()),
        hs_task_subject: `SLA breached: call ${leadName(instance)} now`,
        hs_task_body: `${breachBody(instance, evaluation, when)}\n${marker}`,
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
        hs_task_type: 'CALL',
      };
      if (instance.ownerId !== null) properties.hubspot_owner_id = instance.ownerId;
      const task = { contactId: instance.lead.contactId, marker, properties };
      const { taskId, created } = await createBreachTaskOnce(api, task, deps.logger);
      deps.logger.info(
        { instance: instance.id, taskId },
        created ? 'hubspot breach task created' : 'hubspot breach task already there, not created again',
      );
    },

    async retractBreachTask(instance, evaluation) {
      if (!writeBack.enabled || !writeBack.createTaskOnBreach) return skipped('breach retraction', instance);
      const fc = evaluation.firstContact;
      if (fc.state !== 'met') return;
      const note = `${RETRACTED_NOTE}, contact logged at ${when(fc.at)} (the deadline was ${when(fc.deadline)}).`;
      const task = { contactId: instance.lead.contactId, marker: breachTaskMarker(instance.id), note };
      const result = await completeRetractedBreachTask(api, task);
      deps.logger.info(
        { instance: instance.id, ...(result.kind === 'none' ? {} : { taskId: result.taskId }) },
        result.kind === 'completed'
          ? 'hubspot breach task completed: breach retracted'
          : result.kind === 'already'
            ? 'hubspot breach task already completed as retracted'
            : 'no hubspot breach task to complete for the retracted breach',
      );
    },

    async markNotAFit(instance, reason, leadStatus) {
      if (!writeBack.enabled) return skipped('not a fit', instance);
      const contactId = instance.lead.contactId;
      const extra = { sla_bot_not_a_fit_reason: reason };
      if (deps.config.recycleStages.includes(leadStatus)) {
        // HubSpot only moves a lifecycle stage backwards after it has been cleared.
        await update(contactId, { lifecyclestage: '' });
        await update(contactId, { lifecyclestage: leadStatus, ...extra });
      } else {
        await update(contactId, { hs_lead_status: leadStatus, ...extra });
      }
      deps.logger.info({ instance: instance.id, leadStatus }, 'hubspot lead marked not a fit');
    },

    async reassignOwner(record, from, to) {
      const result = await reassignOwner(api, record, from, to);
      const { objectType, objectId } = record;
      deps.logger.info({ objectType, objectId, from, to, result }, 'hubspot owner reassignment');
      return result;
    },
  };
}

const leadName = (instance: SlaInstance): string =>
  [instance.lead.firstName, instance.lead.lastName].filter((n) => n !== null).join(' ') ||
  instance.lead.email ||
  `contact ${instance.lead.contactId}`;

function breachBody(instance: SlaInstance, evaluation: Evaluation, when: (t: number) => string): string {
  const fc = evaluation.firstContact;
  const lines = [
    `Entered ${instance.stage} at ${when(instance.enteredAt)}; first contact was due by ${when(fc.deadline)}.`,
    fc.state === 'breached' ? `Late by ${Math.round(fc.lateBy / MINUTE)} min.` : '',
    evaluation.attempts
      ? `Attempts so far: ${evaluation.attempts.made} of ${evaluation.attempts.required}.`
      : '',
    instance.lead.phone ? `Phone: ${instance.lead.phone}` : '',
    `Record: ${instance.lead.url}`,
  ];
  return lines.filter((l) => l !== '').join('\n');
}
