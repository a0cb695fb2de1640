import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { SlaInstance } from '../../src/domain/model.ts';
import { createHubSpotClient } from '../../src/hubspot/hubspot-client.ts';
import { createHubSpotLeadWriter } from '../../src/hubspot/lead-writer.ts';
import { createLimiters } from '../../src/hubspot/limiter.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { ConfigHolder } from '../../src/worker/config-reloader.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { observeHubSpotLimiters } from '../../src/worker/observe/hubspot-requests.ts';
import { observeSlackFetch, type SlackCallStatus } from '../../src/worker/observe/slack-requests.ts';
import { reloadingLeadWriter } from '../../src/worker/write-back/reloading-lead-writer.ts';
import { captureLogger } from '../fakes/logger.ts';
import { lead } from '../fakes/sla-fixtures.ts';
import { BASE, config, FakeTiming, harness, NOW } from '../hubspot/harness.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { useStrictHttp } from '../support/http-mock.ts';

const instance: SlaInstance = {
  id: `contact:101:sql:${NOW}`,
  lead: lead('101'),
  stage: 'sql',
  policyName: 'sql-follow-up',
  enteredAt: NOW,
  ownerId: '6166860',
  ownerAssignedAt: NOW,
  firstSeenAt: NOW,
  closedAt: null,
  closeReason: null,
};
const pending: Evaluation = {
  instanceId: instance.id,
  clockStart: NOW,
  firstContact: { state: 'pending', deadline: NOW + 300_000, atRisk: false, left: 300_000 },
  attempts: null,
  systemDelay: 0,
  repDelay: null,
  acknowledged: null,
  silenced: [],
  nextDueAt: null,
  due: [],
  settled: false,
};

const withWriteBack = (enabled: boolean) =>
  config({
    hubspot: {
      ...config().hubspot,
      writeBack: { enabled, createTaskOnBreach: false, notAFitLeadStatus: null },
    },
  });

describe('HubSpot seams wired by the composition root', () => {
  const http = useStrictHttp();

  it('the lead writer follows a hot reload that turns write-back on', async () => {
    const h = harness();
    const holder = new ConfigHolder(withWriteBack(false));
    const writer = reloadingLeadWriter(
      () => holder.current,
      (cfg) =>
        createHubSpotLeadWriter({ client: h.client, config: cfg, logger: h.log.logger, clock: h.clock }),
    );
    await writer.writeOutcome(instance, pending);
    expect(h.client.api.requestCount).toBe(0);

    holder.swap(withWriteBack(true));
    http.scope(BASE).patch('/crm/v3/objects/contacts/101').reply(200, { id: '101', properties: {} });
    await writer.writeOutcome(instance, pending);
    expect(h.client.api.requestCount).toBe(1);
  });

  it('every HubSpot attempt, a 429 included, is counted by status in the metrics', async () => {
    const metrics = createMetrics(new WorkerEvents(), { defaultMetrics: false });
    const cfg = config();
    const timing = new FakeTiming();
    const client = createHubSpotClient({
      accessToken: 'pat-test',
      basePath: BASE,
      config: cfg,
      logger: captureLogger().logger,
      clock: new FakeClock(NOW),
      timing,
      limiters: observeHubSpotLimiters(
        createLimiters(() => cfg.hubspot, { clock: new FakeClock(NOW), sleep: async () => {} }),
        metrics.hubspotRequest,
      ),
    });
    http
      .scope(BASE)
      .get(/\/crm\/v3\/owners/)
      .reply(429, {
        status: 'error',
        message: 'You have reached your secondly limit.',
        policyName: 'SECONDLY',
      })
      .get(/\/crm\/v3\/owners/)
      .reply(200, { results: [] });
    await client.api.ownersPage(undefined, false);

    const text = await metrics.registry.metrics();
    expect(text).toContain('sla_bot_hubspot_requests_total{status="429"} 1');
    expect(text).toContain('sla_bot_hubspot_requests_total{status="200"} 1');
    expect(text).toContain('sla_bot_hubspot_rate_limited_total 1');
    expect(timing.waits).toEqual([1000]);
  });
});

describe('Slack Web API calls, observed through the client fetch', () => {
  const answer =
    (status: number, body: unknown): typeof fetch =>
    async () =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it.each([
    ['accepted', 200, { ok: true, ts: '1.1' }, 'ok'],
    ['refused in the body', 200, { ok: false, error: 'channel_not_found' }, 'error'],
    ['rate limited in the body', 200, { ok: false, error: 'ratelimited' }, 'rate_limited'],
    ['rate limited by status', 429, { ok: false, error: 'ratelimited' }, 'rate_limited'],
    ['a server error', 503, { ok: false }, 'error'],
  ] as const)('%s', async (_, status, body, expected) => {
    const seen: [string, SlackCallStatus][] = [];
    const observed = observeSlackFetch(answer(status, body), (m, s) => seen.push([m, s]));
    const res = await observed('https://slack.test/api/chat.postMessage', { method: 'POST' });
    expect(seen).toEqual([['chat.postMessage', expected]]);
    expect(await res.json()).toEqual(body); // the client still reads the body
  });

  it('a call that gets no answer counts as an error and still fails', async () => {
    const seen: [string, SlackCallStatus][] = [];
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const observed = observeSlackFetch(down, (m, s) => seen.push([m, s]));
    await expect(observed('https://slack.test/api/views.publish')).rejects.toThrow('fetch failed');
    expect(seen).toEqual([['views.publish', 'error']]);
  });
});
