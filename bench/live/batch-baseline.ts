import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import { systemClock } from '../../src/clock/system-clock.ts';
import { MINUTE, type Millis } from '../../src/domain/time.ts';
import type { HubSpotSandbox, StatsSnapshot } from '../../src/sandbox/index.ts';
import { max, mean } from './figures.ts';

export const BATCH_BOT_TOKEN = 'pat-bench-batch-baseline';
/** Inputs per associations v4 batch read (docs/platform-contract.md HB-13). */
export const ASSOCIATIONS_PER_READ = 1_000;
/** Inputs per plain object batch read (HB-3). */
export const OBJECTS_PER_READ = 100;
const SEARCH_PAGE = 200;
/** The first-contact window a bot must poll within to notice a call in time. */
const WINDOW: Millis = 5 * MINUTE;
/** Each search for new handoffs looks back this far past the previous cycle's start (index lag). */
const OVERLAP: Millis = MINUTE;
const STAGES = ['salesqualifiedlead', 'marketingqualifiedlead'] as const;
const ATTEMPTS = 4;

export interface BotCycle {
  /** Requests the sandbox answered during the cycle (5xx and 429 answers and their retries included). */
  readonly requests: number;
  readonly durationMs: Millis;
  readonly byEndpoint: Readonly<Record<string, number>>;
}

/**
 * The bot a competent engineer writes in an afternoon, as the baseline sla-bot is compared with. It
 * keeps the open leads in memory and, every poll: one contacts search (both stages ORed, new entries
 * since the last poll, a page per 200), one associations v4 batch read per 1,000 open leads (which
 * calls does each have? per-input pages followed), and batch reads of 100 of the calls it has not
 * seen yet (their time). Requests in sequence through the official SDK, 5xx retried (up to 4 tries),
 * a 429 waited out. It watches calls only (sla-bot also watches e-mails, meetings, owner and stage
 * changes), so it is the cheaper of the two by construction at small sizes.
 */
export class BatchBot {
  readonly #client: Client;
  readonly #open: Set<string>;
  readonly #callOf = new Map<string, string>();
  readonly #contacted = new Set<string>();
  readonly #backoffMs: Millis;
  #since: number;

  /** `since`: when it last looked (its first search looks back `OVERLAP` from there). */
  constructor(url: string, openContactIds: Iterable<string>, since: number, backoffMs: Millis = 200) {
    this.#client = new Client({ accessToken: BATCH_BOT_TOKEN, basePath: url });
    this.#open = new Set(openContactIds);
    this.#since = since;
    this.#backoffMs = backoffMs;
  }

  get open(): number {
    return this.#open.size;
  }

  /** Open leads with at least one call the bot has read. */
  get contacted(): number {
    return this.#contacted.size;
  }

  /** One poll. */
  async cycle(): Promise<void> {
    const start = systemClock.now();
    await this.#findHandoffs(this.#since - OVERLAP);
    this.#since = start;
    const unseen = await this.#readCallIds();
    await this.#readCalls(unseen);
  }

  async #findHandoffs(since: number): Promise<void> {
    const filterGroups = STAGES.map((stage) => ({
      filters: [
        { propertyName: 'lifecyclestage', operator: FilterOperatorEnum.Eq, value: stage },
        {
          propertyName: `hs_v2_date_entered_${stage}`,
          operator: FilterOperatorEnum.Gte,
          value: String(since),
        },
      ],
    }));
    let after: string | undefined = '0';
    while (after !== undefined) {
      const page = await this.#send(() =>
        this.#client.crm.contacts.searchApi.doSearch({
          filterGroups,
          sorts: ['createdate'],
          properties: ['lifecyclestage'],
          limit: SEARCH_PAGE,
          after: after ?? '0',
        }),
      );
      for (const contact of page.results) this.#open.add(contact.id);
      after = page.paging?.next?.after;
    }
  }

  /** Every open lead's call ids, 1,000 leads a request; returns call id → contact for the new ones. */
  async #readCallIds(): Promise<Map<string, string>> {
    const unseen = new Map<string, string>();
    let inputs: { id: string; after?: string }[] = [...this.#open].map((id) => ({ id }));
    while (inputs.length > 0) {
      const more: { id: string; after: string }[] = [];
      for (let i = 0; i < inputs.length; i += ASSOCIATIONS_PER_READ) {
        const chunk = inputs.slice(i, i + ASSOCIATIONS_PER_READ);
        const answer = await this.#send(() =>
          this.#client.crm.associations.v4.batchApi.getPage('contacts', 'calls', { inputs: chunk }),
        );
        for (const result of answer.results) {
          const contactId = result._from.id;
          for (const call of result.to) {
            const callId = String(call.toObjectId);
            if (!this.#callOf.has(callId)) unseen.set(callId, contactId);
          }
          const next = result.paging?.next?.after;
          if (next !== undefined) more.push({ id: contactId, after: next });
        }
      }
      inputs = more;
    }
    return unseen;
  }

  /** The new calls' times, 100 a request; a contact with a call counts as contacted. */
  async #readCalls(unseen: ReadonlyMap<string, string>): Promise<void> {
    const ids = [...unseen.keys()];
    for (let i = 0; i < ids.length; i += OBJECTS_PER_READ) {
      const chunk = ids.slice(i, i + OBJECTS_PER_READ);
      const answer = await this.#send(() =>
        this.#client.crm.objects.calls.batchApi.read({
          inputs: chunk.map((id) => ({ id })),
          properties: ['hs_timestamp'],
          propertiesWithHistory: [],
        }),
      );
      for (const call of answer.results) {
        const contactId = unseen.get(call.id);
        if (contactId === undefined) continue;
        this.#callOf.set(call.id, contactId);
        this.#contacted.add(contactId);
      }
    }
  }

  /**
   * One request with the retries a careful script has: 5xx and unreadable answers again after
   * `backoffMs` × the attempt (up to 4 tries), 429s waited out.
   */
  async #send<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const code = (error as { code?: number }).code;
        const body = (error as { body?: { policyName?: string } }).body;
        if (code === 429) {
          await sleep(body?.policyName === 'TEN_SECONDLY_ROLLING' ? 10_000 : 1_000);
          continue;
        }
        const retryable = code === undefined || code >= 500;
        if (!retryable || attempt >= ATTEMPTS) throw error;
        await sleep(this.#backoffMs * attempt);
      }
    }
  }
}

export interface BatchBaselineResult {
  /** Open leads the bot watched at its start. */
  readonly open: number;
  /** Its first poll (reads every call it has not seen, like sla-bot's first cycle): not in the means. */
  readonly firstCycle: BotCycle;
  readonly cycles: readonly BotCycle[];
  readonly requestsPerCycle: { readonly mean: number | null; readonly max: number | null };
  readonly cycleMs: { readonly mean: number | null; readonly max: number | null };
  readonly pollEveryMs: Millis;
  /** A cycle took longer than the 5-minute first-contact window. */
  readonly missesWindow: boolean;
  readonly rateLimited: number;
  /** Requests answered with an injected 5xx (retried). */
  readonly serverErrors: number;
  readonly contacted: number;
}

export interface BatchBaselineInput {
  readonly hubspot: HubSpotSandbox;
  readonly openContactIds: readonly string[];
  readonly pollEvery: Millis;
  /** Measured polls run for this long after the first one. */
  readonly duration: Millis;
  /** Writes handoffs and calls while the measured polls run (started after the first poll). */
  readonly traffic?: (duration: Millis) => Promise<void>;
}

/**
 * Runs the batch bot against a sandbox nobody else is calling (the bench stops the worker first):
 * every request the sandbox answers between a poll's start and end is the bot's.
 */
export async function runBatchBaseline(input: BatchBaselineInput): Promise<BatchBaselineResult> {
  const { hubspot } = input;
  const bot = new BatchBot(hubspot.url, input.openContactIds, systemClock.now());
  const before = hubspot.stats.snapshot();
  const timed = async (): Promise<BotCycle> => {
    const a = hubspot.stats.snapshot();
    const t0 = systemClock.now();
    await bot.cycle();
    const durationMs = systemClock.now() - t0;
    const b = hubspot.stats.snapshot();
    return { requests: b.total - a.total, durationMs, byEndpoint: endpointsBetween(a, b) };
  };
  const open = bot.open;
  const firstCycle = await timed();
  const until = systemClock.now() + input.duration;
  const traffic = input.traffic?.(input.duration);
  const cycles: BotCycle[] = [];
  let next = systemClock.now();
  while (systemClock.now() < until) {
    next += input.pollEvery;
    const wait = next - systemClock.now();
    if (wait > 0) await sleep(wait);
    cycles.push(await timed());
  }
  await traffic;
  const after = hubspot.stats.snapshot();
  const requests = cycles.map((c) => c.requests);
  const durations = cycles.map((c) => c.durationMs);
  return {
    open,
    firstCycle,
    cycles,
    requestsPerCycle: { mean: mean(requests), max: max(requests) },
    cycleMs: { mean: mean(durations), max: max(durations) },
    pollEveryMs: input.pollEvery,
    missesWindow: Math.max(firstCycle.durationMs, ...durations) > WINDOW,
    rateLimited: after.rateLimited.total - before.rateLimited.total,
    serverErrors: after.faults - before.faults,
    contacted: bot.contacted,
  };
}

function endpointsBetween(a: StatsSnapshot, b: StatsSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(b.byEndpoint)) {
    const n = v.count - (a.byEndpoint[k]?.count ?? 0);
    if (n > 0) out[k] = n;
  }
  return out;
}
