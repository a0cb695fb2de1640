import type { Clock } from '../../clock/clock.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import { type DailyPause, portalTime } from '../../hubspot/daily-pause.ts';
import { type HealthSnapshot, readiness } from '../../worker/health.ts';
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

/** Readiness: the last cycle succeeded recently (or, on a standby, the lease checks work). */
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
    });
  },
});
