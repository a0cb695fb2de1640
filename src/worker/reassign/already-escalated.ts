import type { SlaConfig } from '../../config/types.ts';
import { UNASSIGNED } from '../../domain/message-truth.ts';
import type { Target } from '../../domain/policy.ts';
import type { Instant } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { OutboxEntry } from '../../ports/store.ts';
import { asNotification } from '../shared/payload.ts';
import { ownerById, teamOf } from '../shared/teams.ts';

/**
 * The person (lower-case e-mail) `target` reaches about a lead of `owner`, as the notifier resolves
 * it (the owner; the manager of the owner's team; a named person); `null` for channels and nobody.
 */
export function personOf(config: SlaConfig, target: Target, owner: Owner | null): string | null {
  switch (target.kind) {
    case 'owner':
      return owner?.email?.toLowerCase() ?? null;
    case 'manager':
      return teamOf(config, owner)?.manager.toLowerCase() ?? null;
    case 'user':
      return target.email.toLowerCase();
    case 'team_channel':
    case 'channel':
      return null;
  }
}

/**
 * The people who have an escalation of `deadline` in Slack (issue 18), from the instance's outbox rows:
 * sent to their intended recipient (not to a fallback) and with a message that can be updated in
 * place. A reassignment for that deadline is told to them in that message (`withTakenBy`), not in a
 * second one. An `owner` or `manager` target reached the owner the row was about when sent
 * (`aboutOwner`; `ownerWhenUnrecorded` for rows that did not record it).
 */
export function escalatedPeople(
  rows: readonly OutboxEntry[],
  deadline: Instant,
  config: SlaConfig,
  owners: readonly Owner[],
  ownerWhenUnrecorded: string | null,
): Set<string> {
  const people = new Set<string>();
  for (const row of rows) {
    if (row.kind !== 'escalation' || row.state !== 'sent' || row.ref === null || row.fallback !== null)
      continue;
    const reason = asNotification(row.payload)?.reason;
    if (reason?.kind !== 'escalation' || reason.deadline !== deadline || row.target === null) continue;
    const about = row.aboutOwner ?? ownerWhenUnrecorded;
    const owner = about === UNASSIGNED ? null : ownerById(owners, about);
    const person = personOf(config, row.target, owner);
    if (person !== null) people.add(person);
  }
  return people;
}
