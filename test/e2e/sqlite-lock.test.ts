import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it, onTestFailed } from 'vitest';
import { signatureV3 } from '../../src/hubspot/webhooks/signature.ts';
import type { Delivered } from '../../src/sandbox/index.ts';
import { ACTION } from '../../src/slack/render/ids.ts';
import { kindOf, shown, startWorld, waitFor } from './harness.ts';

const HUBSPOT_SECRET = 'e2e-hubspot-client-secret';
const SLACK_SECRET = 'e2e-slack-signing-secret';
/**
 * How long the other process holds the database. The attack held it 45 s and its "Done
 * when" says 30 s; 8 s keeps CI fast and still outlasts the store's 5 s busy_timeout, so at least one
 * write gives up (`StoreBusyError`) and is retried after the lock.
 */
const HOLD_MS = 8_000;
/** The bound for health, Slack acknowledgements and webhook replies while the store is locked. */
const ANSWER_WITHIN_MS = 100;
/**
 * For a single answer and for the longest event-loop stall: a fifth of busy_timeout, which is what
 * the event loop waited per blocked write before the fix. Measured on 2 shared cores: 15–20 ms at a
 * load average of 2, up to 94 ms at 4–5 (scheduling and GC), so 100 ms would be flaky for a maximum.
 */
const LOOP_STALL_WITHIN_MS = 1_000;

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
    channel: "#sales-benelux"
policies:
  - name: sql-e2e
    stage: sql
    calendar: 24x7
    first_contact: { within: 10m, remind: [5m] }
poll: { every: 2s, overlap: 1m }
hubspot: { search_per_second: 4 }
slack: { admins: [ops@example.com] }
`;

/** Another process (here `node -e` with node:sqlite; in the issue, `sqlite3`) holding `BEGIN EXCLUSIVE`. */
function holdExclusiveLock(file: string, holdMs: number) {
  const script = `
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1], { timeout: 10000 });
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(holdMs)]);
  const exited = once(child, 'exit');
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return { exited, said: (word: string) => out.includes(word), output: () => out };
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/**
 * The worker's longest event-loop delay since the previous /metrics scrape (prom-client samples it
 * with `monitorEventLoopDelay` and resets the histogram on every scrape).
 */
async function eventLoopDelayMaxMs(base: string): Promise<number> {
  const metrics = await (await fetch(`${base}/metrics`)).text();
  return 1000 * Number(/^sla_bot_nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(metrics)?.[1] ?? Number.NaN);
}

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
};

/**
 * Issue 16, point 6: another process holds the SQLite file locked while `sla-bot run` serves. The
 * event loop must not wait on the database: `/healthz`, a Slack button's acknowledgement and a
 * HubSpot webhook's reply come at once; the writes wait (in the SQLite thread), the one that waits
 * past busy_timeout fails as retryable, and once the lock is gone everything is recorded and sent
 * exactly once.
 *
 * This test measures latency, which otherwise belongs in benchmarks: the issue asks for it as a
 * fault test. The bounds are far from both sides. Before the fix (busy_timeout spent on the event
 * loop): /healthz p50 1.8 s, p99 5.0 s, event loop stalled 5.0 s. After, on 2 shared cores at a load
 * average of 1.5–5: p99 10–54 ms, longest stall 15–94 ms. The p99 gets the 100 ms; the
 * longest stall (the worker's own `monitorEventLoopDelay` via /metrics, free of the test process's
 * scheduling) and the single Slack and webhook answers, which cannot be percentiles, get 1 s.
 */
describe('an external exclusive SQLite lock (worker process, sandboxes)', () => {
  it('health, Slack acknowledgements and webhook replies answer at once; nothing is lost when it lifts', async () => {
    await using world = await startWorld(SLA);
    const worker = world.startWorker({
      HUBSPOT_CLIENT_SECRET: HUBSPOT_SECRET,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
    });
    onTestFailed(() => console.error(`worker log:\n${worker.tail(80)}`));
    const pingsAbout = (name: string) =>
      world.slack.state
        .dmsTo('bram@example.com')
        .filter((m) => kindOf(m) === 'ping' && shown(m).includes(name));

    await waitFor('the first cycle', () => worker.logged('cycle finished')[0], 20_000);
    // The last listener: while starting, another one answers /readyz with what start-up waits for.
    const base = `http://127.0.0.1:${Number(worker.logged('http server listening').at(-1)?.port)}`;
    world.handoff('Lena');
    const lenaPing = await waitFor('the ping about Lena', () => pingsAbout('Lena')[0], 20_000);
    await worker.cycleDoneAfter(lenaPing.postedAt);

    const lock = holdExclusiveLock(join(world.dir, 'sla.sqlite'), HOLD_MS);
    onTestFailed(() => console.error(`lock holder:\n${lock.output()}`));
    await waitFor('the exclusive lock', () => lock.said('locked'), 10_000);
    const lockedAt = Date.now();
    await eventLoopDelayMaxMs(base);

    // A new lead, announced by a signed webhook: its targeted read runs at once and meets the lock.
    const mia = world.handoff('Mia');
    const webhookBody = JSON.stringify([
      {
        eventId: Number(mia.id),
        subscriptionId: 1,
        portalId: 12345678,
        appId: 1,
        occurredAt: Date.now(),
        subscriptionType: 'contact.propertyChange',
        attemptNumber: 0,
        objectId: Number(mia.id),
        propertyName: 'lifecyclestage',
        propertyValue: 'salesqualifiedlead',
        changeSource: 'CRM_UI',
      },
    ]);
    const webhookUrl = `${base}/webhooks/hubspot`;
    const timestamp = String(Date.now());
    const webhook = await timed(() =>
      fetch(webhookUrl, {
        method: 'POST',
        body: webhookBody,
        headers: {
          'content-type': 'application/json',
          'x-hubspot-request-timestamp': timestamp,
          'x-hubspot-signature-v3': signatureV3(HUBSPOT_SECRET, {
            method: 'POST',
            uri: webhookUrl,
            body: webhookBody,
            timestamp,
          }),
        },
      }),
    );

    // Probes go out every 20 ms whether or not the last one answered, so a stalled event loop shows
    // in every probe it holds up, not just in one (no coordinated omission).
    const probes: Promise<{ value: Response; ms: number }>[] = [];
    let clicking: Promise<Delivered> | null = null;
    while (!lock.said('released')) {
      probes.push(timed(() => fetch(`${base}/healthz`)));
      // "On it" late in the lock, so its write, queued behind the writes already waiting, waits
      // less than busy_timeout and is recorded when the lock lifts.
      if (clicking === null && Date.now() - lockedAt > HOLD_MS - 2_500) {
        const onIt = world.slack.interact.clickButton({
          user: world.slack.state.seenBy('bram@example.com').user.id,
          channel: lenaPing.channel ?? '',
          ts: lenaPing.ts ?? '',
          actionId: ACTION.onIt,
        });
        clicking = world.slack.interact.deliver(`${base}/slack/events`, onIt, SLACK_SECRET);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const releasedAt = Date.now();
    // The worker's longest event-loop stall while the lock was held (since the scrape at `locked`).
    const loopDelayMaxMs = await eventLoopDelayMaxMs(base);
    await lock.exited;
    const click = await clicking;
    const health = await Promise.all(probes);
    for (const probe of health) expect(probe.value.status).toBe(200);

    // The lock was felt: a write waited out busy_timeout and failed as retryable.
    const busy = worker.logs.filter(
      (l) => l.time >= lockedAt && l.time <= releasedAt && /locked by another writer/.test(JSON.stringify(l)),
    );
    expect(busy.length).toBeGreaterThan(0);

    // Nothing lost, nothing twice: Mia is pinged once after the lock, Lena's "On it" is recorded.
    await waitFor('the ping about Mia', () => pingsAbout('Mia')[0], 20_000);
    await waitFor(
      'the "On it" confirmation',
      () =>
        world.slack.state.seenBy('bram@example.com').ephemerals.find((e) => e.text?.startsWith('Got it:')),
      20_000,
    );
    await worker.cycleDoneAfter(releasedAt);
    expect(pingsAbout('Lena')).toHaveLength(1);
    expect(pingsAbout('Mia')).toHaveLength(1);
    expect(worker.logged('on it pressed').map((l) => l.status)).toEqual(['recorded']);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const latencies = health.map((probe) => probe.ms);
    const p99 = percentile(latencies, 99);
    const measured =
      `while locked ${HOLD_MS} ms: ${latencies.length} /healthz probes, p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms; webhook ${webhook.ms.toFixed(1)} ms; ` +
      `Slack ack ${click?.ackMs} ms; worker event-loop delay max ${loopDelayMaxMs.toFixed(1)} ms`;
    expect(latencies.length, measured).toBeGreaterThan(HOLD_MS / 40);
    expect(p99, measured).toBeLessThan(ANSWER_WITHIN_MS);
    expect(loopDelayMaxMs, measured).toBeLessThan(LOOP_STALL_WITHIN_MS);
    expect(webhook.value.status).toBe(204);
    expect(webhook.ms, measured).toBeLessThan(LOOP_STALL_WITHIN_MS);
    expect(click).toMatchObject({ status: 200, shownError: null });
    expect(click?.ackMs, measured).toBeLessThan(LOOP_STALL_WITHIN_MS);
  }, 90_000);
});
