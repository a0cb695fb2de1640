import type { Instant, Millis } from '../../src/domain/time.ts';
import type { StatsSnapshot } from '../../src/sandbox/index.ts';
import type { BudgetShare } from './budget-share.ts';
import { max, mean, type Spread, spread } from './figures.ts';
import { changesIn, lowerBound } from './lower-bound.ts';
import type { ProcSample } from './proc-stats.ts';
import type { RequestMark, ScenarioSpec } from './scenario.ts';
import type { TrafficLog } from './traffic.ts';
import type { WarmStoreResult } from './warm-store.ts';
import type { CycleLine } from './worker-process.ts';

export interface ScenarioResult {
  readonly name: string;
  readonly title: string;
  readonly open: number;
  readonly pollEveryMs: Millis;
  /** The SLA file left the poll interval at the product's default (\`auto\`). */
  readonly defaultPoll: boolean;
  /** The median time between the starts of two cycles. */
  readonly observedPollEveryMs: Millis | null;
  readonly webhooks: boolean;
  readonly seeded: WarmStoreResult & { readonly ms: Millis };
  /**
   * The worker's first cycle after start (loads the store, judges what changed), and when every
   * settled instance had been judged in the world of this start (`judgedAllMs`: from the first
   * cycle's start; the same as its duration when nothing was left).
   */
  readonly warmup: {
    readonly durationMs: Millis;
    readonly cpuMs: number | null;
    readonly judgedAllMs: Millis;
  };
  readonly cycles: number;
  readonly handoffs: { readonly made: number; readonly pinged: number; readonly missed: number };
  readonly touches: number;
  readonly requests: {
    readonly total: number;
    readonly perCycle: { readonly mean: number | null; readonly max: number | null };
    readonly lowerBoundPerCycle: { readonly mean: number | null; readonly max: number | null };
    /** Per cycle: requests − lower bound. */
    readonly overLowerBound: { readonly mean: number | null; readonly max: number | null };
    readonly perHandoff: number | null;
    readonly lowerBoundPerHandoff: number | null;
    readonly byEndpoint: Readonly<Record<string, number>>;
  };
  /** Ping latency, seconds: from searchable in HubSpot (polling) and from the webhook's arrival. */
  readonly latency: {
    readonly fromSearchable: Spread;
    readonly fromWritten: Spread;
    readonly fromWebhook: Spread;
  };
  readonly cpuPerCycleMs: { readonly mean: number | null; readonly max: number | null };
  readonly peakRssBytes: number | null;
  readonly hubspot429: { readonly total: number; readonly byPolicy: Readonly<Record<string, number>> };
  /** The share of the portal's HubSpot budget (burst and daily) the worker used. */
  readonly budget: BudgetShare;
  readonly slack429: number;
  readonly slackPosts: number;
  /** `chat.update` requests: messages updated in place (the ping's state, corrections, issue 15). */
  readonly slackEdits: number;
  readonly warnings: number;
  readonly sampleWarnings: readonly string[];
  /** Every measured cycle: duration, requests by endpoint, lower bound, CPU. */
  readonly perCycle: readonly CycleDetail[];
}

export interface CycleDetail {
  readonly cycle: number;
  readonly durationMs: Millis;
  readonly handoffs: number;
  readonly requests: number;
  readonly lowerBound: number;
  readonly cpuMs: number | null;
  readonly endpoints: Readonly<Record<string, number>>;
}

export interface MeasureInput {
  readonly spec: ScenarioSpec;
  readonly seeded: WarmStoreResult;
  readonly seedMs: Millis;
  readonly first: CycleLine;
  /** The first cycle that left no settled instance to judge (`first` when it left none). */
  readonly judgedAll: CycleLine;
  readonly marks: readonly RequestMark[];
  readonly trafficStart: Instant;
  readonly trafficEnd: Instant;
  readonly log: TrafficLog;
  readonly pings: ReadonlyMap<string, Instant>;
  readonly slackPosts: number;
  readonly hubspot: { readonly baseline: StatsSnapshot; readonly end: StatsSnapshot };
  readonly slack: { readonly baseline: StatsSnapshot; readonly end: StatsSnapshot };
  readonly proc: ProcSample | null;
  readonly problems: readonly string[];
  readonly engagementTypes: number;
  readonly budget: BudgetShare;
}

const startOf = (line: CycleLine): Instant => line.at - line.durationMs;
const seconds = (ms: number): number => Math.round(ms / 10) / 100;

const endpointCount = (s: StatsSnapshot, endpoint: string): number => s.byEndpoint[endpoint]?.count ?? 0;

function diffEndpoints(a: StatsSnapshot, b: StatsSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(b.byEndpoint)) {
    const n = v.count - (a.byEndpoint[k]?.count ?? 0);
    if (n > 0) out[k] = n;
  }
  return out;
}

/** Turns what one scenario observed into its figures. */
export function measure(m: MeasureInput): ScenarioResult {
  const firstIndex = m.marks.findIndex((x) => x.line.cycle === m.first.cycle);
  const steady = m.marks.slice(firstIndex);
  const perCycle: number[] = [];
  const bounds: number[] = [];
  const over: number[] = [];
  const cpu: number[] = [];
  const details: CycleDetail[] = [];
  for (let i = 1; i < steady.length; i++) {
    const prev = steady[i - 1];
    const cur = steady[i];
    if (!prev || !cur) continue;
    const requests = cur.hubspotTotal - prev.hubspotTotal;
    const bound = lowerBound(
      changesIn(startOf(prev.line), startOf(cur.line), m.log.handoffs, m.log.touches),
      m.engagementTypes,
    );
    perCycle.push(requests);
    bounds.push(bound);
    over.push(requests - bound);
    const cpuMs = prev.line.proc && cur.line.proc ? cur.line.proc.cpuMs - prev.line.proc.cpuMs : null;
    if (cpuMs !== null) cpu.push(cpuMs);
    details.push({
      cycle: cur.line.cycle,
      durationMs: cur.line.durationMs,
      handoffs: cur.line.handoffs,
      requests,
      lowerBound: bound,
      cpuMs,
      endpoints: diffEndpoints(prev.hubspot, cur.hubspot),
    });
  }
  const starts = steady.map((x) => startOf(x.line));
  const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? t));
  const total = perCycle.reduce((a, b) => a + b, 0);
  const boundTotal = bounds.reduce((a, b) => a + b, 0);
  const made = m.log.handoffs.length;
  const pinged = m.log.handoffs.filter((h) => m.pings.has(h.contactId));
  const latency = (from: (h: (typeof pinged)[number]) => Instant | null) =>
    spread(
      pinged.flatMap((h) => {
        const t0 = from(h);
        const t1 = m.pings.get(h.contactId);
        return t0 === null || t1 === undefined ? [] : [seconds(t1 - t0)];
      }),
    );
  const warnings = m.problems;
  return {
    name: m.spec.name,
    title: m.spec.title,
    open: m.spec.open,
    pollEveryMs: m.spec.pollEvery,
    defaultPoll: m.spec.defaultPoll === true,
    observedPollEveryMs: spread(gaps).p50,
    webhooks: m.spec.webhooks,
    seeded: { ...m.seeded, ms: m.seedMs },
    warmup: {
      durationMs: m.first.durationMs,
      cpuMs: m.first.proc?.cpuMs ?? null,
      judgedAllMs: m.judgedAll.at - m.first.at + m.first.durationMs,
    },
    cycles: perCycle.length,
    handoffs: { made, pinged: pinged.length, missed: made - pinged.length },
    touches: m.log.touches.length,
    requests: {
      total,
      perCycle: { mean: mean(perCycle), max: max(perCycle) },
      lowerBoundPerCycle: { mean: mean(bounds), max: max(bounds) },
      overLowerBound: { mean: mean(over), max: max(over) },
      perHandoff: made > 0 ? total / made : null,
      lowerBoundPerHandoff: made > 0 ? boundTotal / made : null,
      byEndpoint: diffEndpoints(m.hubspot.baseline, m.hubspot.end),
    },
    latency: {
      fromSearchable: latency((h) => h.searchableAt),
      fromWritten: latency((h) => h.writtenAt),
      fromWebhook: latency((h) => h.webhookAt),
    },
    cpuPerCycleMs: { mean: mean(cpu), max: max(cpu) },
    peakRssBytes: m.proc?.peakRss ?? null,
    hubspot429: {
      total: m.hubspot.end.rateLimited.total,
      byPolicy: m.hubspot.end.rateLimited.byPolicy,
    },
    budget: m.budget,
    slack429: m.slack.end.rateLimited.total - m.slack.baseline.rateLimited.total,
    slackPosts: m.slackPosts,
    slackEdits: endpointCount(m.slack.end, 'chat.update') - endpointCount(m.slack.baseline, 'chat.update'),
    warnings: warnings.length,
    sampleWarnings: warnings.slice(0, 5),
    perCycle: details,
  };
}
