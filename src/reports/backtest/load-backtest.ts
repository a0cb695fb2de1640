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
import type { Store } from '../../ports/store.ts';
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

/** A config as one side of the backtest: its policies, and its teams for the owners' e-mails. */
export function backtestSide(config: SlaConfig, owners: readonly PersonFacts[] | null): BacktestSide {
  const emails = new Map((owners ?? []).map((o) => [o.id, o.email]));
  return {
    policies: config.policies,
    teamOf: (ownerId) => (ownerId === null ? null : teamOfEmail(config.teams, emails.get(ownerId) ?? null)),
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
  owners: readonly PersonFacts[] | null,
  days: number,
  now: Instant,
): Promise<BacktestRun> {
  const since = now - days * DAY;
  const facts = await loadBacktestFacts(store, since, now);
  const result = runBacktest(facts, backtestSide(current, owners), backtestSide(proposed, owners), now);
  return { since, until: now, result };
}
