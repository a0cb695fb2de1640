import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import {
  createTestSchema,
  postgresUnavailableReason,
  REQUIRE_POSTGRES,
  skipWarning,
  type TestSchema,
} from '../store/postgres-harness.ts';

const unavailable = await postgresUnavailableReason();
if (unavailable && REQUIRE_POSTGRES)
  throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1): ${unavailable}`);
if (unavailable) console.warn(skipWarning('the HA test on PostgreSQL', unavailable));

const POLL_MS = 6_000;
const LEADS = 14;
const LEAD_EVERY_MS = 1_000;

interface Child {
  readonly proc: ChildProcess;
  readonly lines: Record<string, unknown>[];
  next(match: (l: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>>;
}

function startChild(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['test/worker/fixtures/ha-child.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    match: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];
  createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const w of [...waiters])
      if (w.match(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
  });
  return {
    proc,
    lines,
    next: (match, timeoutMs) => {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for a line; got ${JSON.stringify(lines)}`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
      });
    },
  };
}

describe.skipIf(unavailable !== null)('several instances on PostgreSQL (real processes)', () => {
  let schema: TestSchema;
  let slack: Server;
  const received: { key: string; holder: string; at: number }[] = [];
  let slackUrl = '';

  beforeAll(async () => {
    schema = await createTestSchema();
    const store = await openStore(schema.url, { logger: createLogger('silent') });
    await store.close();
    slack = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const m = JSON.parse(body) as { key: string; holder: string };
        received.push({ ...m, at: Date.now() });
        res.end('{"ok":true}');
      });
    });
    slack.listen(0, '127.0.0.1');
    await once(slack, 'listening');
    slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/send`;
  });
  afterAll(async () => {
    slack?.close();
    await schema?.drop();
  });

  it('runs the cycle on one instance only; when the leader is killed the other takes over within one interval and nothing is sent twice', async () => {
    const env = {
      DATABASE_URL: schema.url,
      SLACK_URL: slackUrl,
      BASE_TIME: String(Date.now()),
      LEADS: String(LEADS),
      LEAD_EVERY_MS: String(LEAD_EVERY_MS),
      POLL_MS: String(POLL_MS),
    };
    const a = startChild({ ...env, HOLDER: 'a' });
    await a.next((l) => l.event === 'role' && l.role === 'leader', 15_000);
    const b = startChild({ ...env, HOLDER: 'b' });
    await b.next((l) => l.event === 'started', 15_000);
    // Let the leader deliver a few pings, then kill it without warning.
    while (received.length < 4) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(b.lines.filter((l) => l.event === 'cycle')).toHaveLength(0);
    const killedAt = Date.now();
    a.proc.kill('SIGKILL');
    await once(a.proc, 'exit');
    await b.next((l) => l.event === 'role' && l.role === 'leader', 3 * POLL_MS);
    const takeover = Date.now() - killedAt;
    const deadline = Date.now() + 3 * POLL_MS + LEADS * LEAD_EVERY_MS;
    while (new Set(received.map((r) => r.key)).size < LEADS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    b.proc.kill('SIGTERM');
    const [code] = await once(b.proc, 'exit');

    const keys = received.map((r) => r.key);
    // The one resend the design allows: the message Slack accepted in the instant before the kill,
    // before the outbox recorded it (the last one the killed leader posted).
    const lastOfA = received.filter((r) => r.holder === 'a').at(-1)?.key;
    const repeated = [...new Set(keys)].filter((k) => keys.indexOf(k) !== keys.lastIndexOf(k));
    const inFlight = repeated.filter((k) => k === lastOfA && keys.filter((x) => x === k).length === 2).length;
    const duplicates = keys.length - new Set(keys).size - inFlight;
    process.stdout.write(
      `\nHA figures: leads handed off=${LEADS} pings delivered=${new Set(keys).size} (by a: ${received.filter((r) => r.holder === 'a').length}, by b: ${received.filter((r) => r.holder === 'b').length}) duplicates=${duplicates} in_flight_resends=${inFlight} lost=${LEADS - new Set(keys).size} takeover=${takeover} ms (poll interval ${POLL_MS} ms)\n`,
    );
    expect(code).toBe(0);
    expect(duplicates).toBe(0);
    expect(new Set(keys).size).toBe(LEADS);
    expect(takeover).toBeLessThanOrEqual(POLL_MS);
    expect(received.some((r) => r.holder === 'b')).toBe(true);
  }, 90_000);
});
