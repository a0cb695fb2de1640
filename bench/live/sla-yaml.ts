import type { Millis } from '../../src/domain/time.ts';
import { ADMIN, TEAMS } from './people.ts';

const seconds = (ms: Millis): string => `${Math.max(1, Math.round(ms / 1000))}s`;

/**
 * The SLA file the bench worker runs with: the shape of a real one (two lifecycle stages, office
 * hours every day so the business calendar is exercised at any time of day, reminders, a two-level
 * escalation, an attempts rule) and the HubSpot budget left at its defaults (half of the limit
 * HubSpot reports, search 3/s) so "no 429 with default settings" is what is measured. With
 * `'default'`, the poll interval is the product's default too (`auto`).
 */
export function benchSlaYaml(pollEvery: Millis | 'default'): string {
  const teams = TEAMS.map(
    (t) =>
      `  ${t.name}:\n    manager: ${t.manager}\n    members: [${t.members.join(', ')}]\n    channel: "#${t.channel}"`,
  ).join('\n');
  return `timezone: Europe/Amsterdam
calendars:
  office:
    hours: { mon-sun: "00:00-24:00" }
    holidays: [2026-12-25]
stages:
  mql: { label: MQL, lifecycle_stage: marketingqualifiedlead }
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [subscriber, lead, other]
teams:
${teams}
policies:
  - name: sql-follow-up
    stage: sql
    calendar: office
    first_contact: { within: 5m, remind: [2m], counts: [call, email, meeting] }
    attempts: { required: 6, within: 5d, at_most: 9 }
    escalate:
      - at: breach
        notify: [owner, manager]
      - after: 15m
        notify: [team_channel]
        repeat: { every: 30m, times: 3 }
  - name: mql-follow-up
    stage: mql
    calendar: office
    first_contact: { within: 30m, remind: [15m] }
    attempts: { required: 3, within: 2d, at_most: 6 }
    escalate:
      - at: breach
        notify: [owner, manager]
${pollEvery === 'default' ? '' : `poll:\n  every: ${seconds(pollEvery)}\n`}slack:
  admins: [${ADMIN}]
`;
}
