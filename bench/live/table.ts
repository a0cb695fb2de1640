import type { Spread } from './figures.ts';
import type { BenchResult } from './scenario.ts';
import type { TargetCheck } from './targets.ts';

const MB = 1024 * 1024;
const n = (v: number | null, digits = 1): string => (v === null ? 'n/a' : v.toFixed(digits));
const int = (v: number): string => v.toLocaleString('en');
export const signed = (v: number | null, digits = 1): string =>
  v === null ? 'n/a' : `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;
const spread = (s: Spread): string =>
  s.n === 0 ? 'n/a' : `${n(s.p50)} / ${n(s.p95)} / ${n(s.max)} s (n=${s.n})`;

/** Two aligned columns with a title rule. */
export function renderTable(title: string, rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  const body = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  const rule = '─'.repeat(Math.max(title.length, ...body.map((b) => b.length)));
  return [title, rule, ...body, ''].join('\n');
}

/** One scenario's figures, as printed. */
export function scenarioTable(r: BenchResult): string {
  const q = r.requests;
  const rows: [string, string][] = [
    ['open SLA instances (warm start)', `${int(r.seeded.instances)} (seeded in ${n(r.seeded.ms / 1000)} s)`],
    ['first cycle (load + judge all)', `${n(r.warmup.durationMs / 1000)} s wall`],
    [
      'steady cycles measured',
      r.defaultPoll
        ? `${r.cycles} (poll.every auto: a cycle every ${n(r.observedPollEveryMs === null ? null : r.observedPollEveryMs / 1000)} s, median)`
        : `${r.cycles} (poll every ${r.pollEveryMs / 1000} s)`,
    ],
    ['handoffs / touches made', `${r.handoffs.made} / ${r.touches}`],
    ['HubSpot requests per cycle', `${n(q.perCycle.mean)} mean, ${n(q.perCycle.max, 0)} max`],
    [
      '  lower bound for the same changes',
      `${n(q.lowerBoundPerCycle.mean)} mean, ${n(q.lowerBoundPerCycle.max, 0)} max`,
    ],
    [
      '  over the lower bound',
      `${signed(q.overLowerBound.mean)} mean, ${signed(q.overLowerBound.max, 0)} max`,
    ],
    ['HubSpot requests per handoff', `${n(q.perHandoff)} (lower bound ${n(q.lowerBoundPerHandoff)})`],
    ['ping latency from searchable p50/p95/max', spread(r.latency.fromSearchable)],
  ];
  if (r.webhooks) rows.push(['ping latency from webhook p50/p95/max', spread(r.latency.fromWebhook)]);
  if (r.latency.fromWritten.max !== r.latency.fromSearchable.max)
    rows.push(['ping latency from the write p50/p95/max', spread(r.latency.fromWritten)]);
  rows.push(
    ['CPU time per cycle', `${n(r.cpuPerCycleMs.mean, 0)} ms mean, ${n(r.cpuPerCycleMs.max, 0)} ms max`],
    ['peak RSS (worker process)', `${n(r.peakRssBytes === null ? null : r.peakRssBytes / MB, 0)} MB`],
    [
      '429s from HubSpot',
      `${r.hubspot429.total}${r.hubspot429.total > 0 ? ` ${JSON.stringify(r.hubspot429.byPolicy)}` : ''}`,
    ],
    ["share of the portal's HubSpot budget", budgetLine(r)],
    ['429s from Slack (queued, retried)', `${r.slack429} of ${r.slackPosts} posts`],
    ['handoffs missed', `${r.handoffs.missed}`],
  );
  if (r.naive) {
    const nv = r.naive;
    const ratio = q.perCycle.mean ? nv.requestsPerCycle / q.perCycle.mean : null;
    rows.push(
      ['naive baseline requests per cycle', `${int(nv.requestsPerCycle)} (${n(ratio, 0)}× ours)`],
      [
        '  naive cycle time',
        `${n(nv.cycleMs / 1000, 0)} s ${nv.cycleMeasured ? 'measured' : `at the ${n(nv.requestsPerSecond)} req/s it sustained for ${n(nv.measuredForMs / 1000, 0)} s`}${nv.missesWindow ? ' → misses the 5-minute window' : ''}`,
      ],
      ['  naive 429s', `${nv.rateLimited}`],
    );
  }
  return renderTable(`${r.title} [${r.name}]`, rows);
}

const pct = (share: number | null): string => (share === null ? 'n/a' : `${(share * 100).toFixed(1)} %`);

/** "peak 23 / 10 s of Starter's 100 (23.0 %); 41,000 a day of 250,000 (16.4 %)". */
export function budgetLine(r: BenchResult): string {
  const b = r.budget;
  const burst = `peak ${b.peakPerTenSeconds} / 10 s of ${b.tier ?? '?'}'s ${b.tierMax ?? 'n/a'} (${pct(b.peakShare)})`;
  const day =
    b.projectedPerDay === null
      ? 'n/a a day'
      : `${int(b.projectedPerDay)} a day of ${b.dailyLimit === null ? 'n/a' : int(b.dailyLimit)} (${pct(b.dailyShare)})`;
  return `${burst}; ${day}`;
}

/** Polling and webhooks at the same size, side by side. */
export function modesTable(polling: BenchResult, webhooks: BenchResult): string {
  const rows: [string, string][] = [
    ['', 'polling | webhooks + polling'],
    [
      'ping latency p50',
      `${n(polling.latency.fromSearchable.p50)} s | ${n(webhooks.latency.fromWebhook.p50)} s`,
    ],
    [
      'ping latency p95',
      `${n(polling.latency.fromSearchable.p95)} s | ${n(webhooks.latency.fromWebhook.p95)} s`,
    ],
    [
      'ping latency max',
      `${n(polling.latency.fromSearchable.max)} s | ${n(webhooks.latency.fromWebhook.max)} s`,
    ],
    ['requests per cycle', `${n(polling.requests.perCycle.mean)} | ${n(webhooks.requests.perCycle.mean)}`],
    ['requests per handoff', `${n(polling.requests.perHandoff)} | ${n(webhooks.requests.perHandoff)}`],
  ];
  return renderTable(
    `Polling vs webhooks at ${int(polling.open)} open (latency from searchable | from webhook arrival)`,
    rows,
  );
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  const rows = checks.map((c): [string, string] => [
    `${c.ok ? 'ok  ' : 'MISS'} ${c.scenario}: ${c.target}`,
    c.measured,
  ]);
  return renderTable('Targets', rows);
}
