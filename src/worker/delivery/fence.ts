import type { Clock } from '../../clock/clock.ts';
import { type Instant, type Millis, SECOND } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { MessageRef, Notifier } from '../../ports/notifier.ts';
import type { LeaseToken, OutboxEntry, SendClaim, Store } from '../../ports/store.ts';

/**
 * Thrown by a delivery's claim when its row may not be posted now (ADR 0012): `fenced` — another
 * replica took the lease over, this one sends nothing more; `taken` — the row was sent, or claimed by
 * another leadership, since it was read.
 */
export class SendRefused extends Error {
  override readonly name = 'SendRefused';
  readonly claim: Exclude<SendClaim, 'claimed'>;
  readonly key: string;
  constructor(claim: Exclude<SendClaim, 'claimed'>, key: string) {
    super(`send of ${key} refused: ${claim}`);
    this.claim = claim;
    this.key = key;
  }
}

/**
 * How long after an earlier leader's (or a dead process's) claim its post may still land in Slack: the
 * Slack client gives up on a request after 10 s, and an ambiguous failure is looked for 5 s after
 * that (src/slack/web-client.ts, src/slack/poster.ts); the row is looked for only then, so a request
 * still on its way is found instead of posted again.
 */
export const IN_FLIGHT_SETTLE: Millis = 15 * SECOND;

/**
 * When a row in doubt was claimed by another leadership whose post may still be on its way: the time
 * to look for it; `null` when it may be sent (or looked for) now.
 */
export function settlesAt(entry: OutboxEntry, lease: LeaseToken, now: Instant): Instant | null {
  if (entry.inDoubtSince === null || entry.claimedEpoch === null || entry.claimedAt === null) return null;
  if (entry.claimedEpoch === lease.epoch) return null;
  const at = entry.claimedAt + IN_FLIGHT_SETTLE;
  return now < at ? at : null;
}

/** The claim a delivery of `entry` makes before each post: refused → `SendRefused`, nothing posted. */
export function claimFor(
  deps: { readonly store: Store; readonly clock: Clock },
  lease: LeaseToken,
  entry: OutboxEntry,
): () => Promise<void> {
  return async () => {
    const claim = await deps.store.claimForSend(entry.key, lease, entry.claimedEpoch, deps.clock.now());
    if (claim !== 'claimed') throw new SendRefused(claim, entry.key);
  };
}

const sameRef = (a: MessageRef, b: MessageRef): boolean => a.channel === b.channel && a.ts === b.ts;

/**
 * After `markSent` found the row already sent: the copy just posted is a duplicate when the row keeps
 * another message. It is deleted, so no live buttons stay on it. A row recorded without a ref (maybe
 * delivered, unconfirmed) keeps ours: it may be the only copy.
 */
export async function removeDuplicate(
  deps: { readonly store: Store; readonly notifier: Notifier; readonly logger: Logger },
  key: string,
  ours: MessageRef,
): Promise<void> {
  const kept = (await deps.store.outboxEntry(key))?.ref ?? null;
  if (kept === null || sameRef(kept, ours)) return;
  if (!deps.notifier.retract) {
    deps.logger.warn({ key, ours, kept }, 'duplicate copy left in place: the notifier cannot delete');
    return;
  }
  const out = await deps.notifier.retract(ours);
  if (out.status === 'deleted') deps.logger.warn({ key, deleted: ours, kept }, 'duplicate copy deleted');
  else deps.logger.error({ key, ours, kept, error: out.error }, 'duplicate copy could not be deleted');
}
