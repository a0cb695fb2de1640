import { afterEach, describe, expect, it } from 'vitest';
import { SECOND } from '../../src/domain/time.ts';
import type { DailyPause } from '../../src/hubspot/daily-pause.ts';
import { HttpServer } from '../../src/server/http-server.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { healthzRoute, readyzRoute } from '../../src/server/routes/health.ts';
import { metricsRoute } from '../../src/server/routes/metrics.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import type { HealthSnapshot } from '../../src/worker/health.ts';
import { captureLogger } from '../fakes/logger.ts';
import { FakeClock } from '../support/fake-clock.ts';

const T0 = Date.UTC(2026, 2, 2, 9);

describe('health and metrics server', () => {
  let server: HttpServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function start(health: HealthSnapshot, clock = new FakeClock(T0), pause: DailyPause | null = null) {
    const events = new WorkerEvents();
    const metrics = createMetrics(events, { defaultMetrics: false });
    server = new HttpServer({ host: '127.0.0.1', port: 0, logger: captureLogger().logger }, [
      healthzRoute(),
      readyzRoute({ clock, health: () => health, maxAge: () => 90 * SECOND, hubspotPause: () => pause }),
      metricsRoute(metrics.registry),
    ]);
    const port = await server.listen();
    return { base: `http://127.0.0.1:${port}`, events, metrics, clock };
  }

  const leader: HealthSnapshot = {
    role: 'leader',
    lastCycleAt: T0,
    lastOutcome: 'ok',
    lastSuccessAt: T0,
    lastLeaseCheckAt: T0,
    stopping: false,
  };

  it('answers /healthz, and /readyz only while the last cycle succeeded recently', async () => {
    const s = await start(leader);
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${s.base}/readyz`);
    expect(ready.status).toBe(200);
    s.clock.advance(91 * SECOND);
    const stale = await fetch(`${s.base}/readyz`);
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({
      status: 'not ready',
      reason: 'last successful cycle 91 s ago',
    });
  });

  it('explains a HubSpot daily-limit pause: why, until when in portal time, and the next probe', async () => {
    const pause: DailyPause = {
      reason: 'daily_limit',
      since: T0 - 60 * SECOND,
      until: Date.UTC(2026, 2, 2, 23),
      zone: 'Europe/Amsterdam',
      nextProbeAt: T0 + 14 * 60 * SECOND,
    };
    const s = await start(
      { ...leader, lastOutcome: 'degraded', lastSuccessAt: T0 - 5 * 60 * SECOND },
      undefined,
      pause,
    );
    const res = await fetch(`${s.base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'not ready',
      reason:
        'HubSpot daily API limit reached (429 DAILY): calls paused until midnight portal time, ' +
        '00:00 Tue 3 Mar 2026 (Europe/Amsterdam), unless HubSpot serves the probe at ' +
        '10:14 Mon 2 Mar 2026 (Europe/Amsterdam) (asked every 15 minutes)',
      role: 'leader',
      lastOutcome: 'degraded',
      lastSuccessAt: '2026-03-02T08:55:00.000Z',
      hubspotPause: {
        reason: 'daily_limit',
        since: '2026-03-02T08:59:00.000Z',
        until: '2026-03-02T23:00:00.000Z',
        untilLocal: '00:00 Tue 3 Mar 2026 (Europe/Amsterdam)',
        nextProbeAt: '2026-03-02T09:14:00.000Z',
        nextProbeLocal: '10:14 Mon 2 Mar 2026 (Europe/Amsterdam)',
      },
      backfill: null,
    });
  });

  it('stays ready during a first-install import and shows how far it got', async () => {
    const backfill = {
      installedAt: T0 - 60 * SECOND,
      since: T0 - 60 * SECOND - 30 * 86_400_000,
      position: '{"v":1,"scans":{}}',
      done: false,
      read: 4_000,
      total: 10_000,
      imported: 3_990,
      oldest: Date.UTC(2026, 1, 20, 14, 30),
      finishedAt: null,
    };
    const s = await start({ ...leader, backfill });
    const res = await fetch(`${s.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ready',
      backfill: {
        state: 'importing',
        progress: '4,000 of ~10,000 leads read, 3,990 imported, oldest 2026-02-20',
        read: 4_000,
        total: 10_000,
        imported: 3_990,
        oldest: '2026-02-20T14:30:00.000Z',
        since: '2026-01-31T08:59:00.000Z',
        installedAt: '2026-03-02T08:59:00.000Z',
        finishedAt: null,
      },
    });
  });

  it('is not ready before the first successful cycle', async () => {
    const s = await start({ ...leader, lastSuccessAt: null, lastOutcome: 'failed' });
    expect((await fetch(`${s.base}/readyz`)).status).toBe(503);
  });

  it('exposes the worker metrics in Prometheus format', async () => {
    const s = await start(leader);
    s.events.emit('cycle:done', {
      cycle: 1,
      now: T0,
      outcome: 'ok',
      durationMs: 250,
      handoffs: 3,
      recorded: 4,
      error: null,
    });
    s.events.emit('verdicts', { pending: 2, met: 5, breached: 1, excused: 1 });
    s.events.emit('open:held', { whole: 3, compact: 6 });
    s.events.emit('notify:sent', { key: 'k', kind: 'handoff', lateBy: 0 });
    s.events.emit('notify:retry', { key: 'k2', error: 'ratelimited' });
    s.events.emit('queue:depth', { pending: 7 });
    s.events.emit('role:changed', { role: 'leader' });
    s.metrics.hubspotRequest(200);
    s.metrics.hubspotRequest(429);
    const res = await fetch(`${s.base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const line of [
      'sla_bot_cycle_duration_seconds_count{outcome="ok"} 1',
      'sla_bot_handoffs_total 3',
      'sla_bot_verdicts{kind="breached"} 1',
      'sla_bot_verdicts{kind="excused"} 1',
      'sla_bot_open_instances{form="whole"} 3',
      'sla_bot_open_instances{form="compact"} 6',
      'sla_bot_slack_sends_total{kind="handoff"} 1',
      'sla_bot_slack_send_failures_total{result="retry"} 1',
      'sla_bot_outbox_pending 7',
      'sla_bot_instance_role{role="leader"} 1',
      'sla_bot_hubspot_requests_total{status="429"} 1',
      'sla_bot_hubspot_rate_limited_total 1',
    ])
      expect(text).toContain(line);
  });

  it('takes extra routes from other modules and refuses a second handler for the same route', async () => {
    const s = await start(leader);
    server?.addRoute({
      method: 'GET',
      path: '/dashboard',
      handle: (_q, r) => {
        r.end('dash');
      },
    });
    expect(await (await fetch(`${s.base}/dashboard`)).text()).toBe('dash');
    expect(() => server?.addRoute(healthzRoute())).toThrow(/already registered/);
    expect((await fetch(`${s.base}/nope`)).status).toBe(404);
    expect((await fetch(`${s.base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
