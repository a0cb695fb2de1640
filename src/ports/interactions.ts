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

/** A teammate's "Take it" (issue 18). */
export interface ClaimRequest {
  readonly instanceId: string;
  /** The deadline whose breach the escalation was about: one claim or reassignment per deadline. */
  readonly deadline: Instant;
  /** The clicker's e-mail (their HubSpot owner is found by it). */
  readonly email: string;
  readonly at: Instant;
}

export type ClaimOutcome =
  /** Recorded: the worker writes the owner in HubSpot next (`apply-reassignments`). */
  | { readonly status: 'claimed'; readonly lead: InstanceView; readonly toName: string }
  /** This deadline already has a claim (`claim`) or a reassignment (`escalation`): by whom, when. */
  | {
      readonly status: 'taken';
      readonly kind: 'claim' | 'escalation';
      readonly toName: string;
      readonly at: Instant;
    }
  /** No active HubSpot owner has the clicker's e-mail. */
  | { readonly status: 'not_an_owner' }
  | { readonly status: 'already_owner' }
  /** HubSpot write-back is off: nobody could write the new owner. */
  | { readonly status: 'off' }
  | { readonly status: 'closed' }
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
  /**
   * "Take it": records the clicker's claim of the lead for the deadline (a `claim` reassignment, unique
   * per instance and deadline with the automatic ones: whoever is first wins). Permission (team member
   * or manager) is the caller's to check.
   */
  claim(request: ClaimRequest): Promise<ClaimOutcome>;
  /** A manager's snooze of escalations. Idempotent on `silence.id`. */
  addSilence(silence: Silence): Promise<boolean>;
  /** Open leads owned by the HubSpot owner(s) with this e-mail. */
  openLeadsOf(email: string): Promise<readonly InstanceView[]>;
  /** Open leads owned by the members of a configured team. */
  openLeadsOfTeam(team: string): Promise<readonly InstanceView[]>;
}
