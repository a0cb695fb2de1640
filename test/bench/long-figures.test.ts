import { describe, expect, it } from 'vitest';
import { memoryOverTime, periodicWork } from '../../bench/live/long-figures.ts';
import type { CycleLine } from '../../bench/live/worker-process.ts';
import { MINUTE } from '../../src/domain/time.ts';
import type { StatsSnapshot } from '../../src/sandbox/index.ts';

const MB = 1024 * 1024;
const T = 1_800_000_000_000;

const line = (at: number, rssMb: number): CycleLine => ({
  cycle: 0,
  at,
  durationMs: 100,
  outcome: 'ok',
  handoffs: 0,
  judgingLeft: 0,
  proc: { cpuMs: 0, rss: rssMb * MB, peakRss: rssMb * MB },
});

const stats = (counts: Record<string, number>): StatsSnapshot => ({
  total: Object.values(counts).reduce((a, b) => a + b, 0),
  byEndpoint: Object.fromEntries(
    Object.entries(counts).map(([k, count]) => [k, { count, statuses: {}, rateLimited: 0, errors: {} }]),
  ),
  rateLimited: { total: 0, byPolicy: {} },
  faults: 0,
});

describe('figures of the long run', () => {
  it('reads memory at the start, in the second half (median) and every 5 minutes', () => {
    const rss = [300, 200, 210, 220, 230, 240, 250, 260, 270, 280, 290, 300];
    // The first line is the start (before the traffic); then one a minute, minutes 0 to 10.
    const marks = rss.map((mb, i) => ({ line: line(T + (i - 1) * MINUTE, mb), hubspot: stats({}) }));
    const m = memoryOverTime(marks, T, 320 * MB);
    expect(m.startMb).toBe(300);
    expect(m.steadyMb).toBe(270);
    expect(m.peakMb).toBe(320);
    expect(m.samples).toEqual([
      { minute: 0, rssMb: 200 },
      { minute: 5, rssMb: 250 },
      { minute: 10, rssMb: 300 },
    ]);
  });

  it('finds the owners, call-outcome and deals requests, and when they came', () => {
    const owners = 'GET /crm/v3/owners';
    const outcomes = 'GET /calling/v1/dispositions';
    const deals = 'POST /crm/v4/associations/contacts/deals/batch/read';
    const search = 'POST /crm/v3/objects/contacts/search';
    const marks = [
      { line: line(T - MINUTE, 200), hubspot: stats({ [owners]: 2, [search]: 1 }) },
      { line: line(T + MINUTE, 200), hubspot: stats({ [owners]: 2, [outcomes]: 1, [search]: 3 }) },
      {
        line: line(T + 5 * MINUTE, 200),
        hubspot: stats({ [owners]: 2, [outcomes]: 1, [deals]: 1, [search]: 4 }),
      },
      {
        line: line(T + 15 * MINUTE, 200),
        hubspot: stats({ [owners]: 4, [outcomes]: 1, [deals]: 3, [search]: 9 }),
      },
    ];
    expect(periodicWork(marks, T)).toEqual({
      owners: { requests: 2, minutes: [15] },
      'call outcomes': { requests: 1, minutes: [1] },
      deals: { requests: 3, minutes: [5, 15] },
    });
  });
});
