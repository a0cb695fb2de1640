import type { Millis } from '../../src/domain/time.ts';
import { FirstInstallProbe } from './first-install.ts';
import { longTraffic } from './long-traffic.ts';
import type { ScenarioSpec } from './scenario.ts';
import { burstTraffic, steadyTraffic } from './traffic.ts';

export interface PlanOptions {
  readonly pollEvery: Millis;
  readonly latencyMs: Millis;
  /** Traffic time of each steady scenario. */
  readonly steadyFor: Millis;
  /** Largest size (100,000 by default; smaller for a quick run). */
  readonly sizes: readonly number[];
  /** How long the batch-reading baseline polls at each size (after its first poll). */
  readonly naiveFor: Millis;
  /** The old flat latency, no tail, no 5xx (`--flat`). */
  readonly flatNetwork?: boolean;
  /** Traffic time of the long run (`--long`); `null`: no long run. */
  readonly longFor?: Millis | null;
}

/** "A few handoffs and touches a minute". */
export const STEADY = { handoffsPerMinute: 12, touchesPerMinute: 24 } as const;
const INDEX_LAG: Millis = 1_000;
/** The default poll interval, kept when webhooks bring handoffs. */
const WEBHOOK_POLL: Millis = 30_000;

export function plan(o: PlanOptions): ScenarioSpec[] {
  const largest = Math.max(...o.sizes);
  const grace = o.pollEvery * 2 + 10_000;
  const base = {
    pollEvery: o.pollEvery,
    latencyMs: o.latencyMs,
    ...(o.flatNetwork ? { flatNetwork: true } : {}),
    indexLagMs: INDEX_LAG,
    grace,
  };
  // With webhooks on, polling is the safety net at its default interval (30 s).
  const steady = (open: number, webhooks: boolean): ScenarioSpec => ({
    ...base,
    ...(webhooks ? { pollEvery: WEBHOOK_POLL, grace: WEBHOOK_POLL + 10_000 } : {}),
    name: `${webhooks ? 'webhooks' : 'steady'}-${open}`,
    title: `${open.toLocaleString('en')} open, ${webhooks ? 'webhooks + polling every 30 s' : 'polling'}`,
    open,
    spare: 2_000,
    webhooks,
    naive: webhooks ? null : o.naiveFor,
    traffic: (world, log, hooks) => steadyTraffic(world, { ...STEADY, ...hooks, duration: o.steadyFor }, log),
  });
  return [
    ...o.sizes.map((n) => steady(n, false)),
    {
      ...base,
      name: 'burst-1000',
      title: 'burst: 1,000 handoffs in 1 min',
      open: Math.min(10_000, largest),
      spare: 1_500,
      webhooks: false,
      naive: null,
      grace: 150_000,
      traffic: (world, log, hooks) => burstTraffic(world, 1_000, log, 60_000, hooks.onHandoff),
    },
    {
      ...base,
      name: 'search-lag-30s',
      title: 'search lagging writes by up to 30 s',
      open: Math.min(1_000, largest),
      spare: 2_000,
      webhooks: false,
      naive: null,
      grace: grace + 30_000,
      traffic: (world, log, hooks) =>
        steadyTraffic(world, { ...STEADY, ...hooks, duration: o.steadyFor, maxLagMs: 30_000 }, log),
    },
    steady(largest, true),
    {
      // The product as installed: poll.every left at its default (auto), a Starter portal.
      ...base,
      pollEvery: 10_000,
      defaultPoll: true,
      grace: 30_000,
      name: `defaults-${Math.min(10_000, largest)}`,
      title: `${Math.min(10_000, largest).toLocaleString('en')} open, the product's defaults (poll.every auto) on Starter`,
      open: Math.min(10_000, largest),
      spare: 2_000,
      webhooks: false,
      naive: null,
      // Two minutes of traffic at least, so the p95 rests on some 25 handoffs.
      traffic: (world, log, hooks) =>
        steadyTraffic(world, { ...STEADY, ...hooks, duration: Math.max(o.steadyFor, 120_000) }, log),
    },
    ...(o.longFor ? [longRun(o.longFor, largest, base)] : []),
    firstInstall(10_000, base),
  ];
}

/**
 * `first-install-10000`: sla-bot's first start on an empty store, on a Starter portal with 10,000
 * open leads handed over across the last 30 days (most called back, a dozen still inside their
 * window), poll.backfill at its default (30d), steady traffic beside it.
 * Figures: time to caught up, requests, 429s, and messages about leads whose moments passed before
 * the install (first-install.ts).
 */
function firstInstall(
  open: number,
  base: Pick<ScenarioSpec, 'latencyMs' | 'indexLagMs' | 'flatNetwork'>,
): ScenarioSpec {
  const probe = new FirstInstallProbe();
  return {
    ...base,
    // A fixed poll, so the targets of the defaults scenario (a day at this rate) do not read the
    // import's burst as the steady cost; while it runs, cycles follow each other anyway.
    pollEvery: 10_000,
    grace: 30_000,
    name: `first-install-${open}`,
    title: `first install: ${open.toLocaleString('en')} open leads of the last 30 days, empty store, Starter`,
    open,
    spare: 500,
    webhooks: false,
    naive: null,
    firstInstall: probe,
    traffic: (world, log, hooks) => probe.traffic(world, log, hooks),
  };
}

/**
 * `--long`: the product as installed (poll.every auto, Starter) at the largest size for 20 minutes or
 * more, so the work that is not a poll happens inside it — owners every 15 minutes, the call-outcome
 * list when an unknown outcome turns up (at most every 10), deals every 5 — and memory can be
 * watched over time.
 */
function longRun(
  longFor: Millis,
  open: number,
  base: Pick<ScenarioSpec, 'latencyMs' | 'indexLagMs' | 'flatNetwork'>,
): ScenarioSpec {
  return {
    ...base,
    pollEvery: 10_000,
    defaultPoll: true,
    grace: 30_000,
    name: `long-${open}`,
    title: `${open.toLocaleString('en')} open for ${longFor / 60_000} min, the product's defaults on Starter, periodic work included`,
    open,
    spare: 2_000,
    webhooks: false,
    naive: null,
    long: true,
    traffic: (world, log, hooks) => longTraffic(world, { ...STEADY, ...hooks, duration: longFor }, log),
  };
}
