import { describe, expect, it } from 'vitest';
import { type LatencyOptions, latencyFor } from '../../src/sandbox/shared/latency.ts';
import { createRandom } from '../../src/sandbox/shared/random.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { hubspotClient } from './helpers.ts';

/** The bench's model: 80 ms ± 20, 2 % in a log-normal tail around 1 s. */
const REALISTIC: LatencyOptions = {
  meanMs: 80,
  jitterMs: 20,
  tail: { share: 0.02, medianMs: 1_000, sigma: 0.5, maxMs: 5_000 },
};

const draws = (options: LatencyOptions, seed: number, n: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => latencyFor(options, random));
};

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

describe('sandbox latency with a slow tail', () => {
  it('has most answers around the usual latency and a p99 around 1 s', () => {
    const ms = draws(REALISTIC, 21, 100_000);
    expect(quantile(ms, 0.5)).toBeGreaterThan(76);
    expect(quantile(ms, 0.5)).toBeLessThan(84);
    expect(quantile(ms, 0.95)).toBeLessThanOrEqual(100);
    expect(quantile(ms, 0.99)).toBeGreaterThan(850);
    expect(quantile(ms, 0.99)).toBeLessThan(1_150);
    const slow = ms.filter((m) => m > 100).length / ms.length;
    expect(slow).toBeGreaterThan(0.018);
    expect(slow).toBeLessThan(0.022);
    expect(Math.max(...ms)).toBeLessThanOrEqual(5_000);
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(60);
  });

  it('draws the same delays for the same seed, and others for another', () => {
    expect(draws(REALISTIC, 21, 500)).toEqual(draws(REALISTIC, 21, 500));
    expect(draws(REALISTIC, 22, 500)).not.toEqual(draws(REALISTIC, 21, 500));
  });

  it('without a tail keeps the flat model: one draw per answer, within the jitter', () => {
    const flat: LatencyOptions = { meanMs: 80, jitterMs: 20 };
    const random = createRandom(5);
    const expected = Array.from({ length: 200 }, () => 80 + (random.next() * 2 - 1) * 20);
    const ms = draws(flat, 5, 200);
    expect(ms).toEqual(expected);
    expect(Math.max(...ms)).toBeLessThanOrEqual(100);
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(60);
  });

  it('records how long each answer took, for the bench to report', async () => {
    await using sandbox = await startCheckedHubSpotSandbox({ latency: { meanMs: 20 }, rateLimits: false });
    const client = hubspotClient(sandbox);
    await client.crm.owners.ownersApi.getPage(undefined, undefined, 100, false);
    await client.crm.owners.ownersApi.getPage(undefined, undefined, 100, false);
    expect(sandbox.answerTimes.count).toBe(2);
    for (const ms of sandbox.answerTimes.since(0)) expect(ms).toBeGreaterThanOrEqual(19);
    expect(sandbox.answerTimes.since(1)).toHaveLength(1);
  });
});
