import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { SendResult } from '../ports/notifier.ts';
import type { Poster } from './poster.ts';
import { type Recipient, recipientChannel, recipientLabel } from './recipients.ts';
import type { Message } from './render/blocks.ts';
import { type Unreachable, unreachable } from './unreachable.ts';

export interface FallbackSend {
  /** Why the intended recipient did not get it; `null` when these are the intended recipients (admins). */
  readonly miss: Unreachable | null;
  readonly fallbacks: readonly Recipient[];
  readonly render: (r: Recipient) => Message;
  readonly poster: Poster;
  /** Tells admins about a fallback recipient that is unreachable too; `null` when sending to admins. */
  readonly tellOnce: ((u: Unreachable, routedTo: readonly string[], now: Instant) => Promise<void>) | null;
  readonly now: Instant;
  readonly logger: Logger;
}

/**
 * Sends to every fallback recipient. Sent when at least one accepted it (the others are logged, not
 * retried: a retry would duplicate the accepted copies); retry when none accepted but one may later;
 * failed when all refused for good.
 */
export async function sendWithFallback(s: FallbackSend): Promise<SendResult> {
  const accepted: { label: string; ref: { channel: string; ts: string } }[] = [];
  const errors: string[] = [];
  let retryAt: Instant | null = null;
  for (const r of s.fallbacks) {
    const label = recipientLabel(r);
    const out = await s.poster.post(recipientChannel(r), s.render(r));
    if (out.ok) {
      accepted.push({ label, ref: out.value });
      continue;
    }
    errors.push(`${label}: ${out.failure.code}`);
    if (out.failure.kind === 'rate_limited' || out.failure.kind === 'transient') {
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
    return { status: 'sent', ref: first.ref, fallback };
  }
  const detail = errors.length > 0 ? errors.join('; ') : 'no fallback recipient configured';
  const error = why === null ? detail : `${why}; ${detail}`;
  if (retryAt !== null) return { status: 'retry', error, retryAt };
  return { status: 'failed', error };
}
