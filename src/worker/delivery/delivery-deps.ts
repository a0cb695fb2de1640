import type { Clock } from '../../clock/clock.ts';
import type { Millis } from '../../domain/time.ts';
import type { Notifier } from '../../ports/notifier.ts';
import type { LeaseToken } from '../../ports/store.ts';
import type { OutageDeps } from '../shared/outage-effects.ts';
import type { Pause } from './persist.ts';

/** What delivering the outbox needs: the notifier, the clock, the lease (fencing token) and limits. */
export interface DeliveryDeps extends OutageDeps {
  readonly notifier: Notifier;
  readonly clock: Clock;
  /** False once this instance may no longer send (lost the lease, shutting down). */
  readonly canSend: () => boolean;
  /**
   * The lease as held now (`null`: not leading): read once per batch, its epoch is the fencing token
   * every send of the batch claims its row with (ADR 0012).
   */
  readonly lease: () => LeaseToken | null;
  /**
   * A message that keeps failing transiently is given up (and admins told) only after this many
   * attempts *and* `giveUpAfter` past its due time: a Slack outage delays messages, it never loses them.
   */
  readonly maxAttempts: number;
  readonly giveUpAfter?: Millis;
  /** Wait between retries of the write that records a sent message (default: short backoff). */
  readonly pause?: Pause;
  /** Instances whose messages are delivered side by side (default 1: one message at a time). */
  readonly concurrency?: number;
}
