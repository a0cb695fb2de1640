import type { Clock } from '../../clock/clock.ts';
import type { Millis } from '../../domain/time.ts';
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
}

/** Readiness: the last cycle succeeded recently (or, on a standby, the lease checks work). */
export const readyzRoute = (deps: ReadyzDeps): Route => ({
  method: 'GET',
  path: '/readyz',
  handle: (_req, res) => {
    const h = deps.health();
    const r = readiness(h, deps.clock.now(), deps.maxAge());
    sendJson(res, r.ready ? 200 : 503, {
      status: r.ready ? 'ready' : 'not ready',
      reason: r.reason,
      role: h.role,
      lastOutcome: h.lastOutcome,
      lastSuccessAt: h.lastSuccessAt === null ? null : new Date(h.lastSuccessAt).toISOString(),
    });
  },
});
