import type { NotificationKind } from '../domain/evaluation.ts';
import type { Target } from '../domain/policy.ts';
import type { Instant } from '../domain/time.ts';
import type { MessageCopy, MessageRef } from './notifier.ts';

export type OutboxState = 'pending' | 'sent' | 'failed';

/** The notification log: one row per message to one target, unique by `key`. */
export interface OutboxEntry {
  readonly key: string;
  /** `null` for admin alerts. */
  readonly instanceId: string | null;
  readonly kind: NotificationKind | 'admin_alert';
  readonly target: Target | null;
  /** The notification as the engine produced it (JSON), or the admin alert text. */
  readonly payload: unknown;
  readonly dueAt: Instant;
  readonly createdAt: Instant;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: Instant;
  readonly lastError: string | null;
  readonly ref: MessageRef | null;
  readonly sentAt: Instant | null;
  /** Delivered to a fallback instead of the intended recipient (who, and why). */
  readonly fallback: string | null;
  /**
   * Pending only: when the earliest attempt that may have reached Slack unconfirmed began (an answer
   * lost, or the process stopped mid-send). The next attempt looks for the message before resending.
   */
  readonly inDoubtSince: Instant | null;
  /**
   * The lease epoch of the leadership that last claimed this row for a send (ADR 0012), and when:
   * `null` until the first post. A pending row in doubt claimed by an older epoch was being sent by an
   * earlier leader or process when it stopped.
   */
  readonly claimedEpoch: number | null;
  readonly claimedAt: Instant | null;
  /**
   * Sent rows: what the message shows (`shownFingerprint`), so it is updated in place only when the
   * truth it tells changed; `null` when not recorded (sent before it was kept, or since found stale).
   */
  readonly shown: string | null;
  /** Sent rows: whose lead it was when sent (owner id or `UNASSIGNED`); `null` when not recorded. */
  readonly aboutOwner: string | null;
  /** Sent rows: every copy posted (`ref` first); `null` when only `ref` is known. */
  readonly copies: readonly MessageCopy[] | null;
  /** Sent rows: the instance's truth changed and the message is to be checked (`null`: up to date). */
  readonly edit: PendingEdit | null;
}

/** A sent message to be checked against its instance's truth and, where it differs, updated in place. */
export interface PendingEdit {
  /** When it was first asked for since the message was last brought up to date. */
  readonly dueAt: Instant;
  /** When to try (later after a transient failure). */
  readonly nextAt: Instant;
  /** Counts the requests: an edit clears only the requests it saw, so a newer one stays. */
  readonly seq: number;
}

/** What a sent message shows, recorded with its send or its update in place. */
export interface ShownMessage {
  /** `shownFingerprint` of what every copy shows. */
  readonly fingerprint: string;
  readonly aboutOwner: string | null;
  readonly copies: readonly MessageCopy[];
}

/** An outbox row without its payload, for reports that read tens of thousands of them. */
export type OutboxSummary = Pick<
  OutboxEntry,
  'key' | 'instanceId' | 'kind' | 'target' | 'state' | 'dueAt' | 'sentAt'
>;

export type NewOutboxEntry = Pick<
  OutboxEntry,
  'key' | 'instanceId' | 'kind' | 'target' | 'payload' | 'dueAt'
>;
