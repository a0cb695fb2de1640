import { describe, expect, it } from 'vitest';
import { loadSlaConfigText } from '../../src/config/load-sla-config.ts';
import { formatProblem } from '../../src/config/problems.ts';

const file = (hubspot: string) => `timezone: UTC
stages:
  sql: { lifecycle_stage: salesqualifiedlead }
policies:
  - { name: sql, stage: sql, calendar: 24x7, first_contact: { within: 5m } }
hubspot: ${hubspot}
`;

const load = (hubspot: string) => {
  const result = loadSlaConfigText(file(hubspot), 'sla.yaml');
  return result.ok ? result.config.hubspot : result.problems.map(formatProblem);
};

describe('hubspot.budget_share and hubspot.requests_per_ten_seconds', () => {
  it.each([
    ['{}', { budgetShare: 0.5, requestsPerTenSeconds: null }],
    ['{ budget_share: 0.25 }', { budgetShare: 0.25, requestsPerTenSeconds: null }],
    ['{ budget_share: 1, requests_per_ten_seconds: 60 }', { budgetShare: 1, requestsPerTenSeconds: 60 }],
  ])('%s', (hubspot, expected) => {
    expect(load(hubspot)).toMatchObject(expected);
  });

  const range =
    "must be more than 0 and at most 1 (the share of the portal's HubSpot limit sla-bot may use; 0.5 = half)";
  it.each([
    ['{ budget_share: 0 }', `sla.yaml:6:26: hubspot.budget_share: is 0, ${range}`],
    ['{ budget_share: 1.5 }', `sla.yaml:6:26: hubspot.budget_share: is 1.5, ${range}`],
    ['{ budget_share: -0.5 }', `sla.yaml:6:26: hubspot.budget_share: is -0.5, ${range}`],
    [
      '{ budget_share: half }',
      "sla.yaml:6:26: hubspot.budget_share: expected a number between 0 and 1, got 'half'",
    ],
    [
      '{ requests_per_ten_seconds: 0 }',
      'sla.yaml:6:38: hubspot.requests_per_ten_seconds: is 0, must be at least 1',
    ],
  ])('%s is refused with a message that says what to write', (hubspot, message) => {
    expect(load(hubspot)).toEqual([message]);
  });
});
