import type { SlaConfig, StageDefinition } from '../../src/config/types.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { createHubSpotClient } from '../../src/hubspot/hubspot-client.ts';
import { createHubSpotSource, type HubSpotSourceDeps } from '../../src/hubspot/hubspot-source.ts';
import type { Timing } from '../../src/hubspot/retry-policy.ts';
import { captureLogger } from '../fakes/logger.ts';
import { testConfig, testPolicy } from '../fakes/sla-fixtures.ts';
import { FakeClock } from '../support/fake-clock.ts';
import type { Scope } from '../support/http-mock.ts';

export const BASE = 'https://hubspot.test';
export const NOW = Date.parse('2024-05-01T10:10:00.000Z');
export const OVERLAP = 10 * MINUTE;
export const iso = (t: number): string => new Date(t).toISOString();

/** Sleep and chance under test control: waits are recorded and return at once; time-outs fire on demand. */
export class FakeTiming implements Timing {
  readonly waits: number[] = [];
  /** Number of upcoming request time limits that expire immediately. */
  timeouts = 0;
  random = (): number => 0.5;
  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal) {
      if (this.timeouts > 0) {
        this.timeouts -= 1;
        return Promise.resolve();
      }
      return new Promise(() => {});
    }
    this.waits.push(ms);
    return Promise.resolve();
  };
}

const at = (line: number) => ({ file: 'config/sla.yaml', line, col: 5 });

export const STAGES: readonly StageDefinition[] = [
  {
    key: 'mql',
    label: 'MQL',
    order: 0,
    source: { kind: 'lifecycle_stage', value: 'marketingqualifiedlead' },
    at: at(12),
  },
  {
    key: 'sal',
    label: 'SAL',
    order: 1,
    source: { kind: 'property', property: 'hs_lead_status', equals: 'SALES_ACCEPTED' },
    at: at(13),
  },
  {
    key: 'sql',
    label: 'SQL',
    order: 2,
    source: { kind: 'lifecycle_stage', value: 'salesqualifiedlead' },
    at: at(14),
  },
];

export const config = (overrides: Partial<SlaConfig> = {}): SlaConfig =>
  testConfig({
    stages: STAGES,
    recycleStages: ['lead', 'other'],
    policies: [testPolicy({ stage: 'sql' })],
    poll: { every: 30 * SECOND, overlap: OVERLAP },
    hubspot: {
      portalId: '62515',
      appBaseUrl: 'https://app.hubspot.com',
      budgetShare: 0.5,
      requestsPerTenSeconds: null,
      searchPerSecond: 100_000,
      writeBack: { enabled: false, createTaskOnBreach: false, notAFitLeadStatus: null },
    },
    ...overrides,
  });

export function harness(overrides: Partial<SlaConfig> = {}, deps: Partial<HubSpotSourceDeps> = {}) {
  const clock = new FakeClock(NOW);
  const timing = new FakeTiming();
  const log = captureLogger();
  const cfg = config(overrides);
  const base = { accessToken: 'pat-test', basePath: BASE, config: cfg, logger: log.logger, clock, timing };
  const client = createHubSpotClient(base);
  const source = createHubSpotSource({ ...base, client, ...deps });
  return { clock, timing, log, config: cfg, client, source };
}

/** Records the JSON bodies a POST interceptor received, in order. */
export function capture(
  scope: Scope,
  path: string | RegExp,
  times: number,
  reply: (body: unknown, n: number) => unknown,
  status = 200,
) {
  const bodies: unknown[] = [];
  scope
    .post(path, (body) => {
      bodies.push(body);
      return true;
    })
    .times(times)
    .reply(() => [status, reply(bodies[bodies.length - 1], bodies.length - 1)]);
  return bodies;
}

/** A search page as HubSpot sends it: all values strings or null, paging only when more exist. */
export const page = (results: readonly unknown[], after?: string, total = results.length) => ({
  total,
  results,
  ...(after === undefined ? {} : { paging: { next: { after, link: `?after=${after}` } } }),
});

export const record = (id: string, properties: Record<string, string | null>, updatedAt = iso(NOW)) => ({
  id,
  properties: { hs_object_id: id, ...properties },
  createdAt: '2024-05-01T09:00:00.000Z',
  updatedAt,
  archived: false,
});

export const emptyPage = page([]);
