import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/system-clock.ts';
import { createHubSpotClient } from '../../src/hubspot/hubspot-client.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { config, FakeTiming } from './harness.ts';

const running: HubSpotSandbox[] = [];
afterEach(async () => {
  for (const sandbox of running.splice(0)) await sandbox.stop();
});

/**
 * The real SDK and the default limiters (the production budget, real time) against the loopback
 * sandbox on the system clock: a Starter portal where another integration already uses part of the
 * 10-second pool. More requests than half the pool are asked for at once; none may be refused.
 */
async function burst(requests: number, othersPerTenSeconds: number) {
  const sandbox = await startCheckedHubSpotSandbox({
    rateLimits: { tier: 'starter', otherIntegration: { perTenSeconds: othersPerTenSeconds } },
  });
  running.push(sandbox);
  const client = createHubSpotClient({
    accessToken: 'sandbox-token',
    basePath: sandbox.url,
    config: config({ hubspot: { ...config().hubspot, budgetShare: 0.5, requestsPerTenSeconds: null } }),
    logger: captureLogger().logger,
    clock: systemClock,
    timing: new FakeTiming(),
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: requests }, () => client.api.ownersPage(undefined, false)));
  return {
    seconds: (performance.now() - started) / 1000,
    refused: sandbox.stats.snapshot().rateLimited.total,
    peak: sandbox.limits?.peakTenSecondly('sandbox-token') ?? 0,
  };
}

describe('the adaptive budget against the HubSpot sandbox (real SDK, real time)', () => {
  it('Starter shared with an integration at 40 / 10 s: 70 requests at once, no 429, at most 50 in any 10 s', async () => {
    const run = await burst(70, 40);
    expect(run.refused).toBe(0);
    expect(run.peak).toBeLessThanOrEqual(50);
    // The last twenty waited for the first fifty to leave the window (40 + 70 would not fit in 100).
    expect(run.seconds).toBeGreaterThanOrEqual(9.5);
  }, 30_000);

  it('another integration at 70 / 10 s: sla-bot slows to what it leaves, still no 429', async () => {
    const run = await burst(35, 70);
    expect(run.refused).toBe(0);
    expect(run.peak).toBeLessThanOrEqual(20);
    expect(run.seconds).toBeGreaterThanOrEqual(9.5);
  }, 30_000);
});
