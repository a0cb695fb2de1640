import type { Instant, Millis } from '../time.ts';
import type { Skipped } from './choose-rep.ts';

/**
 * One reassignment sla-bot made or was asked to make (issue 18): by an escalation level
 * (`kind: 'escalation'`, `level` its index) or by a teammate's "Take it" (`kind: 'claim'`). Unique by
 * `key`, one per instance, deadline and level (claims: per instance and deadline), so one deadline
 * never moves a lead twice, across restarts and replicas.
 */
export interface Reassignment {
  readonly key: string;
  readonly instanceId: string;
  /** The first-contact deadline whose breach caused it. */
  readonly deadline: Instant;
  readonly kind: 'escalation' | 'claim';
  /** The escalation level; `null` for a claim. */
  readonly level: number | null;
  readonly fromOwnerId: string | null;
  readonly toOwnerId: string;
  readonly toEmail: string;
  /** Why this rep: the reps passed over and why (round-robin), or who claimed it. */
  readonly skipped: readonly Skipped[];
  readonly at: Instant;
  /** How long the lead had waited without contact when it was decided (from its clock start), for the messages. */
  readonly waited: Millis;
  /**
   * `pending`: decided, `hubspot_owner_id` not written yet; `written`: HubSpot has it; `superseded`: a
   * person changed the owner first (left alone); `failed`: HubSpot refused it for good.
   */
  readonly state: 'pending' | 'written' | 'superseded' | 'failed';
}

export const escalationReassignKey = (instanceId: string, deadline: Instant, level: number): string =>
  `${instanceId}:reassign:${deadline}:${level}`;

export const claimKey = (instanceId: string, deadline: Instant): string => `${instanceId}:claim:${deadline}`;
