import { DAY, type Instant, MINUTE, type Millis } from '../../src/domain/time.ts';
import {
  type GeneratedContact,
  generateContacts,
  type HubSpotSandbox,
  type HubSpotTier,
  type SlackSandbox,
  startHubSpotSandbox,
  startSlackSandbox,
} from '../../src/sandbox/index.ts';
import { BATCH_BOT_TOKEN } from './batch-baseline.ts';
import { networkModel } from './network-model.ts';
import { ADMIN, MANAGERS, REPS, TEAMS } from './people.ts';

export const HUBSPOT_TOKEN = 'pat-bench-hubspot-token';
export const SLACK_TOKEN = 'xoxb-bench-slack-token';

export interface WorldOptions {
  /** Open SLA instances at the start (contacts already in a configured stage, with an owner). */
  readonly open: number;
  /** Contacts still in `lead`, to hand off during the run. */
  readonly spare: number;
  /** Usual per-request latency of both sandboxes (± a quarter of it as jitter). */
  readonly latencyMs: Millis;
  /** The old flat latency (no slow tail) and no HubSpot 5xx; default: the realistic model (network-model.ts). */
  readonly flatNetwork?: boolean;
  /** Seed of the sandboxes' latency and error draws. */
  readonly seed?: number;
  /** Search index lag of the HubSpot sandbox. */
  readonly indexLagMs: Millis;
  readonly now: Instant;
}

export interface World extends AsyncDisposable {
  readonly hubspot: HubSpotSandbox;
  readonly slack: SlackSandbox;
  /** Rep e-mail → HubSpot owner id. */
  readonly ownerIds: ReadonlyMap<string, string>;
  readonly open: readonly GeneratedContact[];
  /** Contacts not yet handed off, consumed by the traffic generator. */
  readonly spare: GeneratedContact[];
}

/**
 * The portal's tier: Starter, the smallest limits a portal can have (docs/platform-contract.md HR-1),
 * named here rather than left to the sandbox's default so the bench cannot drift to a kinder one.
 */
export const BENCH_TIER = 'starter' satisfies HubSpotTier;

/**
 * Both sandboxes with HubSpot's and Slack's limits on (Starter: 100 requests / 10 s per app and
 * 250,000 a day, search and associations batch reads outside the 10-second window but counted for
 * the day, HR-1 and HR-5; search 5/s; the real 429 bodies and rate-limit headers; about one Slack
 * message per second per channel), latency with a slow tail and a few HubSpot 5xx (network-model.ts),
 * seeded with the sales org, `open` contacts that entered MQL/SQL over the last 30 days, and `spare` leads.
 */
export async function startWorld(o: WorldOptions): Promise<World> {
  const network = networkModel(o.latencyMs, o.flatNetwork === true, o.seed);
  const hubspot = await startHubSpotSandbox({
    tokens: [HUBSPOT_TOKEN, BATCH_BOT_TOKEN],
    indexLagMs: o.indexLagMs,
    rateLimits: { tier: BENCH_TIER },
    latency: network.hubspotLatency,
    seed: network.hubspotSeed,
    ...(network.hubspotFaults ? { faults: network.hubspotFaults } : {}),
  });
  const slack = await startSlackSandbox({
    tokens: [SLACK_TOKEN],
    latency: network.slackLatency,
    seed: network.slackSeed,
  });
  const ownerIds = new Map<string, string>();
  for (const email of [...REPS, ...MANAGERS]) {
    const [first = email, last = ''] = email.split('@')[0]?.split('.') ?? [];
    const owner = hubspot.state.addOwner({ email, firstName: first, lastName: last });
    ownerIds.set(email, owner.id);
  }
  for (const email of [...REPS, ...MANAGERS, ADMIN]) slack.state.addUser({ email });
  for (const team of TEAMS) slack.state.addChannel({ name: team.channel });
  const repOwners = REPS.map((r) => ownerIds.get(r) ?? '');
  const open = generateContacts(hubspot.state, {
    count: o.open,
    seed: 11,
    ownerIds: repOwners,
    stages: [
      ['salesqualifiedlead', 2],
      ['marketingqualifiedlead', 1],
    ],
    createdBetween: [o.now - 30 * DAY, o.now - 20 * MINUTE],
  });
  const spare = generateContacts(hubspot.state, {
    count: o.spare,
    seed: 23,
    ownerIds: repOwners,
    stages: [['lead', 1]],
    createdBetween: [o.now - 60 * DAY, o.now - 31 * DAY],
  });
  const stop = async () => {
    await hubspot.stop();
    await slack.stop();
  };
  return { hubspot, slack, ownerIds, open, spare, [Symbol.asyncDispose]: stop };
}
