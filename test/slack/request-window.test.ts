import { verifySlackRequest } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { signSlackRequest, startSlackSandbox } from '../../src/sandbox/index.ts';
import { HttpServer } from '../../src/server/http-server.ts';
import { createSlackApp, SLACK_EVENTS_PATH } from '../../src/slack/app.ts';
import { judgeRequestTimestamp } from '../../src/slack/request-window.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { slackConfig } from './support/fixtures.ts';

const SECRET = 'sandbox-signing-secret';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

describe('the five-minute window on X-Slack-Request-Timestamp, both ways', () => {
  const now = Date.UTC(2026, 2, 10, 13, 0, 0);
  const at = (offset: number) => String(Math.floor((now + offset) / 1000));
  it.each([
    [at(0), 'ok'],
    [at(-5 * MINUTE), 'ok'],
    [at(-5 * MINUTE - SECOND), 'stale'],
    [at(5 * MINUTE), 'ok'],
    [at(5 * MINUTE + SECOND), 'future'],
    [at(24 * 60 * MINUTE), 'future'],
    ['', 'unreadable'],
    ['12a', 'unreadable'],
    [undefined, 'unreadable'],
  ] as const)('%s → %s', (header, verdict) => {
    expect(judgeRequestTimestamp(header, now)).toBe(verdict);
  });
});

describe("Bolt's own verifier (why the window above exists)", () => {
  it('accepts a correctly signed request stamped an hour ahead: it checks only the past', () => {
    const now = Date.UTC(2026, 2, 10, 13, 0, 0);
    const ts = Math.floor((now + 60 * MINUTE) / 1000);
    const body = 'payload=%7B%7D';
    const headers = {
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signSlackRequest(SECRET, ts, body),
    };
    expect(() =>
      verifySlackRequest({ signingSecret: SECRET, body, headers, nowMilliseconds: now }),
    ).not.toThrow();
    const stale = Math.floor((now - 6 * MINUTE) / 1000);
    const old = {
      'x-slack-request-timestamp': stale,
      'x-slack-signature': signSlackRequest(SECRET, stale, body),
    };
    expect(() =>
      verifySlackRequest({ signingSecret: SECRET, body, headers: old, nowMilliseconds: now }),
    ).toThrow(/stale/);
  });
});

describe('signed requests to POST /slack/events', () => {
  /** The real app over HTTP, answering the Slack sandbox's signed deliveries. */
  async function setup() {
    // Bolt also checks the past against the machine's clock, so the app's clock starts there.
    const clock = new FakeClock(Date.now());
    const sandbox = await startSlackSandbox({ clock });
    cleanups.push(() => sandbox.stop());
    const rep = sandbox.state.addUser({ email: 'bram@example.com' });
    const logs: Record<string, unknown>[] = [];
    const logger = pino({ level: 'warn' }, { write: (l: string) => logs.push(JSON.parse(l)) });
    const app = createSlackApp({
      env: {
        SLACK_BOT_TOKEN: 'xoxb-sandbox',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: sandbox.url,
      },
      client: createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger }),
      store: new FakeSlackStore(),
      owners: async () => [],
      leadWriter: null,
      config: () => slackConfig(),
      clock,
      logger,
    });
    await app.start();
    const server = new HttpServer({ host: '127.0.0.1', port: 0, logger }, app.routes);
    const port = await server.listen();
    cleanups.push(() => server.close());
    const url = `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`;
    // The HubSpot link button: an interaction the app only acknowledges.
    const posted = await createSlackWebClient('xoxb-sandbox', {
      apiUrl: sandbox.url,
      logger,
    }).chat.postMessage({
      channel: rep.id,
      text: 'lead',
      blocks: [
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'sla_open_hubspot', text: { type: 'plain_text', text: 'Open' } },
          ],
        },
      ],
    });
    const click = () =>
      sandbox.interact.clickButton({
        user: rep.id,
        channel: posted.channel ?? '',
        ts: posted.ts ?? '',
        actionId: 'sla_open_hubspot',
      });
    const seconds = (offset: number) => Math.floor((clock.now() + offset) / 1000);
    const send = (offset: number, secret = SECRET) =>
      sandbox.interact.deliver(url, click(), secret, seconds(offset));
    // The three kinds of request Slack sends to the one HTTP-mode endpoint.
    const kinds = {
      interaction: click,
      'slash command': () => sandbox.interact.slashCommand({ user: rep.id, command: '/sla', text: 'help' }),
      'Events API event': () => sandbox.interact.appHomeOpened({ user: rep.id }),
    };
    const sendKind = (kind: keyof typeof kinds, offset: number) =>
      sandbox.interact.deliver(url, kinds[kind](), SECRET, seconds(offset));
    return { send, sendKind, logs };
  }

  it('answers a correctly signed request stamped now, or up to five minutes ahead', async () => {
    const { send } = await setup();
    expect((await send(0)).status).toBe(200);
    expect((await send(4 * MINUTE)).status).toBe(200);
  });

  it('refuses a correctly signed request stamped more than five minutes ahead (Bolt alone would take it)', async () => {
    const { send, logs } = await setup();
    const refused = await send(6 * MINUTE);
    expect([refused.status, refused.shownError]).toEqual([401, 'This app responded with Status Code 401']);
    expect(logs.map((l) => [l.msg, l.verdict])).toContainEqual([
      'slack request refused: timestamp outside the five-minute window',
      'future',
    ]);
  });

  it.each(['interaction', 'slash command', 'Events API event'] as const)(
    'refuses a correctly signed %s stamped ten minutes ahead with 401, and takes it stamped now (issue 16)',
    async (kind) => {
      const { sendKind } = await setup();
      expect((await sendKind(kind, 10 * MINUTE)).status).toBe(401);
      expect((await sendKind(kind, 0)).status).toBe(200);
    },
  );

  it('refuses a correctly signed request stamped more than five minutes ago, and a wrong signature', async () => {
    const { send } = await setup();
    expect((await send(-6 * MINUTE)).status).toBe(401);
    expect((await send(0, 'not-the-secret')).status).toBe(401);
  });
});
