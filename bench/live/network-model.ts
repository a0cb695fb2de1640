import type { FaultOptions, LatencyOptions } from '../../src/sandbox/index.ts';
import { percentile } from './figures.ts';

/**
 * How slow and how unreliable the sandboxes are in a bench run. The default is a realistic API: most
 * answers in `latencyMs` ± 25 %, 2 % in a log-normal tail around 1 s (so the p99 of HubSpot's
 * answers is about 1 s, a few take 2–5 s), and 0.5 % of HubSpot requests answered with a 5xx (500
 * or 502) that the client has to retry. Seeded (per scenario, from its name): the same draws in the
 * same order on every run, and different ones in each scenario so a run's figures pool. The flat model (`--flat`) is the one earlier runs used: `latencyMs` ± 25 %, no tail, no errors.
 */
export interface NetworkModel {
  readonly hubspotLatency: LatencyOptions;
  readonly slackLatency: LatencyOptions;
  /** Random HubSpot server errors; `undefined` = none. */
  readonly hubspotFaults: FaultOptions | undefined;
  /** Seeds of the HubSpot and Slack sandboxes' draws. */
  readonly hubspotSeed: number;
  readonly slackSeed: number;
}

export const TAIL_SHARE = 0.02;
export const TAIL_MEDIAN_MS = 1_000;
export const SERVER_ERROR_SHARE = 0.005;

export function networkModel(latencyMs: number, flat: boolean, seed = 20): NetworkModel {
  const body = { meanMs: latencyMs, jitterMs: Math.round(latencyMs / 4) };
  const latency: LatencyOptions = flat
    ? body
    : { ...body, tail: { share: TAIL_SHARE, medianMs: TAIL_MEDIAN_MS, sigma: 0.5, maxMs: 5_000 } };
  return {
    hubspotLatency: latency,
    slackLatency: latency,
    // Only plain 5xx: timeouts and "accepted, then failed" answers are for the fault tests.
    hubspotFaults: flat ? undefined : { rate: SERVER_ERROR_SHARE, kinds: ['server_error'], seed },
    hubspotSeed: seed + 1,
    slackSeed: seed + 2,
  };
}

/** "80 ms ±25 %, 2 % of answers in a tail around 1 s, 0.5 % HubSpot 5xx". */
export function describeNetwork(latencyMs: number, flat: boolean): string {
  const body = `${latencyMs} ms ±25 %`;
  if (flat) return `${body}, no tail, no errors (--flat)`;
  return (
    `${body}, ${TAIL_SHARE * 100} % of answers in a log-normal tail around ${TAIL_MEDIAN_MS / 1000} s ` +
    `(p99 ≈ 1 s), ${SERVER_ERROR_SHARE * 100} % of HubSpot requests a 5xx`
  );
}

/** Percentiles of answer times, ms. */
export interface AnswerSpread {
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  readonly n: number;
}

export const answerSpread = (ms: readonly number[]): AnswerSpread => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
  p99: percentile(ms, 99),
  max: percentile(ms, 100),
  n: ms.length,
});

/** A seed from a scenario's name (FNV-1a), so each scenario draws its own latencies and errors. */
export function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
