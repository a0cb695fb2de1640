import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { MessageCopy, MessageRef, SendResult } from '../ports/notifier.ts';
import { isBudgetWait } from './find-posted.ts';
import { type Recipient, recipientChannel, recipientLabel } from './recipients.ts';
import type { Message } from './render/blocks.ts';
import type { QueueOutcome } from './send-queue.ts';
import { type Unreachable, unreachable } from './unreachable.ts';

export interface FallbackSend {
  /** Why the intended recipient did not get it; `null` when these are the intended recipients (admins). */
  readonly miss: Unreachable | null;
  readonly fallbacks: readonly Recipient[];
  readonly render: (r: Recipient) => Message;
  /** The fallback banner `render` puts on a copy, in its reader's language (none: no banner), kept with it. */
  readonly noteFor?: (r: Recipient) => string | null;
  /** Posts to a channel (or user id) with the delivery's key (`KeyedPost` bound to the delivery). */
  readonly post: (channel: string, message: Message) => Promise<QueueOutcome<MessageRef>>;
  /** Tells admins about a fallback recipient that is unreachable too; `null` when sending to admins. */
  readonly tellOnce: ((u: Unreachable, routedTo: readonly string[], now: Instant) => Promise<void>) | null;
  readonly now: Instant;
  readonly logger: Logger;
}

/**
 * Sends to every fallback recipient. Sent when at least one accepted it (the others are logged, not
 * retried: a retry would duplicate the accepted copies); retry when none accepted but one may later
 * (`inDoubt` when a copy may be out there unconfirmed); unconfirmed when the only possible copies cannot
 * be checked; failed when all refused for good.
 */
export async function sendWithFallback(s: FallbackSend): Promise<SendResult> {
  const accepted: { label: string; ref: MessageRef; copy: MessageCopy }[] = [];
  const errors: string[] = [];
  let retryAt: Instant | null = null;
  let inDoubt = false;
  let unconfirmed = false;
  /** Every copy still to go only waits for the look-up budget (nothing failed). */
  let onlyWaiting = true;
  for (const r of s.fallbacks) {
    const label = recipientLabel(r);
    const out = await s.post(recipientChannel(r), s.render(r));
    if (out.ok) {
      accepted.push({
        label,
        ref: out.value,
        copy: { ...out.value, zone: r.zone, note: s.noteFor?.(r) ?? null, language: r.language },
      });
      continue;
    }
    errors.push(`${label}: ${out.failure.code}`);
    if (out.failure.kind === 'unconfirmed') unconfirmed = true;
    if (out.failure.kind === 'in_doubt') inDoubt = true;
    if (
      out.failure.kind === 'rate_limited' ||
      out.failure.kind === 'transient' ||
      out.failure.kind === 'in_doubt'
    ) {
      if (!isBudgetWait(out.failure)) onlyWaiting = false;
      retryAt = Math.min(retryAt ?? Number.POSITIVE_INFINITY, out.retryAt ?? s.now);
    } else if (out.failure.kind === 'unreachable' && s.tellOnce) {
      await s.tellOnce(unreachable(label, out.failure.code), [], s.now);
    }
  }
  const first = accepted[0];
  const why = s.miss === null ? null : `${s.miss.who} ${s.miss.why} (${s.miss.code})`;
  if (first) {
    if (errors.length > 0) s.logger.warn({ errors, why }, 'delivery reached only some recipients');
    const fallback = why === null ? null : `${why} → ${accepted.map((a) => a.label).join(', ')}`;
    return { status: 'sent', ref: first.ref, fallback, copies: accepted.map((a) => a.copy) };
  }
  const detail = errors.length > 0 ? errors.join('; ') : 'no fallback recipient configured';
  const error = why === null ? detail : `${why}; ${detail}`;
  if (retryAt !== null) {
    const retry = { status: 'retry', error, retryAt, inDoubt: inDoubt || unconfirmed } as const;
    return onlyWaiting ? { ...retry, waiting: true } : retry;
  }
  if (unconfirmed) return { status: 'unconfirmed', error };
  return { status: 'failed', error };
}
