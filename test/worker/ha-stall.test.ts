import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import type { SandboxRequest } from '../../src/sandbox/shared/http-types.ts';
import { keyOf } from '../../src/slack/message-key.ts';
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
if (unavailable) console.warn(skipWarning('the stalled-leader test on PostgreSQL', unavailable));

/** Runs of stop → takeover → ping → continue; the roles alternate. */
const RUNS = 10;
const REFUSED = 'send refused: another replica took over the lease; this one stops delivering';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Child {
  readonly name: string;
  readonly token: string;
  readonly proc: ChildProcess;
  readonly lines: Record<string, unknown>[];
  /** The first line from `from` on that matches, waiting up to `timeoutMs`; `null` when none came. */
  next(
    match: (l: Record<string, unknown>) => boolean,
    timeoutMs: number,
    from?: number,
  ): Promise<Record<string, unknown> | null>;
}

function startChild(name: string, env: Record<string, string>): Child {
  const token = `xoxb-${name}`;
  const proc = spawn(process.execPath, ['test/worker/fixtures/stall-child.ts'], {
    env: { ...process.env, ...env, HOLDER: name, SLACK_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as Record<string, unknown>);
    } catch {
      lines.push({ text });
    }
  });
  return {
    name,
    token,
    proc,
    lines,
    next: async (match, timeoutMs, from = 0) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hit = lines.slice(from).find(match);
        if (hit) return hit;
        if (Date.now() > until) return null;
        await sleep(20);
      }
    },
  };
}

/**
 * Issue 16, point 1, with real processes: two workers on one PostgreSQL, the real Slack notifier against
 * the loopback Slack. Right after a handoff, the leader is stopped (SIGSTOP) in the middle of sending
 * the ping — while it asks Slack who the rep is, after its last lease check —, long enough for the
 * other worker to take over and ping; then it continues (SIGCONT). Its claim is refused: 0 duplicates.
 */
describe.skipIf(unavailable !== null)(
  'a stalled leader on PostgreSQL (real processes, SIGSTOP/SIGCONT)',
  () => {
    let schema: TestSchema;
    let parent: Server;
    let slack: SlackSandbox;
    const leads: { id: string; enteredAt: number; ownerId: string }[] = [];
    const owners: { id: string; email: string }[] = [];
    /** The next `users.lookupByEmail` of this e-mail by this token stops its caller. */
    let trap: { email: string; token: string; stop: () => void } | null = null;
    const children: Child[] = [];

    const onSlackRequest = (req: SandboxRequest) => {
      if (trap === null || !req.path.endsWith('/users.lookupByEmail')) return;
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const body = decodeURIComponent(req.body);
      if (token !== trap.token || !body.includes(trap.email)) return;
      const { stop } = trap;
      trap = null;
      stop();
    };

    beforeAll(async () => {
      schema = await createTestSchema();
      await (await openStore(schema.url, { logger: createLogger('silent') })).close();
      slack = await startSlackSandbox({
        tokens: ['xoxb-a', 'xoxb-b'],
        rateLimits: false,
        observeRequest: onSlackRequest,
      });
      slack.state.addUser({ email: 'bram@example.com' });
      slack.state.addUser({ email: 'anna@example.com' });
      slack.state.addChannel({ name: 'sales' });
      slack.state.addChannel({ name: 'sla-admins' });
      parent = createServer((req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(req.url === '/owners' ? owners : leads));
      });
      parent.listen(0, '127.0.0.1');
      await once(parent, 'listening');
    });
    afterAll(async () => {
      for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
      parent?.close();
      await slack?.stop();
      await schema?.drop();
    });

    it(`0 duplicate pings in ${RUNS} runs: the stalled leader's claim is refused when it continues`, async () => {
      const env = {
        DATABASE_URL: schema.url,
        SLACK_API_URL: slack.url,
        PARENT_URL: `http://127.0.0.1:${(parent.address() as AddressInfo).port}`,
      };
      const a = startChild('a', env);
      children.push(a);
      expect(await a.next((l) => l.event === 'role' && l.role === 'leader', 20_000)).not.toBeNull();
      const b = startChild('b', env);
      children.push(b);
      expect(await b.next((l) => l.event === 'started', 20_000)).not.toBeNull();

      const started = Date.now();
      const pingsTo = (email: string) => {
        const dm = slack.state.dmsTo(email);
        return dm.filter((m) => keyOf(m)?.includes(':handoff:') === true);
      };
      let [leader, other] = [a, b];
      const refusals: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const email = `rep${run}@example.com`;
        slack.state.addUser({ email });
        owners.push({ id: `o${run}`, email });
        const stopped = new Promise<void>((resolve) => {
          trap = {
            email,
            token: leader.token,
            stop: () => {
              leader.proc.kill('SIGSTOP');
              resolve();
            },
          };
        });
        const from = leader.lines.length;
        leads.push({ id: `s${run}`, enteredAt: Date.now(), ownerId: `o${run}` });
        await Promise.race([
          stopped,
          sleep(20_000).then(() =>
            Promise.reject(new Error(`run ${run}: the leader never asked for ${email}`)),
          ),
        ]);

        // The other worker takes the lease over and pings the rep.
        const deadline = Date.now() + 20_000;
        while (pingsTo(email).length === 0 && Date.now() < deadline) await sleep(50);
        expect(pingsTo(email), `run ${run}: the other worker pinged`).toHaveLength(1);
        leader.proc.kill('SIGCONT');
        // The stalled one continues: its claim is refused (or, without fencing, it posts a second copy).
        const refused = await leader.next((l) => l.msg === REFUSED, 5_000, from);
        if (refused) refusals.push(run);
        await sleep(300);
        expect(
          pingsTo(email).map((m) => m.ts),
          `run ${run}: pings to ${email}`,
        ).toHaveLength(1);
        [leader, other] = [other, leader];
      }
      const elapsed = Date.now() - started;

      for (const c of children) c.proc.kill('SIGTERM');
      const codes = await Promise.all(
        children.map(async (c) => (c.proc.exitCode ?? (await once(c.proc, 'exit'))[0]) as number),
      );
      const keys = slack.state.log.messages.map((m) => keyOf(m)).filter((k): k is string => k !== null);
      const duplicates = keys.length - new Set(keys).size;
      const pings = owners.map((o) => pingsTo(o.email).length);
      process.stdout.write(
        `\nStalled-leader figures: runs=${RUNS} pings=${pings.reduce((x, y) => x + y, 0)} duplicate posts=${duplicates} refused claims=${refusals.length} (${elapsed} ms)\n`,
      );
      expect(pings).toEqual(owners.map(() => 1));
      expect(duplicates).toBe(0);
      expect(refusals).toHaveLength(RUNS);
      expect(codes).toEqual([0, 0]);
    }, 150_000);
  },
);
