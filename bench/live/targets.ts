import type { BenchResult } from './scenario.ts';
import { signed } from './table.ts';

export interface TargetCheck {
  readonly scenario: string;
  readonly target: string;
  readonly measured: string;
  readonly ok: boolean;
}

const MB = 1024 * 1024;
const fmt = (n: number | null, digits = 1): string => (n === null ? 'n/a' : n.toFixed(digits));

/** The targets, checked against what the run measured. */
export function checkTargets(results: readonly BenchResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (scenario: string, target: string, measured: string, ok: boolean) =>
    checks.push({ scenario, target, measured, ok });
  const largest = Math.max(...results.filter((r) => r.name.startsWith('steady-')).map((r) => r.open));
  for (const r of results) {
    add(r.name, 'handoffs missed = 0', `${r.handoffs.missed} of ${r.handoffs.made}`, r.handoffs.missed === 0);
    add(r.name, 'no HubSpot 429', `${r.hubspot429.total}`, r.hubspot429.total === 0);
    const peak = r.budget.peakShare;
    add(
      r.name,
      "≤ half of the tier's 10-second limit (budget_share 0.5)",
      `${r.budget.peakPerTenSeconds} of ${r.budget.tierMax ?? 'n/a'}`,
      peak !== null && peak <= 0.5,
    );
    if (r.name.startsWith('steady-')) {
      const over = r.requests.overLowerBound;
      add(
        r.name,
        'requests/cycle within 3 of the lower bound',
        `${signed(over.mean)} mean, ${signed(over.max, 0)} max`,
        over.mean !== null && over.mean <= 3,
      );
    }
    if (r.name === `steady-${largest}`) {
      const bound = (r.pollEveryMs + 5_000) / 1000;
      const p95 = r.latency.fromSearchable.p95;
      add(
        r.name,
        `p95 ping latency ≤ poll + 5 s (${bound} s)`,
        `${fmt(p95)} s`,
        p95 !== null && p95 <= bound,
      );
      const rss = r.peakRssBytes === null ? null : r.peakRssBytes / MB;
      add(r.name, 'peak RSS ≤ 300 MB', `${fmt(rss, 0)} MB`, rss !== null && rss <= 300);
      const cpu = r.cpuPerCycleMs.max;
      add(r.name, 'CPU per cycle ≤ 1 s', `${fmt(cpu, 0)} ms max`, cpu !== null && cpu <= 1_000);
    }
    if (r.name === 'steady-10000' && r.naive) {
      const ours = r.requests.perCycle.mean ?? 0;
      const ratio = ours > 0 ? r.naive.requestsPerCycle / ours : null;
      add(
        r.name,
        'naive baseline ≥ 100× the requests and misses the window',
        `${fmt(ratio, 0)}×, naive cycle ${fmt(r.naive.cycleMs / 1000, 0)} s`,
        ratio !== null && ratio >= 100 && r.naive.missesWindow,
      );
    }
    if (r.name.startsWith('burst-')) {
      const m = r.latency.fromSearchable.max;
      add(
        r.name,
        'all pinged within 2 min',
        `${fmt(m)} s max`,
        m !== null && m <= 120 && r.handoffs.missed === 0,
      );
    }
    if (r.defaultPoll) {
      const p95 = r.latency.fromWritten.p95;
      add(
        r.name,
        'p95 ping latency ≤ 10 s from the handoff, with defaults',
        `${fmt(p95)} s`,
        p95 !== null && p95 <= 10,
      );
      const day = r.budget.dailyShare;
      add(
        r.name,
        "a day at this rate ≤ half of the tier's daily limit",
        `${fmt(day === null ? null : day * 100, 0)} % of ${r.budget.dailyLimit ?? 'n/a'}`,
        day !== null && day <= 0.5,
      );
    }
    if (r.webhooks) {
      const p95 = r.latency.fromWebhook.p95;
      add(r.name, 'p95 ping latency ≤ 3 s from the webhook', `${fmt(p95)} s`, p95 !== null && p95 <= 3);
    }
  }
  return checks;
}
