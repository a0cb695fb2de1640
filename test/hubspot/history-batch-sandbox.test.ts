import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../../src/hubspot/hubspot-client.ts';
import { createHubSpotSource } from '../../src/hubspot/hubspot-source.ts';
import { DEFAULT_POLL_TUNING, type PollContext, scanOptions } from '../../src/hubspot/poll-context.ts';
import { reconcile } from '../../src/hubspot/reconcile.ts';
import { watchedLeadsOf } from '../../src/hubspot/reconcile-schedule.ts';
import type { HandoffPoll } from '../../src/ports/crm-source.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, FakeTiming } from './harness.ts';
import { watched } from './reconcile-support.ts';

/**
 * The SAL stage of config/sla.yaml is an `hs_lead_status` value, read with property history — which
 * HubSpot allows for at most 50 ids a batch read (docs/platform-contract.md, HB-1). These run against
 * the sandbox, which answers a 51-id history read with HubSpot's 400, so a poll that sent one would fail.
 * (Rate limits are off: the burst budget is another test's subject, and the clock here stands still
 * between requests.)
 */
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const SECOND = 1_000;
const MIN = 60 * SECOND;
const READ = 'POST /crm/v3/objects/contacts/batch/read';
const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

async function setup() {
  const clock = new FakeClock(T0);
  const sandbox: HubSpotSandbox = await startCheckedHubSpotSandbox({
    clock,
    rateLimits: false,
    indexLagMs: 2_000,
  });
  stopping.push(() => sandbox.stop());
  sandbox.state.addPropertyOption('contacts', 'hs_lead_status', 'SALES_ACCEPTED');
  const rep = sandbox.state.addOwner({ email: 'bram@example.com' });
  const deps = {
    accessToken: 'sandbox-token',
    basePath: sandbox.url,
    config: config(),
    logger: captureLogger().logger,
    clock,
    timing: new FakeTiming(),
  };
  return { clock, sandbox, state: sandbox.state, rep, deps, source: createHubSpotSource(deps) };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** `count` MQL contacts, created a day before T0 (outside any look-back). */
function mqls({ state, rep }: Setup, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      state.addContact({
        email: `lead${i}@example.com`,
        ownerId: rep.id,
        stage: 'marketingqualifiedlead',
        createdAt: T0 - 24 * 60 * MIN,
      }).id,
  );
}

const salEntries = (poll: HandoffPoll) =>
  poll.handoffs.filter((h) => h.stage === 'sal').map((h) => [h.lead.contactId, h.enteredAt] as const);

describe('SAL handoffs (hs_lead_status, read with history) against the strict HubSpot sandbox', () => {
  for (const count of [51, 500]) {
    it(`detects every one of ${count} SAL contacts that changed within one poll interval`, async () => {
      const s = await setup();
      const ids = mqls(s, count);
      const first = await s.source.pollHandoffs({}, s.clock.now());
      expect(first.rejected).toEqual([]);
      // Within the next 30 s poll interval (a list import, a workflow): each accepted at its own time,
      // all indexed for search (2 s lag) by the next poll.
      const accepted = ids.map((id, i) => {
        const at = T0 + Math.floor((i * 27 * SECOND) / count);
        s.state.setProperties('contacts', id, { hs_lead_status: 'SALES_ACCEPTED' }, { at });
        return [id, at] as const;
      });
      s.clock.set(T0 + 30 * SECOND);
      const readsBefore = s.sandbox.stats.count(READ);
      const next = await s.source.pollHandoffs(first.cursors, s.clock.now());
      const reads = s.sandbox.stats.count(READ) - readsBefore;
      // The poll after that one finds them again in its look-back, and opens nothing twice.
      s.clock.set(T0 + 60 * SECOND);
      const after = await s.source.pollHandoffs({ ...first.cursors, ...next.cursors }, s.clock.now());

      expect([...next.rejected, ...after.rejected]).toEqual([]);
      expect(salEntries(next).sort()).toEqual([...accepted].sort());
      expect(salEntries(after)).toEqual([]);
      // 50 ids a history read (the sandbox refuses 51, as HubSpot does): 51 take two requests.
      expect(reads).toBe(Math.ceil(count / 50));
    });
  }

  it('reads the contacts 120 webhook events named with history, 50 a request', async () => {
    const s = await setup();
    const ids = mqls(s, 120);
    for (const id of ids) s.state.setProperties('contacts', id, { hs_lead_status: 'SALES_ACCEPTED' });
    s.clock.advance(SECOND);
    const read = await s.source.handoffsOf?.(ids, s.clock.now());
    expect(read?.rejected).toEqual([]);
    expect(read && salEntries(read).map(([id]) => id)).toEqual(ids);
    expect(s.sandbox.stats.count(READ)).toBe(3);
  });
});

describe('the read-back of 500 open SAL leads against the strict HubSpot sandbox', () => {
  /** 500 SAL leads accepted at T0, all moved back to UNQUALIFIED two minutes later. */
  async function departed() {
    const s = await setup();
    const ids = mqls(s, 500);
    for (const id of ids) s.state.setProperties('contacts', id, { hs_lead_status: 'SALES_ACCEPTED' });
    s.clock.advance(2 * MIN);
    for (const id of ids) s.state.setProperties('contacts', id, { hs_lead_status: 'UNQUALIFIED' });
    s.clock.advance(MIN);
    const open = watchedLeadsOf(ids.map((id) => watched(id, 'sal', T0, s.rep.id)));
    return { ...s, ids, open };
  }

  it('reads all 500 back in one go when the budget allows, 50 a request, and finds every departure', async () => {
    const s = await departed();
    const client = createHubSpotClient(s.deps);
    const now = s.clock.now();
    const ctx: PollContext = {
      api: client.api,
      config: s.deps.config,
      logger: s.deps.logger,
      links: { appBaseUrl: s.deps.config.hubspot.appBaseUrl, portalId: s.deps.config.hubspot.portalId },
      scan: scanOptions(s.deps.config, DEFAULT_POLL_TUNING, now),
    };
    const tuning = { ...DEFAULT_POLL_TUNING.reconcile, maxBatchesPerPoll: 10 };

    const step = await reconcile(ctx, s.open, undefined, now, tuning);

    expect(step.rejected).toEqual([]);
    const left = step.changes.filter((c) => c.kind === 'left_funnel').map((c) => c.objectId);
    expect(left.sort()).toEqual([...s.ids].sort());
    expect(s.sandbox.stats.count(READ)).toBe(10);
  });

  it('with the default budget (one batch read a poll) every open lead is read back, taking turns', async () => {
    const s = await departed();
    let cursors = {};
    const left = new Set<string>();
    const readsPerPoll: number[] = [];
    for (let poll = 0; poll < 10; poll++) {
      const before = s.sandbox.stats.count(READ);
      const result = await s.source.pollHandoffs(cursors, s.clock.now(), s.open);
      expect(result.rejected).toEqual([]);
      for (const c of result.changes) if (c.kind === 'left_funnel') left.add(c.objectId);
      readsPerPoll.push(s.sandbox.stats.count(READ) - before);
      cursors = { ...cursors, ...result.cursors };
      s.clock.advance(MIN);
    }
    // Recent leads (in their first 15 minutes) are read every minute, 50 a poll: ten polls for 500.
    expect(readsPerPoll).toEqual(Array(10).fill(1));
    expect([...left].sort()).toEqual([...s.ids].sort());
  });
});
