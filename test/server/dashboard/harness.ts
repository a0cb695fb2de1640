import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { loadEnv } from '../../../src/config/env.ts';
import type { SlaConfig } from '../../../src/config/types.ts';
import type { PersonFacts } from '../../../src/domain/reports/index.ts';
import type { Instant } from '../../../src/domain/time.ts';
import type { Store } from '../../../src/ports/store.ts';
import { type SlackSandbox, startSlackSandbox } from '../../../src/sandbox/index.ts';
import { type SignInSettings, signInSettings } from '../../../src/server/dashboard/auth/sign-in-settings.ts';
import { createSlackSignIn } from '../../../src/server/dashboard/auth/slack-sign-in.ts';
import { dashboardRoutes } from '../../../src/server/dashboard/dashboard-routes.ts';
import { HttpServer } from '../../../src/server/http-server.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { captureLogger } from '../../fakes/logger.ts';
import { facts, NOW, setup } from '../../fixtures/reports/hand-computed.ts';
import { configFor, writeFacts } from '../../fixtures/reports/store-facts.ts';
import { FakeClock } from '../../support/fake-clock.ts';

export interface Dashboard {
  readonly base: string;
  readonly store: Store;
  readonly clock: FakeClock;
  /** The Slack sandbox people sign in through (on the same clock); `null` without `signIn`. */
  readonly slack: SlackSandbox | null;
  readonly settings: SignInSettings | null;
  /** What the server logged (JSON lines). */
  readonly logs: () => string;
  close(): Promise<void>;
}

export const CLIENT_ID = '2141029472.691202649728';
export const CLIENT_SECRET = 'sandbox-client-secret';

export interface DashboardOptions {
  readonly token?: string | null;
  readonly host?: string;
  readonly now?: Instant;
  /** The config in force (a function: read on every request, as hot reload does). */
  readonly config?: SlaConfig | (() => SlaConfig);
  readonly owners?: () => Promise<readonly PersonFacts[] | null>;
  /** Fills the store; default: the hand-computed fixture. */
  readonly fill?: (store: Store) => Promise<void>;
  /**
   * Sign in with Slack against a Slack sandbox on the dashboard's clock, the app registered there with
   * this server's callback as its one Redirect URL; `people` are the workspace's members (e-mails).
   */
  readonly signIn?: { readonly people: readonly string[]; readonly sessionSecret?: string };
  /** The server's log level (default `silent`). */
  readonly logLevel?: string;
}

/**
 * A real SQLite store with the data, and the worker's HTTP server with the dashboard routes (and
 * Sign in with Slack through the Slack sandbox when asked).
 */
export async function startDashboard(o: DashboardOptions = {}): Promise<Dashboard> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-dashboard-'));
  const store = await openStore(join(dir, 'store.sqlite'), { logger: captureLogger('silent').logger });
  const now = o.now ?? NOW;
  await (o.fill ?? ((s) => writeFacts(s, facts, now)))(store);
  const clock = new FakeClock(now);
  const { logger, raw } = captureLogger(o.logLevel ?? 'silent');
  const given = o.config ?? configFor(setup);
  const config = typeof given === 'function' ? given : () => given;
  const host = o.host ?? '127.0.0.1';
  // Routes are added once the port is known: the redirect URL names it.
  const server = new HttpServer({ host, port: 0, logger });
  const port = await server.listen();
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const slack = o.signIn ? await startSlackSandbox({ clock, rateLimits: false }) : null;
  let settings: SignInSettings | null = null;
  if (slack !== null && o.signIn) {
    for (const email of o.signIn.people) slack.state.addUser({ email });
    settings = signInSettings(
      loadEnv({
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        DASHBOARD_URL: base,
        SLACK_API_URL: slack.url,
        ...(o.signIn.sessionSecret ? { SESSION_SECRET: o.signIn.sessionSecret } : {}),
      }),
    );
    if (settings === null) throw new Error('sign-in settings missing');
    slack.state.registerOpenIdClient({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: [settings.redirectUri],
    });
  }
  const routes = dashboardRoutes({
    store,
    config,
    owners: o.owners ?? (async () => setup.owners),
    clock,
    token: o.token ?? null,
    signIn: settings,
    slackSignIn:
      settings === null || slack === null
        ? null
        : createSlackSignIn({ settings, apiUrl: slack.url, botToken: 'xoxb-sandbox', logger }),
    logger,
  });
  for (const r of routes) server.addRoute(r);
  return {
    base,
    store,
    clock,
    slack,
    settings,
    logs: raw,
    close: async () => {
      await server.close();
      await slack?.stop();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** For a test file: starts a dashboard in a test, closed after it. */
export function startsDashboards(): (o?: DashboardOptions) => Promise<Dashboard> {
  let running: Dashboard | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });
  return async (o = {}) => {
    running = await startDashboard(o);
    return running;
  };
}

/** The March 2026 window of the hand-computed fixture. */
export const MARCH = 'since=2026-03-01&until=2026-03-31';

/** The script token the dashboard tests use, and the header that carries it. */
export const TOKEN = 's3cret-dashboard-token';
export const BEARER = { authorization: `Bearer ${TOKEN}` } as const;
