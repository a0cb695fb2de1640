import { closest, didYouMean } from './did-you-mean.ts';
import { at, type PathProblem, type YamlPath } from './problems.ts';
import { CALENDAR_24X7 } from './schema/calendar-schema.ts';
import { parseReassignTo } from './schema/reassign-schema.ts';
import { parseTarget } from './schema/target-schema.ts';

/**
 * Cross-reference checks, run on the raw YAML data so they report even when other parts of the file
 * are invalid: unknown stage/calendar/segment/user, duplicate names, a rep in two teams, and policies
 * that can never apply. Each looks only at the values it needs and skips what is malformed (the
 * schema reports those).
 */
export function checkReferences(raw: unknown): PathProblem[] {
  const file = record(raw) ?? {};
  const stages = Object.keys(record(file.stages) ?? {});
  const calendars = [...Object.keys(record(file.calendars) ?? {}), CALENDAR_24X7];
  const segments = Object.keys(record(file.segments) ?? {});
  const people = knownPeople(file);
  const teams = Object.keys(record(file.teams) ?? {});
  const problems: PathProblem[] = [];
  const report = (path: YamlPath, message: string, on?: 'key') =>
    problems.push(on ? { path, on, message: at(path, message) } : { path, message: at(path, message) });
  const expect = (path: YamlPath, value: unknown, known: readonly string[], what: string, on?: 'key') => {
    const name = text(value);
    if (name === null || known.includes(name)) return;
    const listed = known.length === 0 ? `no ${what}s are defined` : `${what}s: ${known.join(', ')}`;
    report(path, `unknown ${what} '${name}'${didYouMean(name, known)} (${listed})`, on);
  };
  const expectPerson = (path: YamlPath, value: unknown, on?: 'key') => {
    const email = lower(value);
    if (email === null || !email.includes('@') || people.includes(email)) return;
    const guess = closest(email, people, 2);
    const fix = guess === null ? 'add them to a team or to people' : `did you mean '${guess}'?`;
    report(path, `${email} is in no team and not under people; ${fix}`, on);
  };

  list(file.policies).forEach((policy, i) => {
    const p = record(policy) ?? {};
    expect(['policies', i, 'stage'], p.stage, stages, 'stage');
    expect(['policies', i, 'calendar'], p.calendar, calendars, 'calendar');
    expect(['policies', i, 'segment'], p.segment, segments, 'segment');
    list(p.escalate).forEach((level, j) => {
      list(record(level)?.notify).forEach((target, k) => {
        const parsed = typeof target === 'string' ? parseTarget(target) : null;
        if (parsed?.kind === 'user') expectPerson(['policies', i, 'escalate', j, 'notify', k], parsed.email);
      });
      const reassign = record(record(level)?.reassign);
      if (reassign === null) return;
      const path = ['policies', i, 'escalate', j, 'reassign'];
      const to = typeof reassign.to === 'string' ? parseReassignTo(reassign.to) : null;
      if (to?.kind === 'team') expect([...path, 'to'], to.team, teams, 'team');
      if (to?.kind === 'person') expectPerson([...path, 'to'], to.email);
      if (record(record(file.hubspot)?.write_back)?.enabled !== true)
        report(
          path,
          'reassigning writes hubspot_owner_id to HubSpot; turn on hubspot.write_back.enabled (and give the private app crm.objects.contacts.write)',
        );
    });
  });
  Object.entries(record(file.teams) ?? {}).forEach(([team, value]) => {
    expect(['teams', team, 'calendar'], record(value)?.calendar, calendars, 'calendar');
  });
  const slack = record(file.slack) ?? {};
  list(slack.out_of_office).forEach((entry, i) => {
    expectPerson(['slack', 'out_of_office', i, 'email'], record(entry)?.email);
  });
  for (const email of Object.keys(record(slack.user_overrides) ?? {})) {
    expectPerson(['slack', 'user_overrides', email], email, 'key');
  }
  for (const stage of Object.keys(record(record(file.reports)?.monthly_commitment) ?? {})) {
    expect(['reports', 'monthly_commitment', stage], stage, stages, 'stage', 'key');
  }
  return [...problems, ...duplicatePolicies(file), ...repsInTwoTeams(file), ...unreachablePolicies(file)];
}

function knownPeople(file: Record<string, unknown>): string[] {
  const teams = Object.values(record(file.teams) ?? {}).map((t) => record(t) ?? {});
  return [...teams.flatMap((t) => [t.manager, ...list(t.members)]), ...list(file.people)].flatMap(
    (e) => lower(e) ?? [],
  );
}

function duplicatePolicies(file: Record<string, unknown>): PathProblem[] {
  const first = new Map<string, number>();
  return list(file.policies).flatMap((policy, i) => {
    const name = text(record(policy)?.name);
    if (name === null) return [];
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, i);
    if (earlier === undefined) return [];
    const path = ['policies', i, 'name'];
    return [
      {
        path,
        message: at(
          path,
          `'${name}' is already the name of policies[${earlier}]; policy names must be unique`,
        ),
      },
    ];
  });
}

function repsInTwoTeams(file: Record<string, unknown>): PathProblem[] {
  const teamOf = new Map<string, string>();
  return Object.entries(record(file.teams) ?? {}).flatMap(([team, value]) =>
    list(record(value)?.members).flatMap((member, k) => {
      const email = lower(member);
      if (email === null) return [];
      const other = teamOf.get(email);
      if (other === undefined) teamOf.set(email, team);
      if (other === undefined || other === team) return [];
      const path = ['teams', team, 'members', k];
      return [
        {
          path,
          message: at(path, `${email} is already a member of team '${other}'; a rep belongs to one team`),
        },
      ];
    }),
  );
}

/** A policy below a segment-less policy for the same stage never applies: the first match wins. */
function unreachablePolicies(file: Record<string, unknown>): PathProblem[] {
  const catchAll = new Map<string, string>();
  return list(file.policies).flatMap((policy, i) => {
    const p = record(policy) ?? {};
    const stage = text(p.stage);
    if (stage === null) return [];
    const shadow = catchAll.get(stage);
    if (shadow === undefined && p.segment === undefined)
      catchAll.set(stage, text(p.name) ?? `policies[${i}]`);
    if (shadow === undefined) return [];
    const path = ['policies', i, 'stage'];
    const message = `this policy never applies: '${shadow}' above it has no segment and takes every ${stage} lead; move this policy above it, or give '${shadow}' a segment`;
    return [{ path, message: at(path, message) }];
  });
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const lower = (value: unknown): string | null =>
  typeof value === 'string' ? value.trim().toLowerCase() : null;
