import type { ContactKind, ExcuseReason, FirstContactVerdict } from '../evaluation.ts';
import type { Touch } from '../model.ts';
import type { Policy } from '../policy.ts';
import type { Instant, Millis } from '../time.ts';
import { lowerCase } from './lower-case.ts';

/** Pending with less than this share of the window left is at risk. */
export const AT_RISK_SHARE = 0.2;

/** HubSpot's call outcome for a call that reached someone (matched case-insensitively). */
const CONNECTED = 'connected';

/**
 * Whether a counting touch reached the lead: a call only when its outcome is `Connected` (a portal's
 * own outcomes, and calls logged without one, are attempts); an e-mail or a meeting always.
 */
export function contactKind(touch: Touch): ContactKind {
  if (touch.kind !== 'call') return 'reached';
  return touch.outcome !== null && lowerCase(touch.outcome) === CONNECTED ? 'reached' : 'attempt';
}

export interface FirstContactFacts {
  readonly policy: Policy;
  readonly clockStart: Instant;
  readonly deadline: Instant;
  /** The earliest counting touch that has happened by `now`, or null. */
  readonly contact: Touch | null;
  /** The first reminder moment that lies before the deadline, if any. */
  readonly firstReminderAt: Instant | null;
  /** Why a breach of this deadline is not held against the rep, or `null` (see `excuseOf`). */
  readonly excuse: ExcuseReason | null;
}

/**
 * The verdict is recomputed from facts every time. A contact at or before the deadline is met, even
 * when it was logged later (a back-dated call) and a breach was announced meanwhile: the announcement
 * stays sent, the verdict becomes met. A contact after the deadline leaves it breached, with
 * `contactedAt` and a `lateBy` that stops growing. The deadline instant itself belongs to the window.
 */
export function firstContactVerdict(f: FirstContactFacts, now: Instant): FirstContactVerdict {
  const { deadline, contact } = f;
  if (contact !== null && contact.at <= deadline) {
    const took =
      contact.at <= f.clockStart ? 0 : f.policy.calendar.businessTimeBetween(f.clockStart, contact.at);
    return {
      state: 'met',
      deadline,
      at: contact.at,
      touchId: contact.id,
      took,
      contact: contactKind(contact),
    };
  }
  if (now >= deadline) {
    const until = contact?.at ?? now;
    return {
      state: 'breached',
      deadline,
      lateBy: until - deadline,
      contactedAt: contact?.at ?? null,
      contact: contact === null ? null : contactKind(contact),
      excused: f.excuse !== null,
      ...(f.excuse === null ? {} : { excuse: f.excuse }),
    };
  }
  const within = f.policy.firstContact.within;
  const left: Millis = now <= f.clockStart ? within : f.policy.calendar.businessTimeBetween(now, deadline);
  const atRisk = left <= within * AT_RISK_SHARE || (f.firstReminderAt !== null && now >= f.firstReminderAt);
  return { state: 'pending', deadline, atRisk, left };
}

/** The moment a pending verdict turns at risk, if that is still ahead. */
export function atRiskFrom(f: FirstContactFacts): Instant {
  const byShare = f.policy.calendar.addBusinessTime(
    f.clockStart,
    Math.ceil(f.policy.firstContact.within * (1 - AT_RISK_SHARE)),
  );
  return f.firstReminderAt === null ? byShare : Math.min(byShare, f.firstReminderAt);
}
