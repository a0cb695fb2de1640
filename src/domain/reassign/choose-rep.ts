import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import type { ReassignTo } from '../policy.ts';
import type { Instant } from '../time.ts';

/** A rep of the SLA file's roster as the decision sees them (e-mails lower-case). */
export interface RosterTeam {
  readonly name: string;
  readonly manager: string;
  /** In the file's order: the round-robin order. */
  readonly members: readonly string[];
}

/** What is known about one person, gathered by the shell (HubSpot owners, Slack, the SLA file). */
export interface RepFacts {
  /** Their HubSpot owner id; `null`: no HubSpot owner has this e-mail. */
  readonly ownerId: string | null;
  /** Deactivated (archived) in HubSpot. */
  readonly deactivated: boolean;
  /** sla-bot knows their Slack user id (they can be told). */
  readonly reachable: boolean;
  /** Their working hours (their team's calendar, else the policy's). */
  readonly calendar: BusinessCalendar;
}

export interface ReassignInput {
  readonly to: ReassignTo;
  readonly now: Instant;
  /** The current owner's e-mail (lower-case), `null` when unknown or unowned. */
  readonly ownerEmail: string | null;
  readonly teams: readonly RosterTeam[];
  /** Out-of-office periods of the SLA file (`until` exclusive). */
  readonly outOfOffice: readonly {
    readonly email: string;
    readonly from: Instant;
    readonly until: Instant;
  }[];
  /** Owner ids that owned this instance before (the current owner included). */
  readonly previousOwnerIds: readonly string[];
  /** The e-mail last given a lead by round-robin in each team (the persisted position). */
  readonly positions: ReadonlyMap<string, string>;
  readonly facts: (email: string) => RepFacts | null;
}

/** Why a rep was passed over; every skipped rep is listed, in the order they were looked at. */
export type SkipReason =
  | 'current_owner'
  | 'previous_owner'
  | 'out_of_office'
  | 'deactivated'
  | 'not_in_hubspot'
  | 'unreachable_in_slack'
  | 'off_calendar';

export interface Skipped {
  readonly email: string;
  readonly why: SkipReason;
}

export type ReassignDecision =
  | {
      readonly kind: 'chosen';
      readonly email: string;
      readonly ownerId: string;
      /** The round-robin team whose position moves to `email` once the lead is assigned; `null` for a person. */
      readonly team: string | null;
      readonly skipped: readonly Skipped[];
    }
  | {
      readonly kind: 'nobody';
      /** `no_team`: the owner is in no team; `unknown_team`: `team:<name>` names none; `nobody_eligible`: all skipped. */
      readonly why: 'no_team' | 'unknown_team' | 'nobody_eligible';
      readonly team: string | null;
      readonly skipped: readonly Skipped[];
    };

/**
 * Who gets a breached lead (issue 18). Pure: the roster, the facts about each rep and the persisted
 * round-robin position in, a rep or "nobody eligible" with every skipped rep and why out.
 *
 * Round-robin starts after the rep last given a lead in that team (the roster's first when none or when
 * that rep left the roster) and walks the roster once, in the file's order. A rep is skipped while out
 * of office, deactivated in HubSpot, without a HubSpot owner, unknown in Slack, outside their working
 * hours, or when they own or owned the lead. Skipped reps are owed nothing: the position only records
 * who was last given a lead, so a rep back from leave simply takes their turn when it comes.
 */
export function chooseRep(input: ReassignInput): ReassignDecision {
  const team = teamOf(input);
  if (team === 'no_team' || team === 'unknown_team')
    return { kind: 'nobody', why: team, team: null, skipped: [] };
  const candidates = team === null ? [personOf(input)] : rotation(team, input.positions.get(team.name));
  const skipped: Skipped[] = [];
  for (const email of candidates) {
    const facts = input.facts(email);
    const why = skipReason(email, facts, input);
    if (why === null && facts?.ownerId != null)
      return { kind: 'chosen', email, ownerId: facts.ownerId, team: team?.name ?? null, skipped };
    skipped.push({ email, why: why ?? 'not_in_hubspot' });
  }
  return { kind: 'nobody', why: 'nobody_eligible', team: team?.name ?? null, skipped };
}

function teamOf(input: ReassignInput): RosterTeam | null | 'no_team' | 'unknown_team' {
  const to = input.to;
  if (to.kind === 'person') return null;
  if (to.kind === 'team') return input.teams.find((t) => t.name === to.team) ?? 'unknown_team';
  const owner = input.ownerEmail;
  return (owner !== null && input.teams.find((t) => t.members.includes(owner))) || 'no_team';
}

const personOf = (input: ReassignInput): string => (input.to.kind === 'person' ? input.to.email : '');

/** The roster once round, starting after `last` (from the top when `last` is not on it). */
function rotation(team: RosterTeam, last: string | undefined): readonly string[] {
  const members = team.members;
  const at = last === undefined ? -1 : members.indexOf(last);
  return [...members.slice(at + 1), ...members.slice(0, at + 1)];
}

function skipReason(email: string, facts: RepFacts | null, input: ReassignInput): SkipReason | null {
  if (email === input.ownerEmail) return 'current_owner';
  if (facts?.ownerId != null && input.previousOwnerIds.includes(facts.ownerId)) return 'previous_owner';
  if (input.outOfOffice.some((o) => o.email === email && o.from <= input.now && input.now < o.until))
    return 'out_of_office';
  if (facts === null || facts.ownerId === null) return 'not_in_hubspot';
  if (facts.deactivated) return 'deactivated';
  if (!facts.reachable) return 'unreachable_in_slack';
  if (!facts.calendar.isOpen(input.now)) return 'off_calendar';
  return null;
}
