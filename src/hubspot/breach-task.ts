import { createHash } from 'node:crypto';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/index.js';
import type { Logger } from '../log/logger.ts';
import { readAssociations } from './associations.ts';
import { batchRead } from './batch-read.ts';
import { HubSpotAmbiguousWriteError } from './errors.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import { ops } from './operations.ts';
import type { Properties } from './schemas.ts';
import { text } from './values.ts';

/** Task → contact association type (HubSpot-defined). */
const TASK_TO_CONTACT = 204;

/**
 * The last line of a breach task's body: a key derived from the SLA instance, so a later attempt can
 * tell its own task from every other task on the contact. Hex only, so no HTML escaping of the body
 * can change it.
 */
export const breachTaskMarker = (instanceId: string): string =>
  `sla-bot ref: breach-${createHash('sha256').update(instanceId).digest('hex').slice(0, 16)}`;

/** A breach task found on its contact: its id, its body as HubSpot keeps it, and the other properties read. */
export interface FoundBreachTask {
  readonly id: string;
  readonly body: string;
  readonly properties: Properties;
}

/**
 * The task an earlier attempt created for this breach, or `null`. Reads the contact's tasks through
 * associations v4 and their bodies (and `properties`) by id (direct reads: no search index lag, so a
 * task created a moment ago is found), and matches the marker.
 */
export async function findBreachTask(
  api: HubSpotApi,
  contactId: string,
  marker: string,
  properties: readonly string[] = [],
): Promise<FoundBreachTask | null> {
  const links = await readAssociations(api, 'contacts', 'tasks', [contactId]);
  const taskIds = (links.byFrom.get(contactId) ?? []).map((a) => a.toId);
  if (taskIds.length === 0) return null;
  const read = await batchRead(api, 'tasks', taskIds, ['hs_task_body', ...properties]);
  for (const [id, task] of read.records) {
    const body = text(task.properties.hs_task_body);
    if (body?.includes(marker)) return { id, body, properties: task.properties };
  }
  return null;
}

export interface BreachTask {
  readonly contactId: string;
  /** `breachTaskMarker(instance.id)`; must be the last line of `properties.hs_task_body`. */
  readonly marker: string;
  readonly properties: Readonly<Record<string, string>>;
}

export type BreachTaskResult = { readonly taskId: string; readonly created: boolean };

/**
 * Creates the breach task at most once. It looks for the task first (an earlier attempt may have
 * created it and then failed, or the process may have stopped before recording it); creates it when
 * absent; and when the create fails in a way that leaves open whether HubSpot made it (the gateway
 * never resends a create), looks again. Still not there: the ambiguous error goes to the caller (the
 * write-back queue tries again later, looking first), so a task is never made twice by a resend.
 */
export async function createBreachTaskOnce(
  api: HubSpotApi,
  task: BreachTask,
  logger: Logger,
): Promise<BreachTaskResult> {
  const existing = await findBreachTask(api, task.contactId, task.marker);
  if (existing !== null) return { taskId: existing.id, created: false };
  const body = {
    properties: { ...task.properties },
    associations: [
      {
        to: { id: task.contactId },
        types: [
          {
            associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
            associationTypeId: TASK_TO_CONTACT,
          },
        ],
      },
    ],
  };
  try {
    const created = await api.call(ops.createTask, () => api.sdk.crm.objects.tasks.basicApi.create(body));
    return { taskId: created.id, created: true };
  } catch (error) {
    if (!(error instanceof HubSpotAmbiguousWriteError)) throw error;
    const found = await findBreachTask(api, task.contactId, task.marker);
    if (found === null) throw error;
    logger.info({ taskId: found.id }, 'hubspot breach task found after an unclear answer');
    return { taskId: found.id, created: true };
  }
}
