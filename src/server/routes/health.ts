import type { Clock } from '../../clock/clock.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import { type DailyPause, portalTime } from '../../hubspot/daily-pause.ts';
import { type HealthSnapshot, readiness } from '../../worker/health.ts';
import { type Backfill, backfillProgress } from '../../worker/shared/backfill-record.ts';
import { type Route, sendJson } from '../route.ts';

/** Liveness: the process answers. */
export const healthzRoute = (): Route => ({
  method: 'GET',
  path: '/healthz',
  handle: (_req, res) => sendJson(res, 200, { status: 'ok' }),
});

export interface ReadyzDeps {
  readonly clock: Clock;
  readonly health: () => HealthSnapshot;
  /** How recent the last successful cycle must be (a few poll intervals). */
  readonly maxAge: () => Millis;
  /** HubSpot's daily-limit pause in force, if any (the gateway's). */
  readonly hubspotPause?: () => DailyPause | null;
}

const iso = (t: Instant): string => new Date(t).toISOString();

/** The pause as `/readyz` explains it: why, since and until when, and when HubSpot is asked next. */
const describePause = (p: DailyPause) => ({
  reason: p.reason,
  since: iso(p.since),
  until: iso(p.until),
  untilLocal: portalTime(p.until, p.zone),
  nextProbeAt: iso(p.nextProbeAt),
  nextProbeLocal: portalTime(p.nextProbeAt, p.zone),
});

/**
 * The first-install import as `/readyz` shows it: `importing` (a chunk a cycle) or `done`, how many
 * of HubSpot's count were read and imported, the oldest entry reached, the window and the install.
 */
const describeBackfill = (b: Backfill) => ({
  state: b.done ? 'done' : 'importing',
  progress: backfillProgress(b),
  read: b.read,
  total: b.total,
  imported: b.imported,
  oldest: b.oldest === null ? null : iso(b.oldest),
  since: iso(b.since),
  installedAt: iso(b.installedAt),
  finishedAt: b.finishedAt === null ? null : iso(b.finishedAt),
});

/**
 * Readiness: the last cycle succeeded recently (or, on a standby, the lease checks work). A
 * first-install import under way leaves it ready (the `backfill` field says how far it got).
 */
export const readyzRoute = (deps: ReadyzDeps): Route => ({
  method: 'GET',
  path: '/readyz',
  handle: (_req, res) => {
    const h = deps.health();
    const pause = deps.hubspotPause?.() ?? null;
    const r = readiness(h, deps.clock.now(), deps.maxAge(), pause);
    sendJson(res, r.ready ? 200 : 503, {
      status: r.ready ? 'ready' : 'not ready',
      reason: r.reason,
      role: h.role,
      lastOutcome: h.lastOutcome,
      lastSuccessAt: h.lastSuccessAt === null ? null : iso(h.lastSuccessAt),
      hubspotPause: pause === null ? null : describePause(pause),
      backfill: h.backfill === undefined || h.backfill === null ? null : describeBackfill(h.backfill),
    });
  },
});
