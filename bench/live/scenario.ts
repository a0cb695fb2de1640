import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '../../src/clock/system-clock.ts';
import { loadSlaConfigFile } from '../../src/config/load-sla-config.ts';
import type { Millis } from '../../src/domain/time.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { StatsSnapshot } from '../../src/sandbox/index.ts';
import { type BatchBaselineResult, runBatchBaseline } from './batch-baseline.ts';
import { budgetShare } from './budget-share.ts';
import type { FirstInstallFigures, FirstInstallProbe } from './first-install.ts';
import { type MemoryOverTime, memoryOverTime, type PeriodicWork, periodicWork } from './long-figures.ts';
import { measure, type ScenarioResult } from './measure.ts';
import { type AnswerSpread, answerSpread, seedOf } from './network-model.ts';
import { MANAGERS, REPS, TEAMS } from './people.ts';
import { watchPings } from './ping-watch.ts';
import { STEADY } from './scenarios.ts';
import { benchSlaYaml } from './sla-yaml.ts';
import { emptyLog, type HandoffEvent, steadyTraffic, type TrafficLog } from './traffic.ts';
import { warmStore } from './warm-store.ts';
import { webhookSender } from './webhook-sender.ts';
import { type CycleLine, startWorker } from './worker-process.ts';
import { HUBSPOT_TOKEN, SLACK_TOKEN, startWorld, type World } from './world.ts';

export interface ScenarioSpec {
  readonly name: string;
  readonly title: string;
  readonly open: number;
  readonly spare: number;
  /** The poll interval the SLA file sets; with `defaultPoll`, only how long to wait for a cycle. */
  readonly pollEvery: Millis;
  /** The SLA file leaves `poll.every` out: the product's default (`auto`) is measured. */
  readonly defaultPoll?: boolean;
  readonly latencyMs: Millis;
  /** The old flat latency, no slow tail and no HubSpot 5xx (`--flat`); default: network-model.ts. */
  readonly flatNetwork?: boolean;
  readonly indexLagMs: Millis;
  /** HubSpot webhooks on: every handoff is also posted, signed, to the worker. */
  readonly webhooks: boolean;
  /** Drives the traffic; resolves when the last change is written. */
  readonly traffic: (world: World, log: TrafficLog, hooks: TrafficHooks) => Promise<void>;
  /** How long to wait after the traffic for the last pings. */
  readonly grace: Millis;
  /**
   * Run the baseline (the batch-reading bot, batch-baseline.ts) on the same sandbox after the worker
   * stopped: its first poll, then polls at the same interval for this long, with steady traffic.
   */
  readonly naive: Millis | null;
  /** The long run (`--long`): the table adds the periodic work and memory over time. */
  readonly long?: boolean;
  /** A first install (first-install.ts): an empty store instead of a warm one, figures of its own. */
  readonly firstInstall?: FirstInstallProbe;
}

export interface RequestMark {
  readonly line: CycleLine;
  /** HubSpot sandbox requests answered so far (429s included). */
  readonly hubspotTotal: number;
  readonly hubspot: StatsSnapshot;
}

export interface TrafficHooks {
  /** Webhook mode: posts each handoff to the worker as HubSpot would. */
  readonly onHandoff?: (event: HandoffEvent) => Promise<void>;
  /** Whether a contact's handoff ping has been posted. */
  readonly pinged: (contactId: string) => boolean;
  /** The worker's `/readyz` answer (first install: the import's progress). */
  readonly readyz?: () => Promise<unknown>;
}

export type BenchResult = ScenarioResult & {
  readonly baseline: BatchBaselineResult | null;
  /** HubSpot's answers to the worker (start to stop), ms: the latency the figures were measured under. */
  readonly hubspotLatency: AnswerSpread;
  /** Each of those answer times, whole ms (pooled over the run by bench/run.ts). */
  readonly hubspotAnswerTimesMs: readonly number[];
  readonly memory: MemoryOverTime;
  readonly periodic: PeriodicWork;
  readonly long: boolean;
  readonly firstInstall?: FirstInstallFigures;
};

const CLIENT_SECRET = 'bench-webhook-client-secret';

/**
 * Runs one scenario: sandboxes seeded with `open` instances (HubSpot state and a warm store), the
 * real worker as a child process (`sla-bot run`), warm-up until its first cycle, then the traffic,
 * then the figures.
 */
export async function runScenario(
  spec: ScenarioSpec,
  cwd: string,
  nodeArgs: readonly string[] = [],
): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), `sla-bench-${spec.name}-`));
  const logger = createLogger('silent');
  const startedAt = systemClock.now();
  const world = await startWorld({
    open: spec.open,
    spare: spec.spare,
    latencyMs: spec.latencyMs,
    ...(spec.flatNetwork ? { flatNetwork: true } : {}),
    seed: seedOf(spec.name),
    indexLagMs: spec.indexLagMs,
    now: startedAt,
  });
  try {
    const slaPath = join(dir, 'sla.yaml');
    await writeFile(slaPath, benchSlaYaml(spec.defaultPoll ? 'default' : spec.pollEvery));
    const loaded = await loadSlaConfigFile(slaPath, { cwd });
    if (!loaded.ok) throw new Error(`bench SLA file invalid: ${JSON.stringify(loaded.problems)}`);
    const teamOfOwner = new Map<string, string>();
    for (const team of TEAMS)
      for (const rep of team.members) teamOfOwner.set(world.ownerIds.get(rep) ?? '', team.name);
    const dbPath = join(dir, 'sla.sqlite');
    const seedStart = systemClock.now();
    const seeded = spec.firstInstall
      ? spec.firstInstall.prepare(world, loaded.config)
      : await warmStore({
          path: dbPath,
          config: loaded.config,
          hubspot: world.hubspot,
          slack: world.slack,
          contacts: world.open,
          teamOfOwner,
          people: [...REPS, ...MANAGERS],
          now: systemClock.now(),
          logger,
        });
    const seedMs = systemClock.now() - seedStart;
    const worker = startWorker(
      {
        HUBSPOT_ACCESS_TOKEN: HUBSPOT_TOKEN,
        HUBSPOT_BASE_URL: world.hubspot.url,
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_API_URL: world.slack.url,
        SLA_CONFIG: slaPath,
        DATABASE_URL: dbPath,
        PORT: '0',
        LOG_LEVEL: 'info',
        ...(spec.webhooks ? { HUBSPOT_CLIENT_SECRET: CLIENT_SECRET } : {}),
      },
      cwd,
      nodeArgs,
    );
    const marks: RequestMark[] = [];
    worker.onCycle((line) => {
      const hubspot = world.hubspot.stats.snapshot();
      marks.push({ line, hubspotTotal: hubspot.total, hubspot });
    });
    const log = emptyLog();
    const pings = watchPings(world.slack);
    try {
      const port = await worker.port;
      const first = await worker.nextCycle();
      // A start in a world the store was not judged in (the warm store was written by the seeder)
      // judges the settled instances again a share a cycle: traffic starts once that is done.
      const judgedAll = first.judgingLeft > 0 ? await worker.nextCycle((l) => l.judgingLeft === 0) : first;
      const baseline = world.hubspot.stats.snapshot();
      const slackBaseline = world.slack.stats.snapshot();
      const trafficStart = systemClock.now();
      const send = spec.webhooks
        ? webhookSender({ url: `http://127.0.0.1:${port}/webhooks/hubspot`, secret: CLIENT_SECRET })
        : undefined;
      await spec.traffic(world, log, {
        ...(send ? { onHandoff: send } : {}),
        pinged: (id) => pings.firstPost.has(id),
        readyz: async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).json(),
      });
      const trafficEnd = systemClock.now();
      const deadline = trafficEnd + spec.grace;
      while (systemClock.now() < deadline && log.handoffs.some((h) => !pings.firstPost.has(h.contactId)))
        await sleep(250);
      // One more cycle so the window's last changes are counted in a finished cycle.
      await Promise.race([worker.nextCycle(), sleep(spec.pollEvery + 5_000)]);
      const end = world.hubspot.stats.snapshot();
      const endAt = systemClock.now();
      const proc = await worker.stop();
      const answerTimes = world.hubspot.answerTimes.since(0);
      const limits = world.hubspot.limits;
      const budget = budgetShare({
        tier: limits?.tier ?? null,
        tierMax: limits?.tenSecondly ?? null,
        dailyLimit: limits?.daily ?? null,
        peakPerTenSeconds: limits?.peakTenSecondly(HUBSPOT_TOKEN) ?? 0,
        requests: end.total - baseline.total,
        periodMs: endAt - trafficStart,
      });
      const batchBot =
        spec.naive === null
          ? null
          : await runBatchBaseline({
              hubspot: world.hubspot,
              // What is open now: the seeded leads and those handed off during the run.
              openContactIds: [...world.open.map((c) => c.id), ...log.handoffs.map((h) => h.contactId)],
              pollEvery: spec.pollEvery,
              duration: spec.naive,
              traffic: (duration) =>
                steadyTraffic(world, { ...STEADY, duration, pinged: () => true, seed: 41 }, emptyLog()),
            });
      const result = measure({
        spec,
        seeded,
        seedMs,
        first,
        judgedAll,
        marks,
        trafficStart,
        trafficEnd,
        log,
        pings: pings.firstPost,
        slackPosts: pings.posted(),
        hubspot: { baseline, end },
        slack: { baseline: slackBaseline, end: world.slack.stats.snapshot() },
        proc,
        problems: worker.problems,
        engagementTypes: 3,
        budget,
      });
      return {
        ...result,
        baseline: batchBot,
        hubspotLatency: answerSpread(answerTimes),
        hubspotAnswerTimesMs: answerTimes.map(Math.round),
        memory: memoryOverTime(marks, trafficStart, proc?.peakRss ?? null),
        periodic: periodicWork(marks, trafficStart),
        long: spec.long === true,
        ...(spec.firstInstall ? { firstInstall: spec.firstInstall.figures() } : {}),
      };
    } finally {
      pings.stop();
      await worker.stop();
    }
  } finally {
    await world[Symbol.asyncDispose]();
    await rm(dir, { recursive: true, force: true });
  }
}
