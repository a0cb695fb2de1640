import type { Acknowledgement, Silence } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { InstanceView } from './notifier.ts';

export type { InstanceView } from './notifier.ts';

/**
 * What people do from Slack (buttons, /sla, App Home) and what they need to see.
 * Implemented over the `Store` port by `interactionsFromStore` (src/slack/interactions-from-store.ts).
 */

export type AcknowledgeOutcome =
  | { readonly status: 'recorded'; readonly lead: InstanceView; readonly acknowledgement: Acknowledgement }
  /** A retried delivery or a second click: nothing new was recorded. */
  | { readonly status: 'duplicate'; readonly lead: InstanceView }
  | { readonly status: 'closed'; readonly lead: InstanceView }
  | { readonly status: 'not_found' };

/** Whether the lead was set back to nurture in HubSpot (the closed loop). */
export type WriteBack =
  | { readonly status: 'done'; readonly leadStatus: string }
  | { readonly status: 'off' }
  | { readonly status: 'failed'; readonly error: string; readonly retryable: boolean };

export type NotAFitOutcome =
  | { readonly status: 'recorded'; readonly lead: InstanceView; readonly writeBack: WriteBack }
  | { readonly status: 'duplicate'; readonly lead: InstanceView }
  | { readonly status: 'not_found' };

export interface Interactions {
  lead(instanceId: string): Promise<InstanceView | null>;
  /**
   * "On it": stops reminders (not the SLA clock); records who and when. Idempotent. `slackName` is the
   * clicker's Slack name, if known; the lead's HubSpot owner is named as in HubSpot instead.
   */
  acknowledge(
    instanceId: string,
    by: string,
    at: Instant,
    slackName: string | null,
  ): Promise<AcknowledgeOutcome>;
  /** "Not a fit": records the reason (closed-loop feedback) and, when write-back is on, recycles the lead. */
  markNotAFit(instanceId: string, reason: string, by: string, at: Instant): Promise<NotAFitOutcome>;
  /** A manager's snooze of escalations. Idempotent on `silence.id`. */
  addSilence(silence: Silence): Promise<boolean>;
  /** Open leads owned by the HubSpot owner(s) with this e-mail. */
  openLeadsOf(email: string): Promise<readonly InstanceView[]>;
  /** Open leads owned by the members of a configured team. */
  openLeadsOfTeam(team: string): Promise<readonly InstanceView[]>;
}
