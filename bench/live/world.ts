import { DAY, type Instant, MINUTE, type Millis } from '../../src/domain/time.ts';
import {
  type GeneratedContact,
  generateContacts,
  type HubSpotSandbox,
  type SlackSandbox,
  startHubSpotSandbox,
  startSlackSandbox,
} from '../../src/sandbox/index.ts';
import { NAIVE_TOKEN } from './naive.ts';
import { ADMIN, MANAGERS, REPS, TEAMS } from './people.ts';

export const HUBSPOT_TOKEN = 'pat-bench-hubspot-token';
export const SLACK_TOKEN = 'xoxb-bench-slack-token';

export interface WorldOptions {
  /** Open SLA instances at the start (contacts already in a configured stage, with an owner). */
  readonly open: number;
  /** Contacts still in `lead`, to hand off during the run. */
  readonly spare: number;
  /** Mean per-request latency of both sandboxes (± a quarter of it as jitter). */
  readonly latencyMs: Millis;
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
 * Both sandboxes with HubSpot's and Slack's limits on (the sandbox's default tier, Starter: 100
 * requests / 10 s per app and 250,000 a day; search 5/s; the real 429 bodies and rate-limit headers;
 * about one Slack message per second per channel) and latency on, seeded with the
 * sales org, `open` contacts that entered MQL/SQL over the last 30 days, and `spare` leads.
 */
export async function startWorld(o: WorldOptions): Promise<World> {
  const latency = { meanMs: o.latencyMs, jitterMs: Math.round(o.latencyMs / 4) };
  const hubspot = await startHubSpotSandbox({
    tokens: [HUBSPOT_TOKEN, NAIVE_TOKEN],
    indexLagMs: o.indexLagMs,
    latency,
  });
  const slack = await startSlackSandbox({ tokens: [SLACK_TOKEN], latency });
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
