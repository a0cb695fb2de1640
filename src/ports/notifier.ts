import type { Team } from '../config/types.ts';
import type { DueNotification, Evaluation } from '../domain/evaluation.ts';
import type { MessageTruth } from '../domain/message-truth.ts';
import type { SlaInstance } from '../domain/model.ts';
import type { Target } from '../domain/policy.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { AdminAlertBody } from '../i18n/admin-message.ts';
import type { Language } from '../i18n/language.ts';
import type { Owner } from './crm-source.ts';

/** Where a sent message lives, so it can be updated in place later. */
export interface MessageRef {
  readonly channel: string;
  readonly ts: string;
}

/**
 * One posted copy of a message — to the intended recipient, or to each fallback that got it instead —
 * with what its rendering depended on besides the facts, so an update in place renders it the same way.
 */
export interface MessageCopy extends MessageRef {
  /** The reader's zone it was rendered in; absent when not recorded (sent before it was kept). */
  readonly zone?: string;
  /** The fallback banner it carried (`null`: none); absent when not recorded. */
  readonly note?: string | null;
  /** The reader's language it was rendered in; absent when not recorded (sent before issue 19). */
  readonly language?: Language;
}

/**
 * An SLA instance as shown to people (App Home, /sla lists, button answers): read from the store,
 * so its evaluation may not exist yet, and with its ping to update. Not `InstanceContext`, which
 * renders one notification and needs a judged instance with its policy and team.
 */
export interface InstanceView {
  readonly instance: SlaInstance;
  /** Latest stored evaluation; `null` until the worker evaluated it once. */
  readonly evaluation: Evaluation | null;
  readonly owner: Owner | null;
  /** The handoff ping, when one was sent. */
  readonly pingRef: MessageRef | null;
}

/**
 * What a message about a judged SLA instance is rendered from: its evaluation, owner, team and
 * policy, resolved once by the worker (`instanceContext`) so renderers read no config.
 */
export interface InstanceContext {
  readonly instance: SlaInstance;
  readonly evaluation: Evaluation;
  readonly owner: Owner | null;
  readonly team: Team | null;
  readonly policyName: string;
  readonly attemptsRequired: number | null;
  /**
   * sla-bot gave the lead to its owner (issue 18): from whom (a name) and after how long without
   * contact; the owner's ping says so. Absent: not reassigned by sla-bot.
   */
  readonly reassignedFrom?: { readonly fromName: string; readonly waited: Millis } | null;
  /**
   * A teammate took the lead with "Take it" for the deadline an escalation is about (issue 18): their
   * name and when; the escalation says so instead of offering the button. Absent: not taken.
   */
  readonly takenBy?: { readonly name: string; readonly at: Instant } | null;
  /**
   * An escalation level's `reassign:` moved the lead for the deadline an escalation is about, and
   * HubSpot has it (issue 18): from whom, to whom (names), after how long without contact; the
   * escalation says so. Absent: not reassigned by a level for that deadline.
   */
  readonly reassignedTo?: {
    readonly fromName: string;
    readonly toName: string;
    readonly waited: Millis;
  } | null;
}

/** One message to one target: the unit of exactly-once delivery (outbox row). */
export interface Delivery {
  /** `${notification.key}:${targetKey(target)}` — unique per person/channel and notification. */
  readonly key: string;
  readonly notification: DueNotification;
  readonly target: Target;
  readonly context: InstanceContext;
  /** Delivery time; when much later than `notification.dueAt`, the message says it is late. */
  readonly now: Instant;
  /**
   * Set when an earlier attempt may have reached Slack unconfirmed (its answer was lost, or the
   * process stopped mid-send): when it began. The notifier then looks for the message by its key
   * before posting it again (SD-7). Absent or `null`: a clean first attempt.
   */
  readonly inDoubtSince?: Instant | null;
  /**
   * Claims the outbox row for the leadership sending it (the fencing token, ADR 0012). The notifier
   * calls it immediately before each post of this delivery — after any look-up and any wait for the
   * channel's pace — and posts nothing when it throws, letting that error through untouched. Absent:
   * nothing to claim (a send outside any leadership).
   */
  readonly claim?: () => Promise<void>;
}

export type SendResult =
  | {
      readonly status: 'sent';
      readonly ref: MessageRef;
      /** The intended recipient could not be reached and a fallback (team channel, manager) got it. */
      readonly fallback: string | null;
      /** Every copy posted, `ref` first (absent: `ref` is the only one, nothing more known of it). */
      readonly copies?: readonly MessageCopy[];
    }
  /**
   * Transient (rate limit, 5xx, network): try again at or after `retryAt`. `inDoubt`: Slack may have
   * accepted a copy this attempt could not confirm — keep the delivery in doubt (look before resending).
   * `waiting`: nothing failed, the look-up for such a copy waits for its rate allowance (not counted
   * as Slack failing).
   */
  | {
      readonly status: 'retry';
      readonly error: string;
      readonly retryAt: Instant;
      readonly inDoubt?: boolean;
      readonly waiting?: boolean;
    }
  /**
   * Slack may or may not have it: an ambiguous failure that could not be checked (history scope
   * declined, bot not in the channel). At most once: recorded as sent, unconfirmed, never resent (SD-8).
   */
  | { readonly status: 'unconfirmed'; readonly error: string }
  /** Permanent and no fallback worked: recorded as failed and reported to admins. */
  | { readonly status: 'failed'; readonly error: string };

/**
 * An alert for the admins: a catalogue message rendered in each admin's language, or (a row queued by
 * an older version) finished text.
 */
export type AdminAlert = AdminAlertBody & {
  /** Dedup key: the same alert is sent once. */
  readonly key: string;
  /** As `Delivery.inDoubtSince`. */
  readonly inDoubtSince?: Instant | null;
  /** As `Delivery.claim`. */
  readonly claim?: () => Promise<void>;
};

/**
 * A sent message updated in place because what it said is no longer true (issue 15): every copy is
 * re-rendered for `truth` from the instance as it is now (`context`) and replaced (`chat.update`).
 */
export interface MessageEdit {
  /** The outbox row of the message. */
  readonly key: string;
  /** The notification it was sent for (the row's payload). */
  readonly notification: DueNotification;
  readonly context: InstanceContext;
  readonly truth: MessageTruth;
  readonly copies: readonly MessageCopy[];
  readonly now: Instant;
  /**
   * Claims the row for the leadership editing it (the fencing token, ADR 0012), immediately before
   * each copy's request, as `Delivery.claim`: a stale leader replaces nothing.
   */
  readonly claim?: () => Promise<void>;
}

export type EditResult =
  /** Replaced; `skipped` names copies Slack no longer has or will not change (left as they are). */
  | { readonly status: 'edited'; readonly skipped: readonly string[] }
  /** Transient (rate limit, 5xx, network): try again at or after `retryAt` (replacing twice is harmless). */
  | { readonly status: 'retry'; readonly error: string; readonly retryAt: Instant }
  /** No copy can be replaced any more (all deleted, or refused for good). */
  | { readonly status: 'failed'; readonly error: string };

/** What deleting a duplicate copy came to (`gone` included: Slack no longer has it either way). */
export type RetractResult =
  | { readonly status: 'deleted' }
  | { readonly status: 'failed'; readonly error: string };

/** What republishing a rep's App Home tab came to (best-effort: failures are not retried). */
export type HomeRefresh =
  | { readonly status: 'published' }
  /** The rep cannot be found in Slack (or is deactivated there): nothing to publish to. */
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'failed'; readonly error: string };

/** The port to the chat system (Slack). */
export interface Notifier {
  send(delivery: Delivery): Promise<SendResult>;
  /**
   * Updates a sent message in place to what is true now: the ping's state (contacted ✓, breached,
   * attempts n of m, closed), a breach or escalation resolved or corrected, a reminder done, any
   * message closed or handed over.
   */
  update(edit: MessageEdit): Promise<EditResult>;
  alertAdmins(alert: AdminAlert): Promise<SendResult>;
  /**
   * Deletes a message this app posted: a duplicate copy of a row another sender recorded first, so no
   * live buttons stay on it (ADR 0012). Optional: a notifier that cannot delete leaves the copy.
   */
  retract?(ref: MessageRef): Promise<RetractResult>;
  /**
   * Republishes the App Home tab of the rep with this e-mail with `leads` (their open leads), so it
   * is current without the rep opening it again. `more` counts open leads left out of `leads`: less
   * urgent than all of them, and only when `leads` fill the rows shown (`HOME_ROWS`). Optional: a
   * notifier without a Home tab omits it.
   */
  refreshHome?(
    ownerEmail: string,
    leads: readonly InstanceView[],
    now: Instant,
    more?: number,
  ): Promise<HomeRefresh>;
}

/** Leads the App Home tab lists (the most urgent first); the rest are only counted. */
export const HOME_ROWS = 95;

export const targetKey = (t: Target): string => {
  switch (t.kind) {
    case 'owner':
    case 'manager':
    case 'team_channel':
      return t.kind;
    case 'user':
      return `user:${t.email.toLowerCase()}`;
    case 'channel':
      return `channel:${t.channel}`;
  }
};
