import type { SlaConfig } from '../../config/types.ts';
import {
  type Backtest,
  type BacktestFacts,
  type BacktestSide,
  type PersonFacts,
  runBacktest,
} from '../../domain/reports/index.ts';
import { teamOfEmail } from '../../domain/reports/people.ts';
import { DAY, type Instant } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import { repFacts, rosterOf } from '../../worker/reassign/rep-facts.ts';
import { messageFacts } from '../load-facts.ts';

export type BacktestStore = Pick<
  Store,
  | 'instancesBetween'
  | 'touchesOf'
  | 'acknowledgements'
  | 'silencesBetween'
  | 'outages'
  | 'outboxSummariesBetween'
>;

/** The stored handoffs of the last `days` days and everything that bears on their verdicts. */
export async function loadBacktestFacts(
  store: BacktestStore,
  since: Instant,
  now: Instant,
): Promise<BacktestFacts> {
  const end = now + 1;
  const [instances, silences, outages, messages] = await Promise.all([
    store.instancesBetween(since, end),
    store.silencesBetween(since, end),
    store.outages(since - DAY, end),
    store.outboxSummariesBetween(since, end + DAY),
  ]);
  const contacts = [...new Set(instances.map((s) => s.instance.lead.contactId))];
  const ids = instances.map((s) => s.instance.id);
  const [touches, acknowledgements] = await Promise.all([
    contacts.length === 0 ? [] : store.touchesOf(contacts),
    ids.length === 0 ? [] : store.acknowledgements(ids),
  ]);
  return { instances, touches, acknowledgements, silences, outages, messages: messages.map(messageFacts) };
}

/** An owner as the backtest knows it: stored owners say whether they are active; others count as active. */
export type BacktestOwner = PersonFacts & { readonly active?: boolean };

/**
 * A config as one side of the backtest: its policies, its teams for the owners' e-mails, and who a
 * lead could be reassigned to. The store does not keep who sla-bot could reach in Slack back then, so
 * every rep with a HubSpot owner counts as reachable; deactivated is as HubSpot says today.
 */
export function backtestSide(config: SlaConfig, owners: readonly BacktestOwner[] | null): BacktestSide {
  const emails = new Map((owners ?? []).map((o) => [o.id, o.email]));
  const asOwners: Owner[] = (owners ?? []).map((o) => ({ ...o, userId: null, active: o.active ?? true }));
  const reachable = new Set(asOwners.flatMap((o) => (o.email === null ? [] : [o.email.toLowerCase()])));
  return {
    policies: config.policies,
    teamOf: (ownerId) => (ownerId === null ? null : teamOfEmail(config.teams, emails.get(ownerId) ?? null)),
    reassign: {
      teams: rosterOf(config),
      outOfOffice: config.slack.outOfOffice.map((o) => ({ ...o, email: o.email.toLowerCase() })),
      emailOf: (ownerId) => (ownerId === null ? null : (emails.get(ownerId)?.toLowerCase() ?? null)),
      facts: (policy) => repFacts(config, asOwners, reachable, policy.calendar),
    },
  };
}

export interface BacktestRun {
  readonly since: Instant;
  readonly until: Instant;
  readonly result: Backtest;
}

/** Replays the last `days` days under both files, next to what the outbox says happened. */
export async function backtest(
  store: BacktestStore,
  current: SlaConfig,
  proposed: SlaConfig,
  owners: readonly BacktestOwner[] | null,
  days: number,
  now: Instant,
): Promise<BacktestRun> {
  const since = now - days * DAY;
  const facts = await loadBacktestFacts(store, since, now);
  const result = runBacktest(facts, backtestSide(current, owners), backtestSide(proposed, owners), now);
  return { since, until: now, result };
}
