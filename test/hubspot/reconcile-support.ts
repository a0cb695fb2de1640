import type { LeadObjectType } from '../../src/domain/model.ts';
import { DEFAULT_POLL_TUNING, type PollContext, scanOptions } from '../../src/hubspot/poll-context.ts';
import { reconcile } from '../../src/hubspot/reconcile.ts';
import type { WatchedInstance } from '../../src/ports/crm-source.ts';
import { type harness, NOW } from './harness.ts';

export const MIN = 60_000;
export const READ = '/crm/v3/objects/contacts/batch/read';
export const READ_ARCHIVED = `${READ}?archived=true`;
export const LEAD_READ = '/crm/v3/objects/leads/batch/read';
export const REP = '6166860';

export const watched = (
  id: string,
  stage: string,
  enteredAt: number,
  ownerId: string | null = REP,
  objectType: LeadObjectType = 'contact',
  contactId = id,
): WatchedInstance => ({ lead: { objectType, objectId: id, contactId }, stage, enteredAt, ownerId });

/** One read-back of these open leads, as the first poll does it (recent leads are all read). */
export function reconcileNow(h: ReturnType<typeof harness>, open: readonly WatchedInstance[], now = NOW) {
  const ctx: PollContext = {
    api: h.client.api,
    config: h.config,
    logger: h.log.logger,
    links: { appBaseUrl: h.config.hubspot.appBaseUrl, portalId: h.config.hubspot.portalId },
    scan: scanOptions(h.config, DEFAULT_POLL_TUNING, now),
  };
  return reconcile(ctx, open, undefined, now, DEFAULT_POLL_TUNING.reconcile);
}

export const history = (...entries: [string | null, number][]) =>
  entries.map(([value, at]) => ({
    value: value ?? '',
    timestamp: new Date(at).toISOString(),
    sourceType: 'CRM_UI',
  }));
