import { type Instant, MINUTE, type Millis } from '../../src/domain/time.ts';
import type { StatsSnapshot } from '../../src/sandbox/index.ts';
import { percentile } from './figures.ts';
import type { CycleLine } from './worker-process.ts';

const MB = 1024 * 1024;

/** The worker's memory through a run, MB. */
export interface MemoryOverTime {
  /** Right after the first cycle (the store loaded, every open instance judged once). */
  readonly startMb: number | null;
  /** The median over the second half of the measured period. */
  readonly steadyMb: number | null;
  /** The most it ever held (VmHWM, the start included). */
  readonly peakMb: number | null;
  /** One reading every `every` from the traffic's start: minutes in, RSS. */
  readonly samples: readonly { readonly minute: number; readonly rssMb: number }[];
}

interface Mark {
  readonly line: CycleLine;
  readonly hubspot: StatsSnapshot;
}

const mb = (bytes: number | undefined): number | null =>
  bytes === undefined ? null : Math.round((bytes / MB) * 10) / 10;

export function memoryOverTime(
  marks: readonly Mark[],
  trafficStart: Instant,
  peakRss: number | null,
  every: Millis = 5 * MINUTE,
): MemoryOverTime {
  const read = marks.filter((m) => m.line.proc !== null);
  const measured = read.filter((m) => m.line.at >= trafficStart);
  const secondHalf = measured.slice(Math.floor(measured.length / 2));
  const steady = percentile(
    secondHalf.map((m) => m.line.proc?.rss ?? 0),
    50,
  );
  const samples: { minute: number; rssMb: number }[] = [];
  for (let at = trafficStart; ; at += every) {
    const mark = measured.find((m) => m.line.at >= at);
    if (!mark) break;
    samples.push({ minute: Math.round((at - trafficStart) / MINUTE), rssMb: mb(mark.line.proc?.rss) ?? 0 });
  }
  return {
    startMb: mb(read[0]?.line.proc?.rss),
    steadyMb: steady === null ? null : mb(steady),
    peakMb: peakRss === null ? null : mb(peakRss),
    samples,
  };
}

/** The worker's work that is not a poll: owners, call outcomes, deals (each on its own period). */
export const PERIODIC_WORK = {
  owners: (endpoint: string) => endpoint === 'GET /crm/v3/owners',
  'call outcomes': (endpoint: string) => endpoint === 'GET /calling/v1/dispositions',
  deals: (endpoint: string) => endpoint.includes('/deals'),
} as const;

export type PeriodicKind = keyof typeof PERIODIC_WORK;

/** For each kind of periodic work: its requests after the traffic started, and when (minutes in). */
export type PeriodicWork = Readonly<
  Record<PeriodicKind, { readonly requests: number; readonly minutes: readonly number[] }>
>;

export function periodicWork(marks: readonly Mark[], trafficStart: Instant): PeriodicWork {
  const out: Record<PeriodicKind, { requests: number; minutes: number[] }> = {
    owners: { requests: 0, minutes: [] },
    'call outcomes': { requests: 0, minutes: [] },
    deals: { requests: 0, minutes: [] },
  };
  const kinds = Object.keys(out) as PeriodicKind[];
  for (let i = 1; i < marks.length; i++) {
    const prev = marks[i - 1];
    const cur = marks[i];
    if (!prev || !cur || cur.line.at < trafficStart) continue;
    for (const [endpoint, stats] of Object.entries(cur.hubspot.byEndpoint)) {
      const n = stats.count - (prev.hubspot.byEndpoint[endpoint]?.count ?? 0);
      if (n <= 0) continue;
      for (const kind of kinds) {
        if (!PERIODIC_WORK[kind](endpoint)) continue;
        out[kind].requests += n;
        out[kind].minutes.push(Math.round(((cur.line.at - trafficStart) / MINUTE) * 10) / 10);
      }
    }
  }
  return out;
}
