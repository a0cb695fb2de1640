import type { FirstContactVerdict } from '../evaluation.ts';
import type { Touch } from '../model.ts';
import type { Policy } from '../policy.ts';
import type { Instant, Millis } from '../time.ts';

/** Pending with less than this share of the window left is at risk. */
export const AT_RISK_SHARE = 0.2;

export interface FirstContactFacts {
  readonly policy: Policy;
  readonly clockStart: Instant;
  readonly deadline: Instant;
  /** The earliest counting touch that has happened by `now`, or null. */
  readonly contact: Touch | null;
  /** The first reminder moment that lies before the deadline, if any. */
  readonly firstReminderAt: Instant | null;
  readonly excused: boolean;
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
    return { state: 'met', deadline, at: contact.at, touchId: contact.id, took };
  }
  if (now >= deadline) {
    const until = contact?.at ?? now;
    return {
      state: 'breached',
      deadline,
      lateBy: until - deadline,
      contactedAt: contact?.at ?? null,
      excused: f.excused,
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
