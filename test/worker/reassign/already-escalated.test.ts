import { describe, expect, it } from 'vitest';
import type { Target } from '../../../src/domain/policy.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import type { OutboxEntry } from '../../../src/ports/store.ts';
import { escalatedPeople } from '../../../src/worker/reassign/already-escalated.ts';
import { owner, testConfig } from '../../fakes/sla-fixtures.ts';
import { T0 } from '../harness.ts';

const DEADLINE = T0 + 5 * MINUTE;
const ID = `contact:c1:sql:${T0}`;

const config = testConfig({
  teams: [
    { name: 'benelux', manager: 'Anna@example.com', members: ['bram@example.com'], channel: '#sales' },
    { name: 'dach', manager: 'dieter@example.com', members: ['eva@example.com'], channel: '#dach' },
  ],
});
const owners = [owner('o1', 'bram@example.com'), owner('o2', 'eva@example.com')];

/** An escalation row as the outbox keeps it once sent to its intended recipient. */
const escalation = (target: Target, over: Partial<OutboxEntry> = {}, deadline = DEADLINE): OutboxEntry => ({
  key: `${ID}:escalation:0:0:${target.kind}`,
  instanceId: ID,
  kind: 'escalation',
  target,
  payload: {
    key: `${ID}:escalation:0:0`,
    kind: 'escalation',
    instanceId: ID,
    dueAt: deadline,
    targets: [target],
    reason: { kind: 'escalation', level: 0, repeat: 0, deadline, excused: false },
  },
  dueAt: deadline,
  createdAt: deadline,
  state: 'sent',
  attempts: 1,
  nextAttemptAt: deadline,
  lastError: null,
  ref: { channel: 'D1', ts: '1.0' },
  sentAt: deadline,
  fallback: null,
  inDoubtSince: null,
  claimedEpoch: 1,
  claimedAt: deadline,
  shown: null,
  aboutOwner: 'o1',
  copies: null,
  edit: null,
  ...over,
});

const people = (rows: OutboxEntry[], ownerWhenUnrecorded: string | null = 'o1') =>
  [...escalatedPeople(rows, DEADLINE, config, owners, ownerWhenUnrecorded)].sort();

describe('escalatedPeople: who already has an escalation of the deadline (issue 18)', () => {
  it('names the manager of the team of the owner it was about, the owner, and named people', () => {
    expect(
      people([
        escalation({ kind: 'manager' }),
        escalation({ kind: 'owner' }),
        escalation({ kind: 'user', email: 'Ops@Example.com' }),
      ]),
    ).toEqual(['anna@example.com', 'bram@example.com', 'ops@example.com']);
    // About Eva's lead, the manager reached was Eva's.
    expect(people([escalation({ kind: 'manager' }, { aboutOwner: 'o2' })])).toEqual(['dieter@example.com']);
    // A row that did not record whose lead it was: the owner it was taken from.
    expect(people([escalation({ kind: 'manager' }, { aboutOwner: null })], 'o2')).toEqual([
      'dieter@example.com',
    ]);
  });

  it('leaves out channels, other deadlines, and messages the person does not have to update', () => {
    expect(
      people([
        escalation({ kind: 'team_channel' }),
        escalation({ kind: 'channel', channel: '#sales-leads' }),
        escalation({ kind: 'manager' }, {}, DEADLINE + 10 * MINUTE),
        escalation({ kind: 'manager' }, { state: 'pending', ref: null, sentAt: null }),
        escalation({ kind: 'manager' }, { state: 'failed', ref: null }),
        // Sent, unconfirmed: no message to update in place.
        escalation({ kind: 'manager' }, { ref: null }),
        // Went to a fallback: the manager never got it.
        escalation({ kind: 'manager' }, { fallback: 'anna@example.com is not found in Slack' }),
        escalation({ kind: 'manager' }, { kind: 'breach' }),
      ]),
    ).toEqual([]);
  });

  it('a lead that was unassigned when the escalation went out reached no team manager', () => {
    expect(people([escalation({ kind: 'manager' }, { aboutOwner: 'unassigned' })])).toEqual([]);
  });
});
