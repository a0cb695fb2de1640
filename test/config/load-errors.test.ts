import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSlaConfigFile } from '../../src/config/load-sla-config.ts';
import { formatProblem } from '../../src/config/problems.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/config/errors/', import.meta.url));

/**
 * Every mistake an admin can make, one fixture file per kind, with the exact `LINE:COL: message` of
 * each problem the loader must report (in this order: sorted by position).
 */
const EXPECTED: Record<string, readonly string[]> = {
  'alias-bomb.yaml': [
    '1:1: YAML aliases (*name) expand to too much data; use fewer, or write the values out',
  ],
  'not-a-map.yaml': ['1:1: the file is not a map of keys; start from config/sla.yaml, which lists every key'],
  'after-resolution.yaml': [
    '19:21: policies[1].first_contact.remind[1]: 1h is not before the deadline (1h); remind earlier',
    '19:25: policies[1].first_contact.remind[2]: 1d (8h of business time) is not before the deadline (1h); remind earlier',
    "22:58: slack.out_of_office[0].until: 2026-08-01 is before 2026-08-14; 'until' is the last day away",
  ],
  'bad-duration.yaml': [
    "8:15: policies[0].first_contact.within: '5 minutes' is not a duration; write a number and a unit (30s, 5m, 2h, 3d, or 1h30m) or ISO 8601 (PT5M, P3D)",
    '9:16: policies[0].first_contact.remind[0]: 3 has no unit; write 3m, 3s or 3h',
    "11:15: policies[0].attempts.within: 'P1M' uses years, months or weeks, which vary in length; write days instead (P30D, 30d)",
    "14:16: policies[0].escalate[0].after: '-5m' is not a duration; write a number and a unit (30s, 5m, 2h, 3d, or 1h30m) or ISO 8601 (PT5M, P3D)",
    '18:26: policies[0].escalate[1].repeat.every: must be longer than 0s',
    "20:10: poll.every: '500ms' is not a duration; write a number and a unit (30s, 5m, 2h, 3d, or 1h30m) or ISO 8601 (PT5M, P3D), or auto",
    "21:12: poll.overlap: 'PT' is not an ISO 8601 duration; write a number and a unit (30s, 5m, 2h, 3d, or 1h30m) or ISO 8601 (PT5M, P3D)",
  ],
  'bad-time-range.yaml': [
    '5:16: calendars.office.hours.mon-fri: \'9-5\' is not a time range; write HH:MM-HH:MM, e.g. "09:00-17:30"; several ranges a day: "08:30-12:00, 13:00-17:30"',
    "6:12: calendars.office.hours.sat: '25:00' is not a time of day; use 00:00 to 23:59 (24:00 only as a closing time)",
    "7:12: calendars.office.hours.sun: '10:00-10:00' is empty: it opens and closes at the same time; for all day write 00:00-24:00",
    '8:7: calendars.office.hours.holiday: \'holiday\' is not a day or range of days; use mon \u2026 sun, a range like mon-fri, a list like "sat, sun", weekdays, weekend or daily',
    "9:16: calendars.office.holidays[0]: '2026-02-30' is not a holiday; write a date YYYY-MM-DD or an inclusive range 2026-12-24..2026-12-31 (at most a year)",
    "9:28: calendars.office.holidays[1]: '2026-12-24..2026-12-20' is not a holiday; write a date YYYY-MM-DD or an inclusive range 2026-12-24..2026-12-31 (at most a year)",
    '11:12: calendars.empty.hours: no opening hours; add a day and ranges (mon-fri: "09:00-17:00"), or use the built-in 24x7 calendar',
  ],
  'conditions.yaml': [
    '5:10: segments.empty: empty condition; write { property: <name>, equals: <value> }, { property: <name>, in: [..] }, { property: <name>, not_in: [..] }, { all: [..] } or { any: [..] }',
    "6:14: segments.no-test.property: 'property' needs one test: equals, in or not_in",
    "7:47: segments.two-tests.in: one test per condition, but both 'equals' and 'in' are given; combine conditions with all: [..]",
    "8:16: segments.no-property: 'in' needs 'property: <name>'; write { property: <name>, equals: <value> }, { property: <name>, in: [..] }, { property: <name>, not_in: [..] }, { all: [..] } or { any: [..] }",
    "9:54: segments.mixed.property: 'all' stands alone; move 'property' into a condition inside it (write { property: <name>, equals: <value> }, { property: <name>, in: [..] }, { property: <name>, not_in: [..] }, { all: [..] } or { any: [..] })",
    '10:40: segments.empty-list.in: is empty; list at least one',
    "13:30: segments.nested.any[0].equal: unknown key; did you mean 'equals'?",
    "17:43: policies[0].segment.not_in: expected a list, got 'NL'",
  ],
  'dangling-reference.yaml': [
    "16:12: policies[0].stage: unknown stage 'sqll'; did you mean 'sql'? (stages: mql, sql)",
    "17:14: policies[0].segment: unknown segment 'enterprize'; did you mean 'enterprise'? (segments: enterprise)",
    "18:15: policies[0].calendar: unknown calendar 'ofice'; did you mean 'office'? (calendars: office, 24x7)",
    "21:27: policies[0].escalate[0].notify[1]: bran@example.com is in no team and not under people; did you mean 'bram@example.com'?",
    "24:15: policies[1].calendar: unknown calendar '24-7'; did you mean '24x7'? (calendars: office, 24x7)",
    '27:5: slack.user_overrides.chris@example.com: chris@example.com is in no team and not under people; add them to a team or to people',
    '30:16: slack.out_of_office[1].email: eva@example.com is in no team and not under people; add them to a team or to people',
    "32:36: reports.monthly_commitment.sal: unknown stage 'sal'; did you mean 'sql'? (stages: mql, sql)",
  ],
  'duplicate-keys.yaml': [
    "9:7: duplicate key 'within' (first at line 8); each key may appear once in a map, remove one or merge them",
    "12:1: duplicate key 'timezone' (first at line 1); each key may appear once in a map, remove one or merge them",
  ],
  'empty-policy-list.yaml': ['4:11: policies: is empty; list at least one'],
  'empty.yaml': ['1:1: the file is empty; start from config/sla.yaml, which lists every key'],
  'many-at-once.yaml': [
    "5:43: calendars.office.hours.fri: fri 16:00-18:00 overlaps fri 09:00-17:00 (from 'mon-fri'); opening hours must not overlap, merge or shorten the ranges",
    "8:3: duplicate key 'sql' (first at line 7); each key may appear once in a map, remove one or merge them",
    "12:15: policies[0].calendar: unknown calendar 'offfice'; did you mean 'office'? (calendars: office, 24x7)",
    "14:15: policies[0].first_contact.within: 'soon' is not a duration; write a number and a unit (30s, 5m, 2h, 3d, or 1h30m) or ISO 8601 (PT5M, P3D)",
    "15:5: policies[0].attemps: unknown key; did you mean 'attempts'?",
  ],
  'missing-keys.yaml': [
    '1:1: timezone: is required; add it (Default IANA zone for calendars, dates and the digest, e.g. Europe/Amsterdam)',
    '2:3: calendars.office.hours: is required; add it (Opening hours per day)',
    '4:9: stages: no stages; add at least one, e.g. sql: { lifecycle_stage: salesqualifiedlead }',
    '6:5: policies[0].name: is required; add it (Unique name, shown in Slack and reports)',
    "6:12: policies[0].stage: unknown stage 'sql' (no stages are defined)",
    '8:9: policies[0].escalate[0].notify: is required; add it (Who gets this escalation)',
  ],
  'overlapping-hours.yaml': [
    '5:16: calendars.office.hours.mon-fri: mon 11:30-17:30 overlaps mon 08:30-12:00; opening hours must not overlap, merge or shorten the ranges',
    "9:12: calendars.evenings.hours.wed: wed 21:00-23:00 overlaps wed 18:00-22:00 (from 'mon-fri'); opening hours must not overlap, merge or shorten the ranges",
    "13:12: calendars.late.hours.sat: sat 01:00-05:00 overlaps fri 22:00-02:00+1 (from 'fri'); opening hours must not overlap, merge or shorten the ranges",
    "17:12: calendars.weekend-wrap.hours.mon: mon 00:30-08:00 overlaps sun 23:00-01:00+1 (from 'sun'); opening hours must not overlap, merge or shorten the ranges",
  ],
  'policies.yaml': [
    "15:22: policies[0].first_contact.counts[1]: 'sms' is not allowed; use one of: call, email, meeting",
    '18:16: policies[0].attempts.at_most: is 4, below required (6); raise at_most or lower required',
    "19:18: policies[0].clock_start: 'assigned' is not allowed; use one of: entered, owner_assigned",
    "21:12: policies[1].stage: this policy never applies: 'sql-default' above it has no segment and takes every sql lead; move this policy above it, or give 'sql-default' a segment",
    "23:11: policies[2].name: 'sql-default' is already the name of policies[0]; policy names must be unique",
    "28:18: policies[2].escalate[0].notify[0]: 'managr' is not a target; did you mean 'manager'?; use owner, manager, team_channel, an e-mail address, or a Slack channel in quotes (\"#sales-leads\") or by id",
    '28:26: policies[2].escalate[0].notify[1]: \'#Sales Team\' is not a target; use owner, manager, team_channel, an e-mail address, or a Slack channel in quotes ("#sales-leads") or by id',
    '28:41: policies[2].escalate[0].notify[2]: \'sales\' is not a target; use owner, manager, team_channel, an e-mail address, or a Slack channel in quotes ("#sales-leads") or by id',
    '30:17: policies[2].escalate[1].notify: is empty; list at least one',
    '33:38: policies[2].escalate[2].repeat.times: is 0, must be at least 1',
  ],
  'reassign.yaml': [
    "8:15: teams.benelux.calendar: unknown calendar 'ofice' (calendars: 24x7)",
    '15:19: policies[0].escalate[0].reassign: reassigning writes hubspot_owner_id to HubSpot; turn on hubspot.write_back.enabled (and give the private app crm.objects.contacts.write)',
    "15:25: policies[0].escalate[0].reassign.to: 'round_robn' is not a reassignment target; did you mean 'round_robin'?; use round_robin (the next rep of the owner's team), team:<name> (the next rep of that team) or a rep's e-mail address",
    '18:19: policies[0].escalate[1].reassign: reassigning writes hubspot_owner_id to HubSpot; turn on hubspot.write_back.enabled (and give the private app crm.objects.contacts.write)',
    "18:25: policies[0].escalate[1].reassign.to: unknown team 'benelx'; did you mean 'benelux'? (teams: benelux)",
    '18:43: policies[0].escalate[1].reassign.max: is 4, must be at most 3',
    '21:19: policies[0].escalate[2].reassign: reassigning writes hubspot_owner_id to HubSpot; turn on hubspot.write_back.enabled (and give the private app crm.objects.contacts.write)',
    "21:25: policies[0].escalate[2].reassign.to: eve@example.com is in no team and not under people; did you mean 'eva@example.com'?",
  ],
  'settings.yaml': [
    '9:17: hubspot.app_base_url: expected an absolute URL such as https://app.hubspot.com',
    '10:29: hubspot.requests_per_ten_seconds: is 250, must be at most 190',
    '11:22: hubspot.search_per_second: is 0, must be at least 1',
    "12:26: hubspot.write_back.enabled: expected true or false, got 'yes'",
    "15:22: slack.user_overrides.eva@example.com: 'eva' is not a Slack user id (U0123ABCDE)",
    "18:39: slack.out_of_office[1].from: 'next monday' is not a date; write YYYY-MM-DD or an ISO date-time like 2026-08-01T09:00",
    '19:22: slack.not_a_fit_reasons: is empty; list at least one',
    '21:30: reports.monthly_commitment.sql: is -5, must be at least 0',
    '22:19: reports.digest.cron: \'0 25 * * MON\' is not a cron expression (25 is a invalid expression for hour); e.g. "0 9 * * MON" for Mondays 09:00',
    '23:18: reports.dashboard_url: expected an absolute URL',
  ],
  'stage-sources.yaml': [
    '3:8: stages.mql: no source; give exactly one of: lifecycle_stage: <value or numeric id>, property: <name> with equals: <value>, or lead_pipeline: { pipeline: <id>, stage: <id> }',
    "6:5: stages.sal.property: a stage has one source, and 'lifecycle_stage' is already given; remove one (give exactly one of: lifecycle_stage: <value or numeric id>, property: <name> with equals: <value>, or lead_pipeline: { pipeline: <id>, stage: <id> })",
    "8:10: stages.sql.property: 'property' needs 'equals: <value>'",
    "9:3: stages.SQL-2: 'SQL-2' is not a valid stage key; use lower-case letters, digits and '_', starting with a letter (mql, sal, sql)",
    '10:11: stages.demo.lead_pipeline.stage: is required; add it (Stage id in that pipeline, e.g. qualified-stage-id)',
  ],
  // Required keys whose schema has its own message for a wrong value ("… is not an e-mail address").
  'missing-email.yaml': [
    '5:3: teams.benelux.manager: is required; add it (The manager: receives escalations for the team. E-mail as in HubSpot and Slack)',
    '13:7: slack.out_of_office[0].email: is required; add it (The rep who is away)',
  ],
  // The comment after the channel stays out of the suggested quotes.
  'commented-channel.yaml': [
    '7:5: teams.benelux.channel: is empty; give a value (\'#sales-benelux\' was read as a YAML comment; put the value in quotes: "#sales-benelux")',
  ],
  'teams.yaml': [
    "6:14: teams.benelux.manager: 'anna(at)example.com' is not an e-mail address",
    '8:5: teams.benelux.channel: is empty; give a value (\'#sales-benelux\' was read as a YAML comment; put the value in quotes: "#sales-benelux")',
    "11:15: teams.dach.members[0]: chris@example.com is already a member of team 'benelux'; a rep belongs to one team",
    '12:14: teams.dach.channel: \'sales-dach\' is not a Slack channel; write "#channel-name" in quotes (an unquoted # starts a YAML comment) or a channel id like C0123ABCDE',
  ],
  'unknown-key.yaml': [
    "3:47: stages.sql.lable: unknown key; did you mean 'label'?",
    "4:1: polcies: unknown key; did you mean 'policies'?",
    "9:7: policies[0].first_contact.withn: unknown key; did you mean 'within'?",
    '12:7: policies[0].attempts.calls: unknown key; allowed here: required, within, at_most, min_gap, counts, call_outcomes, outbound_only, owner_only, include_before_handoff',
    "15:9: policies[0].escalate[0].notfy: unknown key; did you mean 'notify'?",
    '16:9: policies[0].escalate[0].zzz_custom: unknown key; allowed here: at, after, notify, repeat, reassign',
  ],
  'unknown-zone.yaml': [
    "1:11: timezone: 'Europe/Amsterdm' is not an IANA time zone; use a name like Europe/Amsterdam or America/New_York; did you mean 'Europe/Amsterdam'?",
    "4:15: calendars.london.timezone: 'GMT+1' is not an IANA time zone; use a name like Europe/Amsterdam or America/New_York",
    "14:15: reports.digest.timezone: 'Mars/Olympus' is not an IANA time zone; use a name like Europe/Amsterdam or America/New_York",
  ],
  'wrong-type.yaml': [
    "7:14: teams.benelux.members: expected a list, got 'bram@example.com'",
    "11:30: policies[0].restart_on_owner_change: expected true or false, got 'sometimes'",
    "13:15: policies[0].first_contact.counts: expected a list, got 'call'",
    "15:17: policies[0].attempts.required: expected a number, got 'six'",
    '16:16: policies[0].attempts.at_most: expected a whole number, got 9.5',
    '18:7: policies[0].escalate: expected a list, got a map',
    "19:7: poll: expected a map (key: value lines), got '30s'",
  ],
  'yaml-indentation.yaml': [
    '5:1: YAML syntax error: All mapping items must start at the same column; check the indentation: the keys of one map, and the items of one list, start in the same column',
  ],
  // The parser says where the file ends; the mistake is where the "{" opens.
  'yaml-syntax.yaml': ['3:8: YAML syntax error: this "{" is never closed; end the map with "}"'],
  'yaml-unclosed-list.yaml': ['7:9: YAML syntax error: this "[" is never closed; end the list with "]"'],
  // One tab: the parser reports it and five consequences (one a line above); only the tab is shown.
  'yaml-tab.yaml': [
    '8:1: YAML syntax error: Tabs are not allowed as indentation; indent with spaces, not tabs',
  ],
};

describe('loading an SLA file with mistakes', () => {
  it.each(Object.entries(EXPECTED))(
    '%s reports each problem at its line and column',
    async (fixture, expected) => {
      const result = await loadSlaConfigFile(fixture, { cwd: FIXTURES });
      expect(result.ok).toBe(false);
      const lines = result.ok ? [] : result.problems.map(formatProblem);
      expect(lines).toEqual(expected.map((line) => `${fixture}:${line}`));
    },
  );

  it('every fixture file in the errors folder is checked here', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('a file that does not exist is one problem naming the file and SLA_CONFIG', async () => {
    const result = await loadSlaConfigFile('missing.yaml', { cwd: FIXTURES });
    expect(result).toEqual({
      ok: false,
      problems: [
        { file: 'missing.yaml', line: 1, col: 1, message: 'no such file; check the path, or set SLA_CONFIG' },
      ],
      warnings: [],
    });
  });
});
