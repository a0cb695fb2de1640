import type { Instant, Millis } from '../domain/time.ts';
import { DAILY_PROBE_EVERY, type DailyPause, portalTime } from '../hubspot/daily-pause.ts';
import type { CycleOutcome, ReplicaRole } from './events.ts';
import type { Backfill } from './shared/backfill-record.ts';

/** What /healthz and /readyz report. */
export interface HealthSnapshot {
  readonly role: ReplicaRole;
  readonly lastCycleAt: Instant | null;
  readonly lastOutcome: CycleOutcome | null;
  readonly lastSuccessAt: Instant | null;
  /** A standby instance is ready while it keeps checking the lease. */
  readonly lastLeaseCheckAt: Instant | null;
  readonly stopping: boolean;
  /**
   * The first-install import as last stored (absent or `null`: none known). It does not make the
   * worker unready: polling, pings and the rest go on beside it, a chunk a cycle.
   */
  readonly backfill?: Backfill | null;
}

export type Readiness =
  | { readonly ready: true; readonly reason: string }
  | { readonly ready: false; readonly reason: string };

/**
 * Ready only when the last cycle succeeded recently (`maxAge`, a few poll intervals); a follower is
 * ready while its lease checks succeed, so it can take over.
 */
export function readiness(
  h: HealthSnapshot,
  now: Instant,
  maxAge: Millis,
  /** HubSpot's daily limit in force: the reason says so, whatever the cycles did. */
  pause: DailyPause | null = null,
): Readiness {
  const r = cycleReadiness(h, now, maxAge);
  if (pause === null || h.stopping || h.role === 'follower') return r;
  const reason = pausedReason(pause);
  return r.ready ? { ready: true, reason } : { ready: false, reason };
}

/** Why HubSpot is not being read, until when, and when it is asked again. */
export const pausedReason = (pause: DailyPause): string =>
  `HubSpot daily API limit reached (429 DAILY): calls paused until midnight portal time, ` +
  `${portalTime(pause.until, pause.zone)}, unless HubSpot serves the probe at ` +
  `${portalTime(pause.nextProbeAt, pause.zone)} (asked every ${DAILY_PROBE_EVERY / 60_000} minutes)`;

function cycleReadiness(h: HealthSnapshot, now: Instant, maxAge: Millis): Readiness {
  if (h.stopping) return { ready: false, reason: 'shutting down' };
  if (h.role === 'follower') {
    return h.lastLeaseCheckAt !== null && now - h.lastLeaseCheckAt <= maxAge
      ? { ready: true, reason: 'standby: another instance leads' }
      : { ready: false, reason: 'standby: lease checks are failing' };
  }
  if (h.lastSuccessAt === null) return { ready: false, reason: 'no successful cycle yet' };
  const age = now - h.lastSuccessAt;
  if (age > maxAge) return { ready: false, reason: `last successful cycle ${Math.round(age / 1000)} s ago` };
  return { ready: true, reason: 'last cycle succeeded' };
}
