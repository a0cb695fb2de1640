import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import type { Clock } from '../clock/clock.ts';
import { formatMillis } from '../config/duration.ts';
import { loadEnv } from '../config/env.ts';
import type { SlaConfig } from '../config/types.ts';
import type { Instant, Millis } from '../domain/time.ts';
import { createHubSpotClient } from '../hubspot/hubspot-client.ts';
import { setupWriteBack } from '../hubspot/write-back-setup.ts';
import type { Lang } from '../i18n/language.ts';
import { buildApp } from '../main.ts';
import { startHubSpotSandbox, startSlackSandbox } from '../sandbox/index.ts';
import { SLACK_EVENTS_PATH } from '../slack/app.ts';
import { banner } from './banner.ts';
import { demoConfig, fileLogger, readSummary } from './demo-files.ts';
import { officeOpening } from './demo-sla-file.ts';
import { createPrinter } from './printer.ts';
import { DEMO_SCENARIO, type DemoScenario } from './scenario.ts';
import { type RunningScript, startScript } from './script.ts';
import { seedWorld } from './seed-world.ts';
import { createSlackView } from './slack-view.ts';
import type { Style } from './style.ts';
import type { DemoSummary } from './summary.ts';
import { formatSummary } from './summary-table.ts';

export interface DemoOptions {
  /** Durations of the SLA file and the story are divided by this. */
  readonly speed: number;
  /** How long the live part runs before the summary. */
  readonly duration: Millis;
  readonly style: Style;
  readonly scenario?: DemoScenario;
  /** `--lang`: what sla-bot says in Slack (the narration and summary stay English). Default `en`. */
  readonly lang?: Lang;
}

export interface DemoDeps {
  readonly clock: Clock;
  readonly write: (text: string) => void;
  /** Aborted on Ctrl-C: the demo stops early, cleanly, with its summary. */
  readonly signal: AbortSignal;
}

export interface DemoResult {
  readonly summary: DemoSummary;
  /** Where the SLA file, the SQLite store and the worker log are. */
  readonly dir: string;
  /** Script steps that failed, and error lines in the worker log. */
  readonly problems: readonly string[];
}

const SIGNING_SECRET = 'sla-bot-demo-signing-secret';
/** The demo's Slack app for Sign in with Slack (registered with the sandbox). */
const CLIENT_ID = '1000000001.2000000002';
const CLIENT_SECRET = 'sla-bot-demo-client-secret';

/**
 * A free loopback port for the worker: the dashboard's redirect URL names it, and Sign in with Slack
 * needs that URL before the worker starts.
 */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no loopback port');
  return address.port;
}

/** Waits `ms`, or less when `signal` aborts. */
const until = (ms: Millis, signal: AbortSignal) =>
  sleep(ms, undefined, { signal }).catch((err: unknown) => {
    if (!signal.aborted) throw err;
  });

interface Live {
  readonly o: DemoOptions;
  readonly deps: DemoDeps;
  readonly scenario: DemoScenario;
  readonly dir: string;
  readonly file: string;
  readonly config: SlaConfig;
  readonly officeOpensAt: Instant;
  readonly log: ReturnType<typeof fileLogger>;
  readonly problems: string[];
}

/** The live part: sandboxes, the worker and the script, all stopped again before it returns. */
async function runLive(l: Live): Promise<{ databaseUrl: string; ownerIds: ReadonlyMap<string, string> }> {
  const { o, deps, config } = l;
  const { clock } = deps;
  const start = clock.now();
  const printer = createPrinter({ write: deps.write, style: o.style, zone: config.timezone, clock });
  await using hubspot = await startHubSpotSandbox({ clock, indexLagMs: 500 });
  await using slack = await startSlackSandbox({ clock });
  const ownerIds = seedWorld(l.scenario, hubspot, slack, l.o.lang);
  // The dashboard signs people in through the sandbox's Slack, as it would through Slack's.
  const origin = `http://127.0.0.1:${await freePort()}`;
  slack.state.registerOpenIdClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [`${origin}/dashboard/auth/callback`],
  });
  // Write-back (reassignment and "Take it" write the owner) needs sla-bot's contact properties in
  // the portal: created once, as `sla-bot hubspot-setup` does in a real one.
  if (config.hubspot.writeBack.enabled) {
    const { api } = createHubSpotClient({
      accessToken: 'sandbox-token',
      basePath: hubspot.url,
      config,
      logger: l.log.logger,
      clock,
    });
    await setupWriteBack(api, l.log.logger);
  }
  const env = loadEnv({
    HUBSPOT_ACCESS_TOKEN: 'sandbox-token',
    HUBSPOT_BASE_URL: hubspot.url,
    SLACK_BOT_TOKEN: 'xoxb-sandbox',
    SLACK_API_URL: slack.url,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLA_CONFIG: l.file,
    DATABASE_URL: join(l.dir, 'sla-bot.sqlite'),
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    DASHBOARD_URL: origin,
    HOST: '127.0.0.1',
    PORT: new URL(origin).port,
    LOG_LEVEL: 'info',
  });
  const app = await buildApp({ env, clock, logger: l.log.logger, cwd: l.dir, once: false, dryRun: false });
  const view = createSlackView({ state: slack.state, style: o.style, zone: config.timezone, now: clock.now });
  const offSlack = slack.state.on((event) => {
    const seen = view(event);
    if (seen) printer.slack(seen);
  });
  let script: RunningScript | null = null;
  try {
    await app.start();
    const time = (at: Instant) =>
      `${DateTime.fromMillis(at, { zone: config.timezone }).toFormat('HH:mm:ss')} (${config.timezone})`;
    printer.plain(
      banner(
        {
          config,
          scenario: l.scenario,
          speed: o.speed,
          duration: formatMillis(o.duration),
          officeOpens: time(l.officeOpensAt),
          hubspotUrl: hubspot.url,
          slackUrl: slack.url,
          dashboardUrl: `${origin}/dashboard`,
          dir: l.dir,
        },
        o.style,
      ),
    );
    script = startScript({
      scenario: l.scenario,
      hubspot,
      slack,
      clock,
      speed: o.speed,
      start: clock.now(),
      officeOpensAt: l.officeOpensAt,
      ownerIds,
      slackEventsUrl: `${origin}${SLACK_EVENTS_PATH}`,
      signingSecret: SIGNING_SECRET,
      narrate: printer.narrate,
      failed: (step, err) => l.problems.push(`${step}: ${err instanceof Error ? err.message : String(err)}`),
    });
    await until(Math.max(0, start + o.duration - clock.now()), deps.signal);
    script.narrateOwnerChanges();
    printer.plain(o.style.dim(deps.signal.aborted ? '\nStopping (Ctrl-C)…' : '\nTime is up; stopping…'));
  } finally {
    await script?.stop();
    await app.close();
    offSlack();
  }
  return { databaseUrl: env.DATABASE_URL, ownerIds };
}

/**
 * `sla-bot demo`: sandbox HubSpot and Slack on loopback, the real worker built by the same composition
 * root as `run`, the scripted story, every Slack message rendered as it happens, then the summary.
 * Everything it started is stopped before it returns.
 */
export async function runDemo(o: DemoOptions, deps: DemoDeps): Promise<DemoResult> {
  const scenario = o.scenario ?? DEMO_SCENARIO;
  const start = deps.clock.now();
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-demo-'));
  const officeOpensAt = officeOpening(start, scenario.officeOpensAfter);
  const { file, config } = await demoConfig(dir, o.speed, officeOpensAt, o.lang);
  const log = fileLogger(join(dir, 'worker.log'));
  const problems: string[] = [];
  try {
    const live = await runLive({ o, deps, scenario, dir, file, config, officeOpensAt, log, problems });
    const ownerEmails = new Map([...live.ownerIds].map(([email, id]) => [id, email]));
    const summary = await readSummary(
      live.databaseUrl,
      config,
      scenario,
      ownerEmails,
      start,
      deps.clock.now(),
      log.logger,
    );
    deps.write(`\n${formatSummary(summary, o.style)}\n`);
    return { summary, dir, problems: [...problems, ...log.errors.map((e) => `worker log: ${e}`)] };
  } finally {
    await log.close();
  }
}
