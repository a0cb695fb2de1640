import { describe, expect, it } from 'vitest';
import type { SlaInstance } from '../../../../src/domain/model.ts';
import {
  type BacktestSide,
  type MessageFacts,
  replay,
  runBacktest,
} from '../../../../src/domain/reports/index.ts';
import { MINUTE, SECOND } from '../../../../src/domain/time.ts';
import { call, handoff, testPolicy } from '../../../fakes/sla-fixtures.ts';

const T0 = Date.UTC(2026, 2, 2, 9);
const NOW = T0 + 24 * 60 * MINUTE;

const instance = (id: string, stage: string, ownerId: string): SlaInstance => {
  const h = handoff(id, T0, ownerId);
  return {
    id,
    lead: h.lead,
    stage,
    policyName: `${stage}-follow-up`,
    enteredAt: T0,
    ownerId,
    ownerAssignedAt: T0,
    firstSeenAt: T0 + 20 * SECOND,
    closedAt: null,
    closeReason: null,
  };
};

const sql = (within: number) =>
  testPolicy({ name: 'sql-follow-up', stage: 'sql', firstContact: { ...testPolicy().firstContact, within } });
const mql = testPolicy({ name: 'mql-follow-up', stage: 'mql' });
const teams: Record<string, string> = { o1: 'benelux', o2: 'dach' };
const side = (policies: BacktestSide['policies']): BacktestSide => ({
  policies,
  teamOf: (ownerId) => (ownerId === null ? null : (teams[ownerId] ?? null)),
});
const current = side([sql(5 * MINUTE), mql]);
const proposed = side([sql(10 * MINUTE)]);

// X: contacted after 7 minutes. Y: after 1 minute. Z: never. W: an MQL the proposed file does not cover.
const X = instance('X', 'sql', 'o1');
const Y = instance('Y', 'sql', 'o1');
const Z = instance('Z', 'sql', 'o1');
const W = instance('W', 'mql', 'o2');
const touches = [call('x1', X.lead.contactId, T0 + 7 * MINUTE), call('y1', Y.lead.contactId, T0 + MINUTE)];
const sent = (instanceId: string, kind: MessageFacts['kind'], key: string): MessageFacts => ({
  instanceId,
  kind,
  notificationKey: key,
  state: 'sent',
  dueAt: T0,
  sentAt: T0 + SECOND,
});
const messages = [
  sent('X', 'handoff', 'X:handoff:o1'),
  sent('Y', 'handoff', 'Y:handoff:o1'),
  sent('Z', 'handoff', 'Z:handoff:o1'),
  sent('W', 'handoff', 'W:handoff:o2'),
  sent('X', 'breach', 'X:breach'),
  sent('X', 'breach', 'X:breach'),
  sent('X', 'escalation', 'X:escalation:0:0'),
];

const facts = {
  instances: [X, Y, Z, W].map((instance) => ({ instance, evaluation: null })),
  touches,
  acknowledgements: [],
  silences: [],
  outages: [],
  messages,
};

describe('replaying one instance', () => {
  it('collects every notification that became due, once, as the worker would have sent them', () => {
    const r = replay(
      {
        instance: Z,
        policy: sql(5 * MINUTE),
        touches: [],
        acknowledgements: [],
        silences: [],
        team: 'benelux',
        outages: [],
      },
      NOW,
    );
    expect(r.notifications.map((n) => n.kind)).toEqual(['handoff', 'reminder', 'breach', 'escalation']);
    expect(r.final.firstContact.state).toBe('breached');
  });

  it('stops at an acknowledgement: no reminder after "On it"', () => {
    const r = replay(
      {
        instance: Z,
        policy: sql(5 * MINUTE),
        touches: [],
        acknowledgements: [{ instanceId: 'Z', by: 'U1', at: T0 + MINUTE }],
        silences: [],
        team: 'benelux',
        outages: [],
      },
      NOW,
    );
    expect(r.notifications.map((n) => n.kind)).toEqual(['handoff', 'breach', 'escalation']);
  });
});

describe('backtest of a longer first-contact window (5 → 10 minutes, MQL policy dropped)', () => {
  const b = runBacktest(facts, current, proposed, NOW);
  const v = (t: Record<string, { value: number | null }>) =>
    Object.fromEntries(Object.entries(t).map(([k, f]) => [k, f.value]));

  it('counts what the outbox says was sent, each notification once', () => {
    expect(v(b.total.actual)).toMatchObject({ handoff: 4, reminder: 0, breach: 1, escalation: 1 });
  });

  it('replays the current file: X, Z and W breach, with reminders and escalations', () => {
    expect(v(b.total.current)).toEqual({
      handoff: 4,
      reminder: 3,
      breach: 3,
      escalation: 3,
      attempts_shortfall: 0,
      overkill: 0,
      breachedLeads: 3,
      untracked: 0,
      reassigned: 0,
      reassignments: 0,
      reassignNobody: 0,
    });
  });

  it('replays the proposed file: X is now in time, W is not covered', () => {
    expect(v(b.total.proposed)).toEqual({
      handoff: 3,
      reminder: 2,
      breach: 1,
      escalation: 1,
      attempts_shortfall: 0,
      overkill: 0,
      breachedLeads: 1,
      untracked: 1,
      reassigned: 0,
      reassignments: 0,
      reassignNobody: 0,
    });
    expect(b.total.proposed.breachedLeads.ids).toEqual(['Z']);
  });

  it('splits per team and lists the leads whose verdict changes', () => {
    expect(b.byTeam.map((r) => [r.team, r.current.breach.value, r.proposed.breach.value])).toEqual([
      ['benelux', 2, 1],
      ['dach', 1, 0],
    ]);
    expect(b.changes.map((c) => [c.from, c.to, c.leads.ids])).toEqual([
      ['breached', 'met', ['X']],
      ['breached', 'untracked', ['W']],
    ]);
  });

  it('changes nothing when both files are the same', () => {
    const same = runBacktest(facts, current, current, NOW);
    expect(same.changes).toEqual([]);
    expect(v(same.total.proposed)).toEqual(v(same.total.current));
  });
});
