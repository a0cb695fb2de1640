import { describe, expect, it } from 'vitest';
import { loadSlaConfigText } from '../../src/config/load-sla-config.ts';
import { formatProblem } from '../../src/config/problems.ts';
import { DAY, HOUR } from '../../src/domain/time.ts';

const file = (poll: string) => `timezone: UTC
stages:
  sql: { lifecycle_stage: salesqualifiedlead }
policies:
  - { name: sql, stage: sql, calendar: 24x7, first_contact: { within: 5m } }
poll: ${poll}
`;

const load = (poll: string) => {
  const result = loadSlaConfigText(file(poll), 'sla.yaml');
  return result.ok ? result.config.poll.backfill : result.problems.map(formatProblem);
};

describe('poll.backfill: how far back a first install imports the open handoffs', () => {
  it.each([
    ['{}', 30 * DAY],
    ['{ backfill: 7d }', 7 * DAY],
    ['{ backfill: 12h }', 12 * HOUR],
    ['{ backfill: 0s }', 0],
  ])('%s', (poll, expected) => {
    expect(load(poll)).toBe(expected);
  });

  it.each([
    ['{ backfill: 30 }', 'sla.yaml:6:19: poll.backfill: 30 has no unit; write 30m, 30s or 30h'],
    [
      '{ backfill: forever }',
      "sla.yaml:6:19: poll.backfill: 'forever' is not a duration; write a number and a unit (30s, 5m, 2h, 3d, or 1h30m) or ISO 8601 (PT5M, P3D)",
    ],
    [
      '{ backfill: 400d }',
      "sla.yaml:6:19: poll.backfill: '400d' is longer than 366 days; SLA durations are minutes to days",
    ],
  ])('%s is refused with a message that says what to write', (poll, message) => {
    expect(load(poll)).toEqual([message]);
  });
});
