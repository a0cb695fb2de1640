import { findBreachTask } from './breach-task.ts';
import { HubSpotRequestError } from './errors.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import { ops } from './operations.ts';
import { text } from './values.ts';

/** How the note sla-bot adds to a retracted breach's task begins (found again by it). */
export const RETRACTED_NOTE = 'sla-bot: breach retracted';

export interface RetractedTask {
  readonly contactId: string;
  /** `breachTaskMarker(instance.id)`: how the task is found. */
  readonly marker: string;
  /** The line to add above the marker: `sla-bot: breach retracted, contact logged at …`. */
  readonly note: string;
}

export type RetractResult =
  | { readonly kind: 'completed'; readonly taskId: string }
  | { readonly kind: 'already'; readonly taskId: string }
  | { readonly kind: 'none' };

const looksLikeHtml = (body: string): boolean => /<\/?[a-z][^>]*>/i.test(body);

/**
 * The body with the note on the line above the marker (the marker stays last). HubSpot may keep a
 * body as rich text: then the note goes in as a line break of that markup.
 */
export function withRetractedNote(body: string, marker: string, note: string): string {
  if (body.includes(RETRACTED_NOTE)) return body;
  const at = body.lastIndexOf(marker);
  if (at === -1) return `${body}\n${note}`;
  const glue = looksLikeHtml(body) ? '<br>' : '\n';
  return `${body.slice(0, at)}${note}${glue}${body.slice(at)}`;
}

/**
 * Completes the breach task of a retracted breach: finds it by its marker (as the create does),
 * then one PATCH sets `hs_task_status` to `COMPLETED` and adds the note to `hs_task_body`. The PATCH
 * overwrites values, so a retry after an unclear answer leaves the same task; a task already
 * completed with the note is left alone, and a task that is gone (deleted by a person, even between
 * the read and the PATCH) is nothing to do.
 */
export async function completeRetractedBreachTask(
  api: HubSpotApi,
  task: RetractedTask,
): Promise<RetractResult> {
  const found = await findBreachTask(api, task.contactId, task.marker, ['hs_task_status']);
  if (found === null) return { kind: 'none' };
  const done = text(found.properties.hs_task_status) === 'COMPLETED';
  if (done && found.body.includes(RETRACTED_NOTE)) return { kind: 'already', taskId: found.id };
  const properties = {
    hs_task_status: 'COMPLETED',
    hs_task_body: withRetractedNote(found.body, task.marker, task.note),
  };
  try {
    await api.call(ops.updateTask, () => api.sdk.crm.objects.tasks.basicApi.update(found.id, { properties }));
  } catch (error) {
    if (error instanceof HubSpotRequestError && error.status === 404) return { kind: 'none' };
    throw error;
  }
  return { kind: 'completed', taskId: found.id };
}
