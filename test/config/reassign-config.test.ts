import { describe, expect, it } from 'vitest';
import { loadSlaConfigText } from '../../src/config/load-sla-config.ts';
import { formatProblem } from '../../src/config/problems.ts';

const FILE = `timezone: Europe/Amsterdam
stages:
  sql: { lifecycle_stage: salesqualifiedlead }
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com, eva@example.com]
    calendar: 24x7
people: [head@example.com]
policies:
  - name: sql-default
    stage: sql
    escalate:
      - at: breach
        notify: [manager]
        reassign: { to: round_robin }
      - after: 30m
        notify: [manager]
        reassign: { to: "team:benelux", max: 2 }
      - after: 1h
        notify: [head@example.com]
hubspot:
  write_back: { enabled: true }
`;

describe('reassign: on an escalation level (issue 18)', () => {
  it('resolves each level’s target and max, and says where each reassigning level is written', () => {
    const result = loadSlaConfigText(FILE, 'sla.yaml');
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const levels = result.config.policies[0]?.escalate ?? [];
    expect(levels.map((l) => l.reassign ?? null)).toEqual([
      { to: { kind: 'round_robin' }, max: 1 },
      { to: { kind: 'team', team: 'benelux' }, max: 2 },
      null,
    ]);
    expect(result.config.reassignments).toEqual([
      {
        policy: 'sql-default',
        path: 'policies[0].escalate[0].reassign',
        at: { file: 'sla.yaml', line: 16, col: 9 },
      },
      {
        policy: 'sql-default',
        path: 'policies[0].escalate[1].reassign',
        at: { file: 'sla.yaml', line: 19, col: 9 },
      },
    ]);
    expect(result.config.teams[0]?.calendar).toBe('24x7');
  });

  it('warns nothing at a reassign: line now that the worker acts on it', () => {
    const result = loadSlaConfigText(FILE, 'sla.yaml');
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.warnings.map(formatProblem)).toEqual([]);
  });

  it('is never the default: a level without it does not reassign', () => {
    const result = loadSlaConfigText(FILE.replace(/ {8}reassign:.*\n/g, ''), 'sla.yaml');
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.config.policies[0]?.escalate.every((l) => l.reassign === undefined)).toBe(true);
    expect(result.config.reassignments).toEqual([]);
  });

  it('a person target is an e-mail, lower-cased', () => {
    const result = loadSlaConfigText(
      FILE.replace('{ to: round_robin }', '{ to: Eva@Example.com }'),
      'sla.yaml',
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.config.policies[0]?.escalate[0]?.reassign?.to).toEqual({
      kind: 'person',
      email: 'eva@example.com',
    });
  });
});
