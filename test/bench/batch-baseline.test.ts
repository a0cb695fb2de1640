import { describe, expect, it } from 'vitest';
import { BATCH_BOT_TOKEN, BatchBot } from '../../bench/live/batch-baseline.ts';
import { systemClock } from '../../src/clock/system-clock.ts';
import { DAY, MINUTE } from '../../src/domain/time.ts';
import { generateContacts, type HubSpotSandbox } from '../../src/sandbox/index.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

const SEARCH = 'POST /crm/v3/objects/contacts/search';
const ASSOCIATIONS = 'POST /crm/v4/associations/contacts/calls/batch/read';
const CALLS = 'POST /crm/v3/objects/calls/batch/read';

/** Requests the sandbox answered during `work`, by endpoint, and in all. */
async function counted(sandbox: HubSpotSandbox, work: () => Promise<void>) {
  const before = sandbox.stats.snapshot();
  await work();
  const after = sandbox.stats.snapshot();
  const byEndpoint: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.byEndpoint)) {
    const n = v.count - (before.byEndpoint[k]?.count ?? 0);
    if (n > 0) byEndpoint[k] = n;
  }
  return { total: after.total - before.total, byEndpoint };
}

async function portal(open: number) {
  // Starter limits (the sandbox's default), the system clock the bot reads "since" from.
  const sandbox = await startCheckedHubSpotSandbox({ tokens: [BATCH_BOT_TOKEN] });
  const now = systemClock.now();
  const contacts = generateContacts(sandbox.state, {
    count: open,
    seed: 3,
    stages: [
      ['salesqualifiedlead', 2],
      ['marketingqualifiedlead', 1],
    ],
    createdBetween: [now - 30 * DAY, now - 20 * MINUTE],
  });
  const spare = generateContacts(sandbox.state, { count: 3, seed: 4, stages: [['lead', 1]] });
  return { sandbox, contacts, spare };
}

describe('the batch-reading baseline bot', () => {
  it('polls 2,500 open leads with one search and three associations batch reads', async () => {
    const { sandbox, contacts } = await portal(2_500);
    await using _ = sandbox;
    const bot = new BatchBot(
      sandbox.url,
      contacts.map((c) => c.id),
      systemClock.now(),
      0,
    );
    const first = await counted(sandbox, () => bot.cycle());
    expect(first).toEqual({ total: 4, byEndpoint: { [SEARCH]: 1, [ASSOCIATIONS]: 3 } });
    expect(sandbox.stats.snapshot().rateLimited.total).toBe(0);
  });

  it('finds new handoffs, reads new calls 100 a request, and follows an inbox of more than 500 calls', async () => {
    const { sandbox, contacts, spare } = await portal(2_500);
    await using _ = sandbox;
    const bot = new BatchBot(
      sandbox.url,
      contacts.map((c) => c.id),
      systemClock.now(),
      0,
    );
    await bot.cycle();
    const state = sandbox.state;
    for (const s of spare) state.moveStage(s.id, 'salesqualifiedlead');
    for (const c of contacts.slice(0, 150)) state.logCall(c.id);
    const busy = contacts[200]?.id ?? '';
    for (let i = 0; i < 501; i++) state.logCall(busy);

    const second = await counted(sandbox, () => bot.cycle());
    // 1 search; ⌈2,503 / 1,000⌉ = 3 associations reads + 1 for the 501st call's page; ⌈651 / 100⌉ = 7 call reads.
    expect(second).toEqual({ total: 12, byEndpoint: { [SEARCH]: 1, [ASSOCIATIONS]: 4, [CALLS]: 7 } });
    expect(bot.open).toBe(2_503);
    expect(bot.contacted).toBe(151);

    // Nothing new: the calls it has read are not read again, the paged lead still costs its page.
    const third = await counted(sandbox, () => bot.cycle());
    expect(third).toEqual({ total: 5, byEndpoint: { [SEARCH]: 1, [ASSOCIATIONS]: 4 } });
  });

  it('retries a 5xx, and the retry is counted as the request it is', async () => {
    const { sandbox, contacts } = await portal(1_200);
    await using _ = sandbox;
    const bot = new BatchBot(
      sandbox.url,
      contacts.map((c) => c.id),
      systemClock.now(),
      0,
    );
    sandbox.faults.inject('server_error', { times: 1, endpoint: ASSOCIATIONS });
    const cycle = await counted(sandbox, () => bot.cycle());
    // ⌈1,200 / 1,000⌉ = 2 associations reads, the first one sent twice.
    expect(cycle).toEqual({ total: 4, byEndpoint: { [SEARCH]: 1, [ASSOCIATIONS]: 3 } });
    expect(sandbox.stats.snapshot().faults).toBe(1);
  });
});
