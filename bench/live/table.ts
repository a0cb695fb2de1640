import type { BatchBaselineResult } from './batch-baseline.ts';
import type { Spread } from './figures.ts';
import type { FirstInstallFigures } from './first-install.ts';
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
    [
      'first cycle (load, judge what changed)',
      r.warmup.judgedAllMs > r.warmup.durationMs
        ? `${n(r.warmup.durationMs / 1000)} s wall; every settled lead judged in this world after ${n(r.warmup.judgedAllMs / 1000)} s`
        : `${n(r.warmup.durationMs / 1000)} s wall`,
    ],
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
    [
      '429s from Slack (queued, retried)',
      `${r.slack429} of ${r.slackPosts} posts and ${r.slackEdits} edits in place`,
    ],
    ['handoffs missed', `${r.handoffs.missed}`],
  );
  rows.push(...networkRows(r));
  if (r.baseline) rows.push(...baselineRows(r.baseline, q.perCycle.mean));
  if (r.long) rows.push(...longRows(r));
  if (r.firstInstall) rows.push(...firstInstallRows(r, r.firstInstall));
  return renderTable(`${r.title} [${r.name}]`, rows);
}

/** What the figures were measured under, and the worker's memory from start to end. */
function networkRows(r: BenchResult): [string, string][] {
  const l = r.hubspotLatency;
  const m = r.memory;
  return [
    [
      'HubSpot answer time p50/p95/p99/max',
      `${n(l.p50, 0)} / ${n(l.p95, 0)} / ${n(l.p99, 0)} / ${n(l.max, 0)} ms (n=${l.n}, the worker's requests)`,
    ],
    ['RSS start / steady / peak', `${n(m.startMb, 0)} / ${n(m.steadyMb, 0)} / ${n(m.peakMb, 0)} MB`],
  ];
}

/** The batch-reading bot on the same sandbox, and how it compares with the worker. */
function baselineRows(b: BatchBaselineResult, ours: number | null): [string, string][] {
  const per = b.requestsPerCycle;
  const ratio = ours && per.mean !== null ? per.mean / ours : null;
  const cycle = b.cycleMs;
  return [
    [
      'batch-reading bot: requests per poll',
      `${n(per.mean)} mean, ${n(per.max, 0)} max over ${b.cycles.length} polls (${n(ratio)}× ours); first poll ${b.firstCycle.requests}`,
    ],
    [
      '  its poll time',
      `${n(cycle.mean === null ? null : cycle.mean / 1000)} s mean, ${n(cycle.max === null ? null : cycle.max / 1000)} s max ` +
        `(first ${n(b.firstCycle.durationMs / 1000)} s, every ${b.pollEveryMs / 1000} s) → ` +
        `${b.missesWindow ? 'misses' : 'keeps'} the 5-minute window`,
    ],
    ['  its 429s / 5xx retried', `${b.rateLimited} / ${b.serverErrors}`],
  ];
}

/** The long run: the work that is not a poll, and memory every 5 minutes. */
function longRows(r: BenchResult): [string, string][] {
  const rows: [string, string][] = Object.entries(r.periodic).map(([kind, w]) => [
    `  ${kind}: requests (minutes in)`,
    `${w.requests} (${w.minutes.length === 0 ? 'none' : w.minutes.join(', ')})`,
  ]);
  const samples = r.memory.samples.map((s) => `${s.minute} min ${n(s.rssMb, 0)}`).join(', ');
  return [['periodic work, in the requests per cycle above', ''], ...rows, ['RSS over time (MB)', samples]];
}

/** The first install: how long the import took, what it cost, and what it told Slack. */
function firstInstallRows(r: BenchResult, f: FirstInstallFigures): [string, string][] {
  const s = (ms: number | null) => (ms === null ? 'n/a' : `${n(ms / 1000, 0)} s`);
  const cycles = [r.warmup.durationMs, ...r.perCycle.map((c) => c.durationMs)];
  return [
    [
      'first install: caught up after',
      `${s(f.caughtUpMs)} (import done after ${s(f.importMs)}; ${int(f.read)} leads read, ${int(f.imported)} imported)`,
    ],
    ['  HubSpot requests until caught up', `${int(f.requests)}, ${f.rateLimited} of them 429`],
    ['  longest cycle (import included)', `${n(Math.max(...cycles) / 1000)} s`],
    [
      '  messages about leads whose moments passed before the install',
      `${f.messagesAboutOldLeads} (${int(f.oldLeads)} such leads)`,
    ],
    [
      '  leads inside their window at the install, pinged',
      `${f.inWindow.pinged} of ${f.inWindow.leads}, ${spread(f.inWindow.pingAfterInstall)} after the install`,
    ],
  ];
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
