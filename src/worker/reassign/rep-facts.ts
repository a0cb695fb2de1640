import type { SlaConfig } from '../../config/types.ts';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.ts';
import type { RepFacts, RosterTeam } from '../../domain/reassign/choose-rep.ts';
import type { Owner } from '../../ports/crm-source.ts';

/** The SLA file's teams as the decision's roster (e-mails lower-case, in the file's order). */
export const rosterOf = (config: SlaConfig): RosterTeam[] =>
  config.teams.map((t) => ({
    name: t.name,
    manager: t.manager.toLowerCase(),
    members: t.members.map((m) => m.toLowerCase()),
  }));

/**
 * Everything the decision needs to know about a person, from HubSpot's owners (active or archived,
 * HB-16), the Slack ids sla-bot knows (`reachable`) and the calendars of the SLA file: their team's
 * `calendar:`, else the policy's.
 */
export function repFacts(
  config: SlaConfig,
  owners: readonly Owner[],
  reachable: ReadonlySet<string>,
  policyCalendar: BusinessCalendar,
): (email: string) => RepFacts | null {
  const byEmail = new Map<string, Owner>();
  // An active owner wins over an archived one with the same e-mail (a re-created user).
  for (const owner of owners) {
    const email = owner.email?.toLowerCase();
    if (email === undefined) continue;
    const seen = byEmail.get(email);
    if (seen === undefined || (!seen.active && owner.active)) byEmail.set(email, owner);
  }
  const calendarOf = (email: string): BusinessCalendar => {
    const team = config.teams.find((t) => t.members.some((m) => m.toLowerCase() === email));
    const name = team?.calendar;
    return (name === undefined ? undefined : config.calendars.get(name)) ?? policyCalendar;
  };
  return (email) => {
    const owner = byEmail.get(email) ?? null;
    if (owner === null) return null;
    return {
      ownerId: owner.id,
      deactivated: !owner.active,
      reachable: reachable.has(email),
      calendar: calendarOf(email),
    };
  };
}
