import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/system-clock.ts';
import { loadEnv } from '../../src/config/env.ts';
import { signatureV3 } from '../../src/hubspot/webhooks/signature.ts';
import { type App, buildApp } from '../../src/main.ts';
import { signSlackRequest, startSlackSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

const HUBSPOT_SECRET = 'public-port-client-secret';
const SIGNING_SECRET = 'public-port-signing-secret';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux: { manager: anna@example.com, members: [bram@example.com] }
policies:
  - { name: sql, stage: sql, calendar: 24x7, first_contact: { within: 1h } }
poll: { every: 5m }
slack: { admins: [anna@example.com] }
`;

/**
 * PUBLIC_PORT: the routes the internet must reach (HubSpot webhooks, Slack events in HTTP mode) on a
 * listener of their own, the dashboard, health and metrics on PORT — the running app, both sandboxes.
 */
describe('the public routes on PUBLIC_PORT, the rest on PORT', () => {
  let dir = '';
  let app: App | null = null;
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await app?.close();
    app = null;
    for (const stop of stops.splice(0)) await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function start(extra: Record<string, string>): Promise<App> {
    dir = await mkdtemp(join(tmpdir(), 'sla-public-port-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    const hubspot = await startCheckedHubSpotSandbox({ tokens: ['pat-public'] });
    const slack = await startSlackSandbox({ tokens: ['xoxb-public'], rateLimits: false });
    stops.push(hubspot.stop, slack.stop);
    for (const email of ['bram@example.com', 'anna@example.com']) slack.state.addUser({ email });
    const started = await buildApp({
      env: loadEnv({
        HUBSPOT_ACCESS_TOKEN: 'pat-public',
        HUBSPOT_BASE_URL: hubspot.url,
        HUBSPOT_CLIENT_SECRET: HUBSPOT_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-public',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        SLA_CONFIG: join(dir, 'sla.yaml'),
        DATABASE_URL: join(dir, 'sla.sqlite'),
        DASHBOARD_TOKEN: 'dash-token',
        PORT: '0',
        ...extra,
      }),
      clock: systemClock,
      logger: captureLogger('warn').logger,
      cwd: dir,
      once: false,
      dryRun: false,
    });
    app = started;
    await started.start();
    return started;
  }

  const signedWebhook = (url: string) => {
    const body = '[]';
    const timestamp = String(Date.now());
    return fetch(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': timestamp,
        'x-hubspot-signature-v3': signatureV3(HUBSPOT_SECRET, { method: 'POST', uri: url, body, timestamp }),
      },
    });
  };

  const slackEvent = (url: string) => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' });
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
      },
    });
  };

  it('answers webhooks and Slack events only on the public port, and the dashboard, health and metrics only on PORT', async () => {
    const a = await start({ PUBLIC_PORT: '0' });
    const main = `http://127.0.0.1:${a.port()}`;
    const pub = `http://127.0.0.1:${a.publicPort()}`;
    expect(a.publicPort()).not.toBeNull();
    expect(a.publicPort()).not.toBe(a.port());

    expect((await signedWebhook(`${pub}/webhooks/hubspot`)).status).toBe(204);
    const challenge = await slackEvent(`${pub}/slack/events`);
    expect(challenge.status).toBe(200);
    expect(await challenge.text()).toContain('c-123');
    for (const path of [
      '/dashboard',
      '/dashboard/data.json',
      '/dashboard/sign-in',
      '/healthz',
      '/readyz',
      '/metrics',
    ])
      expect({
        path,
        status: (await fetch(`${pub}${path}`, { headers: { authorization: 'Bearer dash-token' } })).status,
      }).toEqual({
        path,
        status: 404,
      });

    expect((await signedWebhook(`${main}/webhooks/hubspot`)).status).toBe(404);
    expect((await slackEvent(`${main}/slack/events`)).status).toBe(404);
    expect((await fetch(`${main}/healthz`)).status).toBe(200);
    expect((await fetch(`${main}/metrics`)).status).toBe(200);
    expect(
      (await fetch(`${main}/dashboard`, { headers: { authorization: 'Bearer dash-token' } })).status,
    ).toBe(200);
  });

  it('serves everything on PORT when PUBLIC_PORT is unset, as before', async () => {
    const a = await start({});
    const main = `http://127.0.0.1:${a.port()}`;
    expect(a.publicPort()).toBeNull();
    expect((await signedWebhook(`${main}/webhooks/hubspot`)).status).toBe(204);
    expect((await slackEvent(`${main}/slack/events`)).status).toBe(200);
    expect((await fetch(`${main}/healthz`)).status).toBe(200);
  });
});
