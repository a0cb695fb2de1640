import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../../src/domain/calendar/business-calendar.ts';
import type { SlaInstance } from '../../../../src/domain/model.ts';
import type { Policy } from '../../../../src/domain/policy.ts';
import type { RepFacts } from '../../../../src/domain/reassign/choose-rep.ts';
import {
  type BacktestSide,
  type MessageFacts,
  type ReassignWorld,
  replayReassignments,
  runBacktest,
} from '../../../../src/domain/reports/index.ts';
import { HOUR, MINUTE, SECOND } from '../../../../src/domain/time.ts';
import { alwaysOpen, call, handoff, testPolicy } from '../../../fakes/sla-fixtures.ts';

const T0 = Date.UTC(2026, 2, 2, 9);
const NOW = T0 + 24 * HOUR;

// Bram (o1) owns every lead; Eva (o2), Jan (o3) and Lotte (o4) are his teammates, in file order.
const emails: Record<string, string> = {
  o1: 'bram@example.com',
  o2: 'eva@example.com',
  o3: 'jan@example.com',
  o4: 'lotte@example.com',
};
const ids = Object.fromEntries(Object.entries(emails).map(([id, e]) => [e, id]));

const instance = (id: string, enteredAt: number, over: Partial<SlaInstance> = {}): SlaInstance => {
  const h = handoff(id, enteredAt, 'o1');
  return {
    id,
    lead: h.lead,
    stage: 'sql',
    policyName: 'sql-follow-up',
    enteredAt,
    ownerId: 'o1',
    ownerAssignedAt: enteredAt,
    firstSeenAt: enteredAt + 20 * SECOND,
    closedAt: null,
    closeReason: null,
    ...over,
  };
};

/** Breach at 5 minutes; the level 10 minutes after the breach reassigns round-robin. */
const reassigning: Policy = testPolicy({
  escalate: [
    { level: 0, after: 0, notify: [{ kind: 'manager' }], repeat: null },
    {
      level: 1,
      after: 10 * MINUTE,
      notify: [{ kind: 'manager' }],
      repeat: null,
      reassign: { to: { kind: 'round_robin' }, max: 1 },
    },
  ],
});

const world = (
  over: Partial<ReassignWorld> = {},
  facts: (email: string) => Partial<RepFacts> = () => ({}),
): ReassignWorld => ({
  teams: [{ name: 'benelux', manager: 'mia@example.com', members: Object.values(emails) }],
  outOfOffice: [],
  emailOf: (ownerId) => (ownerId === null ? null : (emails[ownerId] ?? null)),
  facts: (policy) => (email) =>
    ids[email] === undefined
      ? null
      : {
          ownerId: ids[email] ?? null,
          deactivated: false,
          reachable: true,
          calendar: policy.calendar,
          ...facts(email),
        },
  ...over,
});

const side = (policy: Policy, reassign?: ReassignWorld): BacktestSide => ({
  policies: [policy],
  teamOf: (ownerId) => (ownerId === null ? null : 'benelux'),
  ...(reassign === undefined ? {} : { reassign }),
});

// A, B, C breach and are never contacted (an hour apart); D is called 8 minutes after the handoff
// (late, but before the reassigning level at 15 minutes); E is closed 12 minutes after the handoff.
const A = instance('A', T0);
const B = instance('B', T0 + HOUR);
const C = instance('C', T0 + 2 * HOUR);
const D = instance('D', T0 + 3 * HOUR);
const E = instance('E', T0 + 4 * HOUR, { closedAt: T0 + 4 * HOUR + 12 * MINUTE, closeReason: 'deleted' });
const facts = (messages: readonly MessageFacts[] = []) => ({
  instances: [C, A, E, D, B].map((i) => ({ instance: i, evaluation: null })),
  touches: [call('d1', D.lead.contactId, D.enteredAt + 8 * MINUTE)],
  acknowledgements: [],
  silences: [],
  outages: [],
  messages,
});

const without = side(testPolicy());
const v = (f: { value: number | null; ids: readonly string[] }) => [f.value, f.ids];

describe('backtest of a level that reassigns', () => {
  it('counts the reassignments the proposed file would make: breached, uncontacted, open leads only', () => {
    const b = runBacktest(facts(), without, side(reassigning, world()), NOW);
    expect(v(b.total.current.reassignments)).toEqual([0, []]);
    expect(v(b.total.proposed.reassignments)).toEqual([3, ['A', 'B', 'C']]);
    expect(b.total.proposed.reassignNobody.value).toBe(0);
    expect(b.byTeam.map((r) => [r.team, r.proposed.reassignments.value])).toEqual([['benelux', 3]]);
  });

  it("walks round-robin in the order the worker would have: by the level's moment, not the input order", () => {
    // Eva, Jan, Lotte in turn (Bram owns them all and is skipped): the position moves after each.
    expect(replayed(world(), [C, A, E, D, B]).map((r) => [r.instanceId, r.toEmail])).toEqual([
      ['A', 'eva@example.com'],
      ['B', 'jan@example.com'],
      ['C', 'lotte@example.com'],
    ]);
    expect(replayed(world(), [B, A]).map((r) => r.toEmail)).toEqual(['eva@example.com', 'jan@example.com']);
  });

  it('skips a rep out of office and one deactivated, and counts a level that found nobody', () => {
    const at = T0 + 15 * MINUTE;
    const b = runBacktest(
      facts(),
      without,
      side(
        reassigning,
        world(
          { outOfOffice: [{ email: 'eva@example.com', from: at - HOUR, until: at + 30 * HOUR }] },
          (email) => (email === 'jan@example.com' ? { deactivated: true } : {}),
        ),
      ),
      NOW,
    );
    // Eva is away and Jan deactivated: Lotte takes each in turn (she owned none of them before).
    expect(b.total.proposed.reassignments.value).toBe(3);
    const skippedForA = replayed(
      world(
        { outOfOffice: [{ email: 'eva@example.com', from: at - HOUR, until: at + 30 * HOUR }] },
        (email) => (email === 'jan@example.com' ? { deactivated: true } : {}),
      ),
      [A],
    );
    expect(skippedForA.map((r) => [r.toEmail, r.skipped])).toEqual([
      [
        'lotte@example.com',
        [
          { email: 'bram@example.com', why: 'current_owner' },
          { email: 'eva@example.com', why: 'out_of_office' },
          { email: 'jan@example.com', why: 'deactivated' },
        ],
      ],
    ]);
    const nobody = runBacktest(
      facts(),
      without,
      side(
        reassigning,
        world({}, () => ({ reachable: true, calendar: closed })),
      ),
      NOW,
    );
    expect(v(nobody.total.proposed.reassignments)).toEqual([0, []]);
    expect(v(nobody.total.proposed.reassignNobody)).toEqual([3, ['A', 'B', 'C']]);
  });

  it("leaves a lead alone whose owner a person changed after the breach, before the level's moment", () => {
    const changed = instance('A', T0, { ownerId: 'o1', ownerChangedAt: T0 + 7 * MINUTE });
    const b = runBacktest(
      { ...facts(), instances: [{ instance: changed, evaluation: null }] },
      without,
      side(reassigning, world()),
      NOW,
    );
    expect(b.total.proposed.reassignments.value).toBe(0);
  });

  it('does not count a moment still to come', () => {
    const b = runBacktest(facts(), without, side(reassigning, world()), T0 + 4 * HOUR + 14 * MINUTE);
    expect(b.total.proposed.reassignments.ids).toEqual(['A', 'B', 'C']);
    const early = runBacktest(facts(), without, side(reassigning, world()), T0 + 14 * MINUTE);
    expect(early.total.proposed.reassignments.value).toBe(0);
  });

  it("counts the outbox's reassignments as actual, once each however many were told, claims not", () => {
    const told = (key: string, who: string): MessageFacts => ({
      instanceId: 'A',
      kind: 'reassigned',
      notificationKey: `${key}:told:${who}`,
      state: 'sent',
      dueAt: T0,
      sentAt: T0 + SECOND,
    });
    const level = `A:reassign:${T0 + 5 * MINUTE}:1`;
    const claim = `A:claim:${T0 + 5 * MINUTE}`;
    const b = runBacktest(
      facts([told(level, 'previous_owner'), told(level, 'manager'), told(claim, 'manager')]),
      without,
      side(reassigning, world()),
      NOW,
    );
    expect(v(b.total.actual.reassignments)).toEqual([1, ['A']]);
  });
});

/** The replay's own record (who got which lead), for the order and the skips. */
function replayed(w: ReassignWorld, instances: readonly SlaInstance[]) {
  const judged = instances.map((instance) => ({
    input: {
      instance,
      policy: reassigning,
      touches: facts().touches,
      acknowledgements: [],
      silences: [],
      team: 'benelux',
      outages: [],
    },
    deadline: instance.enteredAt + 5 * MINUTE,
  }));
  return replayReassignments(judged, w, NOW).made;
}

const closed: BusinessCalendar = { ...alwaysOpen, name: 'closed', isOpen: () => false };
