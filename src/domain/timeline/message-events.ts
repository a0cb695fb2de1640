import type { Evaluation } from '../evaluation.ts';
import { type MessageTruth, messageTruth, shownFingerprint, UNASSIGNED } from '../message-truth.ts';
import type { SlaInstance } from '../model.ts';
import type { Instant } from '../time.ts';
import type { TimelineEvent, TimelineMessage } from './types.ts';

/**
 * Each message about the instance at the moment it reached Slack (or was due, when it did not), with
 * what it should say now — a breach corrected by a back-dated call, an escalation resolved, a ping
 * ended by a hand-over — and whether the message shows that (else an update in place is pending).
 */
export function messageEvents(
  instance: SlaInstance,
  evaluation: Evaluation | null,
  messages: readonly TimelineMessage[],
): TimelineEvent[] {
  return messages
    .filter((m) => m.kind !== 'admin_alert')
    .map((message) => {
      const reason = message.state === 'sent' ? message.reason : null;
      if (reason === null || evaluation === null)
        return { kind: 'message', at: message.sentAt ?? message.dueAt, message, truth: null, upToDate: null };
      const sent = { reason, aboutOwner: message.aboutOwner };
      const truth: MessageTruth = messageTruth(sent, instance, evaluation);
      const upToDate =
        message.shown === null ? null : message.shown === shownFingerprint(sent, instance, evaluation);
      return { kind: 'message', at: message.sentAt ?? message.dueAt, message, truth, upToDate };
    });
}

/**
 * The owner before the last owner change, as the messages tell it: the owner the latest message sent
 * before the change was about (`null`: none says).
 */
export function previousOwner(messages: readonly TimelineMessage[], changedAt: Instant): string | null {
  let found: { at: Instant; owner: string } | null = null;
  for (const m of messages) {
    if (m.sentAt === null || m.sentAt >= changedAt || m.aboutOwner === null) continue;
    if (found === null || m.sentAt > found.at) found = { at: m.sentAt, owner: m.aboutOwner };
  }
  return found === null ? null : found.owner === UNASSIGNED ? null : found.owner;
}
