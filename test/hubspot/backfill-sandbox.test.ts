import { afterEach, describe, expect, it } from 'vitest';
import type { StageDefinition } from '../../src/config/types.ts';
import type { Handoff } from '../../src/domain/model.ts';
import { DAY, HOUR, MINUTE } from '../../src/domain/time.ts';
import { createHubSpotSource } from '../../src/hubspot/hubspot-source.ts';
import type { BackfillChunk } from '../../src/ports/crm-source.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, FakeTiming, STAGES } from './harness.ts';

const INSTALL = Date.UTC(2026, 2, 2, 9, 0, 0);
const WINDOW = { since: INSTALL - 30 * DAY, until: INSTALL };
const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

const LEADS_STAGE: StageDefinition = {
  key: 'new',
  label: 'New lead',
  order: 3,
  source: { kind: 'lead_pipeline', pipeline: 'lead-pipeline-id', stage: 'new-stage-id' },
  at: { file: 'config/sla.yaml', line: 15, col: 5 },
};

async function world(pagesPerScan = 1) {
  const clock = new FakeClock(WINDOW.since - DAY);
  const sandbox: HubSpotSandbox = await startCheckedHubSpotSandbox({ clock, rateLimits: false });
  stopping.push(() => sandbox.stop());
  sandbox.state.addPropertyOption('contacts', 'hs_lead_status', 'SALES_ACCEPTED');
  const rep = sandbox.state.addOwner({ email: 'bram@example.com' });
  const source = (stages = STAGES) =>
    createHubSpotSource({
      accessToken: 'sandbox-token',
      basePath: sandbox.url,
      config: config({ stages }),
      logger: captureLogger().logger,
      clock,
      timing: new FakeTiming(),
      tuning: { backfillPagesPerScan: pagesPerScan },
    });
  const contact = (stage: string, at: number) =>
    sandbox.state.addContact({
      email: `c${at}-${Math.random()}@lead.example`,
      ownerId: rep.id,
      stage,
      createdAt: at,
    });
  return { clock, sandbox, rep, source, contact };
}

/** Reads chunks until the import is done; the handoffs of each chunk, in order. */
async function importAll(
  read: (position: string | null) => Promise<BackfillChunk>,
  max = 50,
): Promise<{ chunks: Handoff[][]; last: BackfillChunk }> {
  const chunks: Handoff[][] = [];
  let position: string | null = null;
  for (let i = 0; i < max; i++) {
    const chunk = await read(position);
    chunks.push([...chunk.handoffs]);
    position = chunk.position;
    if (chunk.done) return { chunks, last: chunk };
  }
  throw new Error('the import did not finish');
}

describe('the first-install import against the loopback HubSpot sandbox', () => {
  it('reads every open lifecycle-stage handoff of the window once, newest first, 200 a chunk, ties walked by id', async () => {
    const w = await world();
    const ids = new Map<string, number>();
    // 450 SQLs over the month, 250 more entered in the same millisecond (an import), and the edges.
    for (let n = 0; n < 450; n++) {
      const at = WINDOW.since + HOUR + n * HOUR;
      ids.set(w.contact('salesqualifiedlead', at).id, at);
    }
    const tie = WINDOW.since + 2 * DAY + 30 * MINUTE;
    for (let n = 0; n < 250; n++) ids.set(w.contact('salesqualifiedlead', tie).id, tie);
    const tooOld = w.contact('salesqualifiedlead', WINDOW.since - HOUR);
    const movedOn = w.contact('salesqualifiedlead', WINDOW.since + 3 * DAY);
    w.clock.set(WINDOW.since + 4 * DAY);
    w.sandbox.state.moveStage(movedOn.id, 'opportunity');
    w.clock.set(INSTALL + MINUTE);
    const live = w.contact('salesqualifiedlead', INSTALL + 1);
    const mql = w.contact('marketingqualifiedlead', INSTALL - 5 * MINUTE);
    w.clock.set(INSTALL + 2 * MINUTE);

    const source = w.source();
    const { chunks, last } = await importAll(
      (p) => source.backfill?.(p, WINDOW, w.clock.now()) ?? Promise.reject(),
    );
    const all = chunks.flat();
    const sql = all.filter((h) => h.stage === 'sql');
    expect(sql).toHaveLength(700);
    expect(new Set(sql.map((h) => h.lead.contactId)).size).toBe(700);
    for (const h of sql) expect(h.enteredAt).toBe(ids.get(h.lead.contactId));
    expect(all.map((h) => h.lead.contactId)).not.toContain(tooOld.id);
    expect(all.map((h) => h.lead.contactId)).not.toContain(movedOn.id);
    expect(all.map((h) => h.lead.contactId)).not.toContain(live.id);
    // Newest first: the first chunk holds the latest 200 SQLs and the MQL from five minutes ago.
    const first = chunks[0] ?? [];
    expect(first.find((h) => h.stage === 'mql')).toMatchObject({
      lead: { contactId: mql.id },
      enteredAt: INSTALL - 5 * MINUTE,
    });
    const firstSql = first.filter((h) => h.stage === 'sql').map((h) => h.enteredAt);
    expect(firstSql).toHaveLength(200);
    expect(Math.min(...firstSql)).toBeGreaterThan(
      Math.max(
        ...chunks
          .slice(1)
          .flat()
          .map((h) => h.enteredAt),
      ),
    );
    // The rep's data comes with it, ready for the ping.
    expect(first[0]).toMatchObject({ ownerId: w.rep.id, lead: { objectType: 'contact' } });
    expect(last).toMatchObject({ done: true, read: 701, total: 701 });
  });

  it('dates property-stage and Leads-object entries from their history and keeps those inside the window', async () => {
    const w = await world(2);
    const sal = w.contact('marketingqualifiedlead', WINDOW.since + DAY);
    w.clock.set(WINDOW.since + 2 * DAY);
    w.sandbox.state.setProperties('contacts', sal.id, { hs_lead_status: 'SALES_ACCEPTED' });
    const oldSal = w.contact('marketingqualifiedlead', WINDOW.since - 5 * DAY);
    w.sandbox.state.setProperties(
      'contacts',
      oldSal.id,
      { hs_lead_status: 'SALES_ACCEPTED' },
      { at: WINDOW.since - 4 * DAY },
    );
    const person = w.contact('lead', WINDOW.since + 2 * DAY);
    const lead = w.sandbox.state.createLead(person.id, { ownerId: w.rep.id });
    // Modified since (so the search finds it) but still in the stage it entered before the window.
    w.clock.set(INSTALL - HOUR);
    w.sandbox.state.setProperties('contacts', oldSal.id, { firstname: 'Still' });
    w.clock.set(INSTALL + MINUTE);

    const source = w.source([...STAGES, LEADS_STAGE]);
    const { chunks } = await importAll(
      (p) => source.backfill?.(p, WINDOW, w.clock.now()) ?? Promise.reject(),
    );
    const all = chunks.flat();
    expect(all.filter((h) => h.stage === 'sal')).toEqual([
      expect.objectContaining({
        lead: expect.objectContaining({ contactId: sal.id }),
        enteredAt: WINDOW.since + 2 * DAY,
      }),
    ]);
    expect(all.filter((h) => h.stage === 'new')).toEqual([
      expect.objectContaining({
        lead: expect.objectContaining({ objectType: 'lead', objectId: lead.id, contactId: person.id }),
        enteredAt: WINDOW.since + 2 * DAY,
        ownerId: w.rep.id,
      }),
    ]);
    // By lifecycle stage both are still MQLs: the one that entered inside the window is imported as one.
    expect(all.filter((h) => h.stage === 'mql').map((h) => h.lead.contactId)).toEqual([sal.id]);
  });

  it('resumes from a stored position without reading anything twice', async () => {
    const w = await world();
    for (let n = 0; n < 500; n++) w.contact('salesqualifiedlead', WINDOW.since + HOUR + n * MINUTE);
    w.clock.set(INSTALL);
    const first = await w.source().backfill?.(null, WINDOW, w.clock.now());
    if (!first) throw new Error('no backfill');
    // A new process, the same stored position.
    const again = w.source();
    const { chunks } = await importAll(
      (p) => again.backfill?.(p ?? first.position, WINDOW, w.clock.now()) ?? Promise.reject(),
    );
    const ids = [...first.handoffs, ...chunks.flat()].map((h) => h.lead.contactId);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
  });
});
