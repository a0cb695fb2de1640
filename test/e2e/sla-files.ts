/**
 * The SLA file of the end-to-end tests: the demo's shape with deadlines of seconds, so a whole
 * lifecycle (ping, reminder, breach, manager, channel ×3) takes about 16 s. Timings below are what
 * the tests check against.
 */
export const TIMES = {
  poll: 2_000,
  remind: 5_000,
  within: 8_000,
  manager: 2_000,
  channel: 4_000,
  every: 2_000,
  times: 2,
} as const;

export const E2E_SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
    channel: "#sales-benelux"
policies:
  - name: sql-e2e
    stage: sql
    calendar: 24x7
    first_contact: { within: 8s, remind: [5s] }
    escalate:
      - after: 2s
        notify: [manager]
      - after: 4s
        notify: [team_channel]
        repeat: { every: 2s, times: 2 }
poll: { every: 2s, overlap: 1m }
hubspot: { search_per_second: 4 }
slack: { admins: [ops@example.com] }
`;

/** When the last capped channel escalation is due, after the stage was entered. */
export const LAST_ESCALATION = TIMES.within + TIMES.channel + TIMES.times * TIMES.every;
