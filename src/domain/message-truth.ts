import type { ContactKind, Evaluation, NotificationReason } from './evaluation.ts';
import type { CloseReason, SlaInstance } from './model.ts';
import type { Instant, Millis } from './time.ts';

/** Whose lead a message was about when it was sent, for a lead without an owner (as in ping keys). */
export const UNASSIGNED = 'unassigned';

/** Whose lead it is now: the owner id, or `UNASSIGNED`. */
export const ownerKeyOf = (instance: Pick<SlaInstance, 'ownerId'>): string => instance.ownerId ?? UNASSIGNED;

/** Why a message's point no longer stands: the lead left the funnel (or moved on), or another rep has it. */
export type Ending =
  | { readonly kind: 'closed'; readonly reason: CloseReason; readonly detail: string | null }
  /**
   * Another rep has it: `from` whose it was (an owner id or `UNASSIGNED`), `to` the owner id now
   * (`null`: the owner was removed).
   */
  | { readonly kind: 'reassigned'; readonly from: string; readonly to: string | null };

/**
 * What a message about an SLA instance should say now, told from the instance as it is. `open`: what
 * it said still stands (rendered from the current facts: the ping's live state, a breach still
 * uncontacted); the other states replace its call to action.
 */
export type MessageTruth =
  | { readonly state: 'open' }
  /** A breach or escalation: the lead was contacted after the deadline. */
  | {
      readonly state: 'resolved';
      readonly at: Instant;
      readonly lateBy: Millis;
      readonly contact: ContactKind;
    }
  /** A breach or escalation: a touch logged later (backdated) proves the deadline was met. */
  | { readonly state: 'corrected'; readonly at: Instant; readonly contact: ContactKind }
  /** An attempts shortfall: enough attempts were logged within the window after all. */
  | { readonly state: 'attempts_met'; readonly made: number; readonly required: number }
  /** A reminder: the lead was contacted. */
  | { readonly state: 'done'; readonly at: Instant; readonly contact: ContactKind }
  | { readonly state: 'ended'; readonly ending: Ending };

/** The message a truth is told about: its reason as recorded in the outbox, and whose lead it was. */
export interface SentMessage {
  readonly reason: NotificationReason;
  /** The owner when it was sent (`UNASSIGNED` for none); `null`: not recorded, never told reassigned. */
  readonly aboutOwner: string | null;
}

const OPEN: MessageTruth = { state: 'open' };

/** The first contact, if any: when it happened and what it was (read `reached` where not recorded). */
function contactOf(e: Evaluation): { readonly at: Instant; readonly kind: ContactKind } | null {
  const fc = e.firstContact;
  if (fc.state === 'met') return { at: fc.at, kind: fc.contact ?? 'reached' };
  if (fc.state === 'breached' && fc.contactedAt !== null)
    return { at: fc.contactedAt, kind: fc.contact ?? 'reached' };
  return null;
}

/**
 * What a sent message should say about `instance` now (pure). "Handed over": the lead is no longer
 * the rep's the message was about. Per kind:
 * - ping: open (its live state shows a close too), or ended when handed over;
 * - breach note and escalations: corrected when a contact at or before *their* deadline is known now,
 *   else ended when handed over, else resolved once contacted, else ended when closed;
 * - reminder: ended when handed over, done once contacted, ended when closed;
 * - attempts shortfall: ended when handed over, corrected when the window's attempts are met after
 *   all, ended when closed; overkill note: ended when handed over or closed.
 * A close wins over a hand-over in what an ended message says (it is the later news).
 */
export function messageTruth(message: SentMessage, instance: SlaInstance, e: Evaluation): MessageTruth {
  const about = message.aboutOwner;
  const handedOver = about !== null && about !== ownerKeyOf(instance);
  const ending: Ending | null =
    instance.closedAt !== null
      ? { kind: 'closed', reason: instance.closeReason ?? 'deleted', detail: instance.closeDetail ?? null }
      : about !== null && handedOver
        ? { kind: 'reassigned', from: about, to: instance.ownerId }
        : null;
  const ended = (): MessageTruth => (ending === null ? OPEN : { state: 'ended', ending });
  const contact = contactOf(e);
  const reason = message.reason;
  switch (reason.kind) {
    case 'handoff':
      return handedOver && instance.closedAt === null ? ended() : OPEN;
    case 'breach':
    case 'escalation':
      if (contact !== null && contact.at <= reason.deadline)
        return { state: 'corrected', at: contact.at, contact: contact.kind };
      if (handedOver || contact === null) return ended();
      return {
        state: 'resolved',
        at: contact.at,
        lateBy: contact.at - reason.deadline,
        contact: contact.kind,
      };
    case 'reminder':
      if (handedOver || contact === null) return ended();
      return { state: 'done', at: contact.at, contact: contact.kind };
    case 'attempts_shortfall': {
      const a = e.attempts;
      if (!handedOver && a !== null && a.state === 'met')
        return { state: 'attempts_met', made: a.made, required: a.required };
      return ended();
    }
    case 'overkill':
      return ended();
    case 'reassigned':
      // What happened stays true: a reassignment notice is history, never corrected.
      return OPEN;
  }
}

/**
 * What a message shows, as a string compared for equality: its truth and, while it is `open`, the
 * facts its kind renders from (never the numbers that move with time). A message whose stored
 * fingerprint differs from this is updated in place.
 */
export function shownFingerprint(message: SentMessage, instance: SlaInstance, e: Evaluation): string {
  const truth = messageTruth(message, instance, e);
  return JSON.stringify(truth.state === 'open' ? [truth, openFacts(message.reason, instance, e)] : [truth]);
}

/** The facts an `open` message renders from, by kind. */
function openFacts(reason: NotificationReason, instance: SlaInstance, e: Evaluation): unknown[] {
  const fc = e.firstContact;
  const excused = fc.state === 'breached' && fc.excused;
  const acked = e.acknowledged !== null;
  switch (reason.kind) {
    case 'handoff':
      return [
        instance.closedAt === null ? null : [instance.closeReason, instance.closeDetail ?? null],
        firstContactFacts(e),
        attemptsFacts(e),
        e.acknowledged === null
          ? null
          : [e.acknowledged.by, e.acknowledged.byName ?? null, e.acknowledged.at],
      ];
    case 'breach':
      return [excused];
    case 'escalation':
      return [excused, acked];
    case 'reminder':
      return [acked];
    case 'attempts_shortfall':
      return [e.attempts === null ? null : [e.attempts.made, e.attempts.required]];
    case 'overkill':
    case 'reassigned':
      return [];
  }
}

const firstContactFacts = (e: Evaluation): unknown[] => {
  const fc = e.firstContact;
  switch (fc.state) {
    case 'pending':
      return ['pending', fc.deadline];
    case 'met':
      return ['met', fc.at, fc.took, fc.contact ?? null];
    case 'breached':
      return [
        'breached',
        fc.deadline,
        fc.contactedAt,
        fc.contactedAt === null ? null : fc.lateBy,
        fc.contact ?? null,
        fc.excused,
      ];
  }
};

const attemptsFacts = (e: Evaluation): unknown[] | null => {
  const a = e.attempts;
  return a === null ? null : [a.made, a.required, a.state, a.overkill, a.windowEnd];
};

/**
 * Everything any message about an instance can show of its evaluation: when it changes, the
 * instance's sent messages are checked (and updated where they differ). Closes and owner changes
 * are told apart from it by the worker.
 */
export const messageFacts = (e: Evaluation): string =>
  JSON.stringify([
    firstContactFacts(e),
    attemptsFacts(e),
    e.acknowledged === null ? null : [e.acknowledged.by, e.acknowledged.byName ?? null, e.acknowledged.at],
  ]);
