import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackAppDeps, slackMode } from '../../src/slack/app.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { fixture } from './support/bolt-harness.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { slackConfig } from './support/fixtures.ts';
import { SLACK_API_URL } from './support/slack-http.ts';

function deps(env: Partial<SlackAppDeps['env']>, clock = new FakeClock(Date.UTC(2026, 2, 10))) {
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (l: string) => logs.push(JSON.parse(l)) });
  const config = slackConfig();
  const d: SlackAppDeps = {
    env: {
      SLACK_API_URL,
      SLACK_BOT_TOKEN: undefined,
      SLACK_APP_TOKEN: undefined,
      SLACK_SIGNING_SECRET: undefined,
      ...env,
    },
    client: createSlackWebClient('xoxb-test', { apiUrl: SLACK_API_URL, logger }),
    store: new FakeSlackStore(),
    owners: async () => [],
    leadWriter: null,
    config: () => config,
    clock,
    logger,
  };
  return { d, logs };
}

describe('how the Slack app connects', () => {
  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }, 'socket'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, 'http'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'off'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'off'],
  ] as const)('%o → %s', (env, mode) => {
    expect(slackMode({ SLACK_API_URL, ...env })).toBe(mode);
  });

  it('with only a bot token, says once at start-up that interactivity is off', async () => {
    const { d, logs } = deps({ SLACK_BOT_TOKEN: 'xoxb-1' });
    const app = createSlackApp(d);
    await app.start();
    await app.stop();
    expect(app.mode).toBe('off');
    expect(app.routes).toEqual([]);
    expect(logs.filter((l) => l.msg === 'slack interactivity is off; messages are still sent')).toHaveLength(
      1,
    );
  });

  it('Socket Mode needs no public route', () => {
    const { d } = deps({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    const app = createSlackApp(d);
    expect(app.mode).toBe('socket');
    expect(app.routes).toEqual([]);
  });
});

describe('the Slack app over HTTP', () => {
  let server: Server | null = null;
  let slack: Server | null = null;
  const close = (s: Server | null) =>
    new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
  const listen = async (s: Server) => {
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return (s.address() as AddressInfo).port;
  };
  afterEach(async () => {
    await close(server);
    await close(slack);
    server = null;
    slack = null;
  });

  it('HTTP mode checks the token at start-up and serves signed requests on POST /slack/events', async () => {
    // A loopback stand-in for Slack's auth.test (the strict HTTP mock would flag the loopback calls below).
    const authTests: string[] = [];
    slack = createServer((req, res) => {
      authTests.push(String(req.url));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, user_id: 'U_BOT', bot_id: 'B_BOT', team_id: 'T1' }));
    });
    const slackPort = await listen(slack);
    // Requests are checked against the app's clock (ours, both ways) and the machine's (Bolt's, the past).
    const { d } = deps(
      {
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 'shh',
        SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      },
      new FakeClock(Date.now()),
    );
    const app = createSlackApp(d);
    await app.start();
    expect(app.mode).toBe('http');
    expect(app.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
    const route = app.routes[0];
    if (!route) throw new Error('no route');
    expect(authTests).toEqual(['/api/auth.test']);
    server = createServer((req, res) => void route.handle(req, res));
    const port = await listen(server);

    const payload = fixture('block-actions-on-it.json');
    const actions = [{ ...(payload.actions as Record<string, unknown>[])[0], action_id: 'sla_open_hubspot' }];
    const raw = new URLSearchParams({ payload: JSON.stringify({ ...payload, actions }) }).toString();
    const post = (signature: string) => {
      const ts = String(Math.floor(Date.now() / 1000));
      const sig = signature || `v0=${createHmac('sha256', 'shh').update(`v0:${ts}:${raw}`).digest('hex')}`;
      return fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': ts,
          'x-slack-signature': sig,
        },
        body: raw,
      });
    };
    expect((await post('')).status).toBe(200);
    expect((await post('v0=forged')).status).toBe(401);
  });
});
