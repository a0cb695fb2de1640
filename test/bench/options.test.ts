import { describe, expect, it } from 'vitest';
import { networkModel, seedOf } from '../../bench/live/network-model.ts';
import { benchOptions } from '../../bench/live/options.ts';
import { plan } from '../../bench/live/scenarios.ts';

describe('npm run bench options', () => {
  it('by default: no long run, the realistic network, the baseline polling 20 s per size', () => {
    const o = benchOptions([]);
    expect(o).toMatchObject({
      longFor: null,
      flatNetwork: false,
      naiveFor: 20_000,
      latencyMs: 80,
      sizes: [1_000, 10_000, 100_000],
    });
    expect(plan(o).map((s) => s.name)).not.toContainEqual(expect.stringMatching(/^long-/));
  });

  it('--long adds a 20-minute run of the product as installed at the largest size', () => {
    const o = benchOptions(['--long']);
    expect(o.longFor).toBe(20 * 60_000);
    const long = plan(o).find((s) => s.name.startsWith('long-'));
    expect(long).toMatchObject({
      name: 'long-100000',
      open: 100_000,
      defaultPoll: true,
      long: true,
      naive: null,
    });
  });

  it('--long-minutes sets its length; --quick makes it the 10,000 run', () => {
    const o = benchOptions(['--long', '--long-minutes', '30', '--quick']);
    expect(o.longFor).toBe(30 * 60_000);
    expect(
      plan(o)
        .filter((s) => s.long)
        .map((s) => s.name),
    ).toEqual(['long-10000']);
    expect(benchOptions(['--long-minutes', '30']).longFor).toBeNull();
  });

  it('refuses a length that is not a positive number of minutes', () => {
    expect(() => benchOptions(['--long', '--long-minutes', '0'])).toThrow(
      '--long-minutes must be a positive number of minutes',
    );
    expect(() => benchOptions(['--long', '--long-minutes', 'soon'])).toThrow(/minutes/);
  });

  it('--flat goes back to the flat latency with no 5xx, in every scenario', () => {
    const o = benchOptions(['--flat']);
    expect(o.flatNetwork).toBe(true);
    expect(plan(o).every((s) => s.flatNetwork === true)).toBe(true);
    expect(plan(benchOptions([])).some((s) => s.flatNetwork)).toBe(false);
  });
});

describe("the bench's network model", () => {
  it('by default has a slow tail (p99 about 1 s) and 0.5 % HubSpot 5xx, seeded per scenario', () => {
    const m = networkModel(80, false, seedOf('steady-10000'));
    expect(m.hubspotLatency).toEqual({
      meanMs: 80,
      jitterMs: 20,
      tail: { share: 0.02, medianMs: 1_000, sigma: 0.5, maxMs: 5_000 },
    });
    expect(m.slackLatency).toEqual(m.hubspotLatency);
    expect(m.hubspotFaults).toEqual({ rate: 0.005, kinds: ['server_error'], seed: seedOf('steady-10000') });
    expect(m.hubspotSeed).toBe(seedOf('steady-10000') + 1);
    expect(seedOf('steady-10000')).toBe(seedOf('steady-10000'));
    expect(seedOf('steady-1000')).not.toBe(seedOf('steady-10000'));
  });

  it('flat: 80 ms ± 25 % and nothing else', () => {
    const m = networkModel(80, true);
    expect(m.hubspotLatency).toEqual({ meanMs: 80, jitterMs: 20 });
    expect(m.hubspotFaults).toBeUndefined();
  });
});
