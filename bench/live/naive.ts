import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import Bottleneck from 'bottleneck';
import { systemClock } from '../../src/clock/system-clock.ts';
import type { Millis } from '../../src/domain/time.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';

export const NAIVE_TOKEN = 'pat-bench-naive-baseline';
/** The first-contact window the naive bot must poll within to notice a call in time. */
const WINDOW: Millis = 5 * 60_000;

export interface NaiveResult {
  readonly open: number;
  /** Requests one naive cycle needs: a search per stage plus one read per open lead. */
  readonly requestsPerCycle: number;
  readonly measuredForMs: Millis;
  readonly requestsMade: number;
  readonly requestsPerSecond: number;
  /** How long one cycle takes at the measured rate (measured when the run finished one). */
  readonly cycleMs: Millis;
  readonly cycleMeasured: boolean;
  readonly missesWindow: boolean;
  readonly rateLimited: number;
}

/**
 * The baseline a naive bot implements: every cycle, one search per stage for new handoffs, then
 * re-read every open lead's calls, one request per lead (`GET …/contacts/{id}/associations/calls`),
 * through the official SDK, paced at the portal's own ceiling (the sandbox tier's limit, 100 / 10 s
 * on Starter; the best it can do without 429s). Runs for `budget` (or one full cycle, if sooner) against the same sandbox under its own app
 * token, and reports the cycle time at the rate it achieved.
 */
export async function runNaive(
  hubspot: HubSpotSandbox,
  contactIds: readonly string[],
  budget: Millis,
): Promise<NaiveResult> {
  const client = new Client({ accessToken: NAIVE_TOKEN, basePath: hubspot.url });
  const ceiling = hubspot.limits?.tenSecondly ?? 100;
  const limiter = new Bottleneck({ minTime: Math.ceil(10_000 / ceiling), maxConcurrent: 4 });
  const before = hubspot.stats.snapshot();
  const start = systemClock.now();
  const until = start + budget;
  const stages = ['salesqualifiedlead', 'marketingqualifiedlead'];
  let made = 0;
  let rateLimited = 0;
  const call = async (work: () => Promise<unknown>) => {
    made += 1;
    try {
      await work();
    } catch (err) {
      if ((err as { code?: number }).code === 429) rateLimited += 1;
      else throw err;
    }
  };
  for (const stage of stages)
    await call(() =>
      client.crm.contacts.searchApi.doSearch({
        filterGroups: [
          { filters: [{ propertyName: 'lifecyclestage', operator: FilterOperatorEnum.Eq, value: stage }] },
        ],
        sorts: ['createdate'],
        properties: ['lifecyclestage'],
        limit: 100,
        after: '0',
      }),
    );
  let next = 0;
  const worker = async () => {
    while (next < contactIds.length && systemClock.now() < until) {
      const id = contactIds[next++];
      if (id === undefined) break;
      await limiter.schedule(() =>
        call(() => client.crm.associations.v4.basicApi.getPage('contacts', id, 'calls')),
      );
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const elapsed = systemClock.now() - start;
  const perCycle = contactIds.length + stages.length;
  const rate = made / (elapsed / 1000);
  const finished = next >= contactIds.length;
  const cycleMs = finished ? elapsed : (perCycle / rate) * 1000;
  const after = hubspot.stats.snapshot();
  return {
    open: contactIds.length,
    requestsPerCycle: perCycle,
    measuredForMs: elapsed,
    requestsMade: made,
    requestsPerSecond: rate,
    cycleMs,
    cycleMeasured: finished,
    missesWindow: cycleMs > WINDOW,
    rateLimited: Math.max(rateLimited, after.rateLimited.total - before.rateLimited.total),
  };
}
