import { describe, expect, it } from 'vitest';
import type { DueNotification } from '../../../src/domain/evaluation.ts';
import { shownFingerprint } from '../../../src/domain/message-truth.ts';
import type { Condition, Policy, Target } from '../../../src/domain/policy.ts';
import type { Reassignment } from '../../../src/domain/reassign/reassignment.ts';
import { evaluate } from '../../../src/domain/sla/evaluate.ts';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
import {
  type TimelineConfig,
  type TimelineEvent,
  type TimelineFacts,
  type TimelineMessage,
  timelineOf,
} from '../../../src/domain/timeline/index.ts';
import {
  ack,
  attemptsRule,
  call,
  escalation,
  instance,
  lead,
  outage,
  policy,
  rule,
  scenario,
  silenceOwner,
  T0,
} from '../sla/builders.ts';

const enterprise: Condition = { property: 'company_size', in: ['1000+'] };
const config = (...policies: Policy[]): TimelineConfig => ({
  policies,
  segments: new Map([['enterprise', enterprise]]),
});

/** The facts the shell would gather, with the worker's evaluation at `judgedAt`. */
function facts(f: Partial<TimelineFacts> & { policy?: Policy; judgedAt?: number } = {}): TimelineFacts {
  const { policy: p = policy(), judgedAt, ...rest } = f;
  const base: TimelineFacts = {
    instance: instance(),
    evaluation: null,
    touches: [],
    acknowledgements: [],
    silences: [],
    outages: [],
    messages: [],
    team: null,
    rejection: null,
    ...rest,
  };
  if (judgedAt === undefined) return base;
  const evaluation = evaluate(
    scenario({
      instance: base.instance,
      policy: p,
      touches: base.touches,
      acknowledgements: base.acknowledgements,
      silences: base.silences,
      outages: base.outages,
    }),
    judgedAt,
  );
  return { ...base, evaluation };
}

/** A sent outbox row for a due notification, as the store keeps it. */
function sent(n: DueNotification, target: Target, at: number, more: Partial<TimelineMessage> = {}) {
  return {
    key: `${n.key}:${target.kind}`,
    kind: n.kind,
    target,
    reason: n.reason,
    dueAt: n.dueAt,
    createdAt: n.dueAt,
    state: 'sent',
    attempts: 1,
    lastError: null,
    sentAt: at,
    fallback: null,
    aboutOwner: 'rep-1',
    shown: null,
    editPending: false,
    ...more,
  } satisfies TimelineMessage;
}

const kinds = (events: readonly TimelineEvent[]) => events.map((e) => e.kind);
const only = <K extends TimelineEvent['kind']>(events: readonly TimelineEvent[], kind: K) =>
  events.filter((e): e is Extract<TimelineEvent, { kind: K }> => e.kind === kind);

describe('timelineOf', () => {
  it('tells a lead contacted in time, in time order', () => {
    const p = policy();
    const touches = [call(T0 + 3 * MINUTE)];
    const f = facts({ policy: p, touches, judgedAt: T0 + 10 * MINUTE });
    const t = timelineOf(f, config(p), T0 + 10 * MINUTE);
    // The clock runs from the handoff (24×7), before sla-bot saw it 30 seconds later.
    expect(kinds(t.events)).toEqual([
      'stage_entered',
      'clock_started',
      'first_seen',
      'policy_chosen',
      'touch',
      'verdict',
      'now',
    ]);
    expect(t.recomputed).toBe(false);
    expect(t.events[2]).toMatchObject({ at: T0 + 30 * SECOND, delay: 30 * SECOND, imported: false });
    expect(only(t.events, 'clock_started')[0]).toMatchObject({
      at: T0,
      from: 'entered',
      deadline: T0 + 5 * MINUTE,
      within: 5 * MINUTE,
      zone: 'UTC',
    });
    expect(only(t.events, 'touch')[0]).toMatchObject({ firstContact: { counts: true, first: true } });
    expect(only(t.events, 'verdict')[0]).toMatchObject({
      at: T0 + 3 * MINUTE,
      verdict: 'met',
      took: 3 * MINUTE,
      contact: 'reached',
    });
    for (let i = 1; i < t.events.length; i++)
      expect(t.events[i]?.at).toBeGreaterThanOrEqual(t.events[i - 1]?.at ?? 0);
  });

  it('says which segment chose the policy, and which policies it passed over', () => {
    const vip = policy({ name: 'sql-enterprise', segment: enterprise });
    const inline = policy({ name: 'sql-nl', segment: { property: 'country', equals: 'NL' } });
    const rest = policy({ name: 'sql-follow-up' });
    const i = instance({
      lead: lead({ properties: { company_size: '10-50', country: 'NL' } }),
      policyName: 'sql-nl',
    });
    const t = timelineOf(facts({ instance: i }), config(vip, inline, rest), T0 + MINUTE);
    expect(only(t.events, 'policy_chosen')[0]).toEqual({
      kind: 'policy_chosen',
      at: i.firstSeenAt,
      policy: 'sql-nl',
      choice: {
        matched: 'sql-nl',
        segment: { name: null, condition: { property: 'country', equals: 'NL' } },
        skipped: [{ policy: 'sql-enterprise', segment: { name: 'enterprise', condition: enterprise } }],
        storedGone: false,
      },
    });
    // Never judged by the worker: the clock comes from an evaluation made now, and says so.
    expect(t.recomputed).toBe(true);
  });

  it('notices when the policy the instance was opened under is no longer in the file', () => {
    const p = policy({ name: 'sql-new' });
    const t = timelineOf(facts(), config(p), T0 + MINUTE);
    expect(only(t.events, 'policy_chosen')[0]?.choice).toMatchObject({
      matched: 'sql-new',
      storedGone: true,
    });
  });

  it('lists calls that did not count, each with the rule that excluded it', () => {
    const p = policy({
      counts: rule({ kinds: ['call'], callOutcomes: ['Connected'], outboundOnly: true, ownerOnly: true }),
      attempts: attemptsRule({ required: 2, within: 60 * MINUTE, minGap: 10 * MINUTE }),
    });
    const touches = [
      call(T0 + MINUTE, { outcome: 'No answer' }),
      call(T0 + 2 * MINUTE, { direction: 'inbound' }),
      call(T0 + 3 * MINUTE, { ownerId: 'rep-2' }),
      call(T0 + 4 * MINUTE, { status: 'CANCELED' }),
      call(T0 + 20 * MINUTE),
      call(T0 + 22 * MINUTE),
      call(T0 + 90 * MINUTE),
    ];
    const now = T0 + 2 * 60 * MINUTE;
    const t = timelineOf(facts({ policy: p, touches, judgedAt: now }), config(p), now);
    const marks = only(t.events, 'touch').map((e) => [e.firstContact, e.attempt]);
    expect(marks).toEqual([
      [{ counts: false, why: 'outcome' }, { counts: true }],
      [
        { counts: false, why: 'inbound' },
        { counts: false, why: 'too_close' },
      ],
      [
        { counts: false, why: 'not_owner' },
        { counts: false, why: 'too_close' },
      ],
      [
        { counts: false, why: 'not_happened' },
        { counts: false, why: 'not_happened' },
      ],
      [{ counts: true, first: true }, { counts: true }],
      [
        { counts: true, first: false },
        { counts: false, why: 'too_close' },
      ],
      [
        { counts: true, first: false },
        { counts: false, why: 'after_window' },
      ],
    ]);
    // The attempts verdict is met at the attempt that made it.
    expect(only(t.events, 'attempts')).toEqual([
      { kind: 'attempts', at: T0 + 20 * MINUTE, state: 'met', made: 2, required: 2, overkill: false },
    ]);
    // The breach: no counting contact by the deadline, contacted 15 minutes late.
    expect(only(t.events, 'verdict')[0]).toMatchObject({
      at: T0 + 5 * MINUTE,
      verdict: 'breached',
      contactedAt: T0 + 20 * MINUTE,
      lateBy: 15 * MINUTE,
    });
  });

  it('restarts the clock for a new owner and says calls before the change do not count', () => {
    const p = policy({ restartOnOwnerChange: true });
    const changedAt = T0 + 10 * MINUTE;
    const i = instance({ ownerId: 'rep-2', ownerAssignedAt: T0, ownerChangedAt: changedAt });
    const ping = evaluate(scenario({ instance: instance({ ownerAssignedAt: T0 }), policy: p }), T0 + MINUTE)
      .due[0];
    if (ping === undefined) throw new Error('no ping');
    const touches = [
      call(T0 + 8 * MINUTE, { ownerId: 'rep-1' }),
      call(changedAt + 2 * MINUTE, { ownerId: 'rep-2' }),
    ];
    const messages = [sent(ping, { kind: 'owner' }, T0 + MINUTE)];
    const now = changedAt + 30 * MINUTE;
    const t = timelineOf(facts({ instance: i, policy: p, touches, messages, judgedAt: now }), config(p), now);
    expect(only(t.events, 'owner_assigned')[0]).toMatchObject({ at: T0, ownerId: 'rep-1' });
    expect(only(t.events, 'owner_changed')[0]).toEqual({
      kind: 'owner_changed',
      at: changedAt,
      from: 'rep-1',
      to: 'rep-2',
      clockRestarted: true,
    });
    // The ping to rep-1 remembers rep-1's clock; rep-2's starts at the change.
    expect(only(t.events, 'clock_started')).toMatchObject([
      { at: T0, from: 'entered', ownerId: 'rep-1', earlier: true, deadline: T0 + 5 * MINUTE },
      { at: changedAt, from: 'owner_changed', ownerId: 'rep-2', earlier: false },
    ]);
    expect(only(t.events, 'touch').map((e) => e.firstContact)).toEqual([
      { counts: false, why: 'before_handoff' },
      { counts: true, first: true },
    ]);
    // The ping to rep-1 is ended by the hand-over.
    expect(only(t.events, 'message')[0]?.truth).toEqual({
      state: 'ended',
      ending: { kind: 'reassigned', from: 'rep-1', to: 'rep-2' },
    });
  });

  describe('reassignments and "Take it" (issue 18)', () => {
    const p = policy({
      restartOnOwnerChange: true,
      escalate: [
        { ...escalation(0, 0, [{ kind: 'manager' }]), reassign: { to: { kind: 'round_robin' }, max: 1 } },
      ],
    });
    const deadline = T0 + 5 * MINUTE;
    const moved = (over: Partial<Reassignment> = {}): Reassignment => ({
      key: `${instance().id}:reassign:${deadline}:0`,
      instanceId: instance().id,
      deadline,
      kind: 'escalation',
      level: 0,
      fromOwnerId: 'rep-1',
      toOwnerId: 'rep-2',
      toEmail: 'eva@example.com',
      skipped: [],
      at: deadline + SECOND,
      waited: 5 * MINUTE + SECOND,
      state: 'written',
      ...over,
    });

    it('names the owner a level took the lead from, dates the change when it was written, and tells the reassignment', () => {
      const writtenAt = deadline + 2 * SECOND;
      const i = instance({ ownerId: 'rep-2', ownerAssignedAt: T0, ownerChangedAt: writtenAt });
      const now = writtenAt + MINUTE;
      const t = timelineOf(
        facts({ instance: i, policy: p, reassignments: [moved()], judgedAt: now }),
        config(p),
        now,
      );
      // No message names rep-1: the reassignment record does.
      expect(only(t.events, 'owner_assigned')).toEqual([
        { kind: 'owner_assigned', at: T0, ownerId: 'rep-1' },
      ]);
      expect(only(t.events, 'owner_changed')).toEqual([
        { kind: 'owner_changed', at: writtenAt, from: 'rep-1', to: 'rep-2', clockRestarted: true },
      ]);
      expect(only(t.events, 'reassigned')).toEqual([
        {
          kind: 'reassigned',
          at: deadline + SECOND,
          by: 'escalation',
          level: 0,
          rule: { kind: 'round_robin' },
          from: 'rep-1',
          to: 'rep-2',
          toEmail: 'eva@example.com',
          deadline,
          state: 'written',
        },
      ]);
      const kinds = t.events.map((e) => e.kind);
      expect(kinds.indexOf('reassigned')).toBeLessThan(kinds.indexOf('owner_changed'));
    });

    it('never dates a change sla-bot wrote before it was decided (a poll that dated it by an old assignment)', () => {
      const i = instance({ ownerId: 'rep-2', ownerAssignedAt: T0, ownerChangedAt: T0 });
      const now = deadline + 10 * MINUTE;
      const t = timelineOf(facts({ instance: i, policy: p, reassignments: [moved()] }), config(p), now);
      expect(only(t.events, 'owner_changed')[0]).toMatchObject({ at: deadline + SECOND, from: 'rep-1' });
    });

    it('tells a teammate’s claim, pending or refused, without an owner change', () => {
      const claim = moved({
        key: `${instance().id}:claim:${deadline}`,
        kind: 'claim',
        level: null,
        at: deadline + 30 * SECOND,
      });
      const now = deadline + MINUTE;
      const at = (state: Reassignment['state']) =>
        timelineOf(facts({ policy: p, reassignments: [{ ...claim, state }] }), config(p), now);
      expect(only(at('pending').events, 'reassigned')).toMatchObject([
        { by: 'claim', level: null, rule: null, from: 'rep-1', to: 'rep-2', state: 'pending' },
      ]);
      expect(only(at('failed').events, 'owner_changed')).toEqual([]);
      expect(only(at('superseded').events, 'reassigned')[0]?.state).toBe('superseded');
    });

    /**
     * The stored evaluation holds only the clock the lead runs on now: every earlier owner's clock is
     * read back from the reassignment rows (their deadlines) and the messages about it.
     */
    describe('every clock, not only the current one', () => {
      const twice = policy({
        restartOnOwnerChange: true,
        escalate: [
          {
            ...escalation(0, MINUTE, [{ kind: 'manager' }]),
            reassign: { to: { kind: 'round_robin' }, max: 2 },
          },
        ],
      });
      const first = instance({ ownerAssignedAt: T0 });
      /** The messages the worker sent about one owner's clock, judged when its level fired. */
      const clockMessages = (i: typeof first, owner: string, at: number) =>
        evaluate(scenario({ instance: i, policy: twice }), at).due.map((n) =>
          sent(n, n.kind === 'escalation' ? { kind: 'manager' } : { kind: 'owner' }, n.dueAt + SECOND, {
            aboutOwner: owner,
          }),
        );
      /** The notices sla-bot queues once it wrote a reassignment to HubSpot (at `writtenAt`). */
      const notice = (r: Reassignment, writtenAt: number): TimelineMessage => ({
        key: `${r.key}:told:manager:manager`,
        kind: 'reassigned',
        target: { kind: 'manager' },
        reason: {
          kind: 'reassigned',
          told: 'manager',
          fromName: r.fromOwnerId ?? '—',
          toName: r.toOwnerId,
          waited: r.waited,
          deadline: r.deadline,
        },
        dueAt: writtenAt,
        createdAt: writtenAt,
        state: 'sent',
        attempts: 1,
        lastError: null,
        sentAt: writtenAt + SECOND,
        fallback: null,
        aboutOwner: r.fromOwnerId,
        shown: null,
        editPending: false,
      });
      const reassignment = (deadline: number, from: string, to: string): Reassignment => ({
        key: `${first.id}:reassign:${deadline}:0`,
        instanceId: first.id,
        deadline,
        kind: 'escalation',
        level: 0,
        fromOwnerId: from,
        toOwnerId: to,
        toEmail: `${to}@example.com`,
        skipped: [],
        at: deadline + MINUTE,
        waited: 6 * MINUTE,
        state: 'written',
      });

      it('tells each owner’s clock and missed deadline, each reassignment, then the current clock', () => {
        // rep-1 from the handoff: missed, reassigned to rep-2, written two seconds later.
        const d1 = T0 + 5 * MINUTE;
        const r1 = reassignment(d1, 'rep-1', 'rep-2');
        const w1 = r1.at + 2 * SECOND;
        // rep-2's fresh clock: missed too, reassigned to rep-3.
        const second = { ...first, ownerId: 'rep-2', ownerChangedAt: w1 };
        const d2 = w1 + 5 * MINUTE;
        const r2 = reassignment(d2, 'rep-2', 'rep-3');
        const w2 = r2.at + 2 * SECOND;
        // rep-3's clock is the one the worker judged last.
        const third = { ...first, ownerId: 'rep-3', ownerChangedAt: w2 };
        const now = w2 + MINUTE;
        const messages = [
          ...clockMessages(first, 'rep-1', r1.at),
          notice(r1, w1),
          ...clockMessages(second, 'rep-2', r2.at),
          notice(r2, w2),
          ...clockMessages(third, 'rep-3', now),
        ];
        const f = facts({
          instance: third,
          policy: twice,
          messages,
          reassignments: [r1, r2],
          judgedAt: now,
        });
        const t = timelineOf(f, config(twice), now);

        const story = t.events.filter((e) =>
          ['clock_started', 'verdict', 'reassigned', 'owner_changed', 'now'].includes(e.kind),
        );
        expect(story).toEqual([
          {
            kind: 'clock_started',
            at: T0,
            from: 'entered',
            anchor: T0,
            ownerId: 'rep-1',
            earlier: true,
            deadline: d1,
            within: 5 * MINUTE,
            zone: 'UTC',
          },
          expect.objectContaining({ kind: 'verdict', at: d1, verdict: 'breached', contactedAt: null }),
          expect.objectContaining({ kind: 'reassigned', at: r1.at, from: 'rep-1', to: 'rep-2' }),
          {
            kind: 'clock_started',
            at: w1,
            from: 'owner_changed',
            anchor: w1,
            ownerId: 'rep-2',
            earlier: true,
            deadline: d2,
            within: 5 * MINUTE,
            zone: 'UTC',
          },
          expect.objectContaining({ kind: 'verdict', at: d2, verdict: 'breached', contactedAt: null }),
          expect.objectContaining({ kind: 'reassigned', at: r2.at, from: 'rep-2', to: 'rep-3' }),
          expect.objectContaining({ kind: 'owner_changed', at: w2, from: 'rep-2', to: 'rep-3' }),
          expect.objectContaining({
            kind: 'clock_started',
            at: w2,
            from: 'owner_changed',
            ownerId: 'rep-3',
            earlier: false,
            deadline: w2 + 5 * MINUTE,
          }),
          expect.objectContaining({ kind: 'now', firstContact: 'pending', deadline: w2 + 5 * MINUTE }),
        ]);
        // Every message stands in its own clock, in time order.
        for (let i = 1; i < t.events.length; i++)
          expect(t.events[i]?.at).toBeGreaterThanOrEqual(t.events[i - 1]?.at ?? 0);
        const breachNotes = only(t.events, 'message').filter((m) => m.message.kind === 'breach');
        expect(breachNotes.map((m) => m.at)).toEqual([d1 + SECOND, d2 + SECOND]);
      });

      it('tells a “Take it” clock, and a new owner in time is met, not a correction of the old breach', () => {
        const d1 = T0 + 5 * MINUTE;
        const claim: Reassignment = {
          ...reassignment(d1, 'rep-1', 'rep-2'),
          key: `${first.id}:claim:${d1}`,
          kind: 'claim',
          level: null,
          at: d1 + 90 * SECOND,
        };
        const w1 = claim.at + SECOND;
        const mine = { ...first, ownerId: 'rep-2', ownerChangedAt: w1 };
        const touches = [call(w1 + MINUTE, { ownerId: 'rep-2' })];
        const now = w1 + 10 * MINUTE;
        const messages = [...clockMessages(first, 'rep-1', claim.at), notice(claim, w1)];
        const f = facts({
          instance: mine,
          policy: twice,
          touches,
          messages,
          reassignments: [claim],
          judgedAt: now,
        });
        const t = timelineOf(f, config(twice), now);
        expect(only(t.events, 'clock_started').map((e) => [e.at, e.ownerId, e.deadline])).toEqual([
          [T0, 'rep-1', d1],
          [w1, 'rep-2', w1 + 5 * MINUTE],
        ]);
        expect(only(t.events, 'verdict').map((e) => [e.at, e.verdict])).toEqual([
          [d1, 'breached'],
          [w1 + MINUTE, 'met'],
        ]);
      });

      it('tells only what the store holds: no message and no row, no earlier clock', () => {
        const i = instance({ ownerId: 'rep-2', ownerAssignedAt: T0, ownerChangedAt: T0 + 2 * MINUTE });
        const now = T0 + 3 * MINUTE;
        const t = timelineOf(facts({ instance: i, policy: twice, judgedAt: now }), config(twice), now);
        expect(only(t.events, 'clock_started')).toMatchObject([{ ownerId: 'rep-2', earlier: false }]);
        expect(only(t.events, 'verdict')).toEqual([]);
      });
    });
  });

  it('tells each message: to whom, delivered or to a fallback and why, late or failed', () => {
    const p = policy({ escalate: [escalation(0, 0, [{ kind: 'manager' }])] });
    const now = T0 + 20 * MINUTE;
    const e = evaluate(scenario({ policy: p }), now);
    const byKind = (k: string) => {
      const n = e.due.find((d) => d.kind === k);
      if (n === undefined) throw new Error(`nothing ${k} due`);
      return n;
    };
    const messages = [
      sent(byKind('handoff'), { kind: 'owner' }, T0 + 40 * SECOND),
      sent(byKind('breach'), { kind: 'owner' }, T0 + 5 * MINUTE + 5 * SECOND, {
        fallback: 'the team channel: rep-1 is not in Slack',
      }),
      {
        ...sent(byKind('escalation'), { kind: 'manager' }, 0),
        state: 'failed' as const,
        sentAt: null,
        attempts: 5,
        lastError: 'channel_not_found',
      },
    ];
    const t = timelineOf(facts({ policy: p, messages, judgedAt: now }), config(p), now);
    const shown = only(t.events, 'message').map((m) => [
      m.message.kind,
      m.message.target?.kind,
      m.at,
      m.message.fallback,
      m.message.lastError,
    ]);
    // A message that never reached Slack stands at the time it was due.
    expect(shown).toEqual([
      ['handoff', 'owner', T0 + 40 * SECOND, null, null],
      ['escalation', 'manager', T0 + 5 * MINUTE, null, 'channel_not_found'],
      ['breach', 'owner', T0 + 5 * MINUTE + 5 * SECOND, 'the team channel: rep-1 is not in Slack', null],
    ]);
    expect(only(t.events, 'message')[1]?.truth).toBeNull();
    expect(only(t.events, 'message')[2]?.truth).toEqual({ state: 'open' });
    expect(only(t.events, 'verdict')[0]).toMatchObject({ verdict: 'breached', contactedAt: null });
    expect(t.events.at(-1)).toMatchObject({ kind: 'now', firstContact: 'breached', at: now });
  });

  it('turns a breach into corrected when a back-dated call proves the deadline was met', () => {
    const p = policy();
    const breachedAt = T0 + 6 * MINUTE;
    const before = evaluate(scenario({ policy: p }), breachedAt);
    const breach = before.due.find((d) => d.kind === 'breach');
    if (breach === undefined) throw new Error('no breach');
    const touches = [call(T0 + 4 * MINUTE)];
    const now = T0 + 30 * MINUTE;
    const f = facts({ policy: p, touches, judgedAt: now });
    const evaluation = f.evaluation;
    if (evaluation === null) throw new Error('not judged');
    const stale = sent(breach, { kind: 'owner' }, breachedAt);
    const upToDate = shownFingerprint({ reason: breach.reason, aboutOwner: 'rep-1' }, f.instance, evaluation);
    const t = timelineOf({ ...f, messages: [{ ...stale, shown: upToDate }] }, config(p), now);
    expect(only(t.events, 'verdict')).toEqual([
      {
        kind: 'verdict',
        at: breachedAt,
        verdict: 'corrected',
        deadline: T0 + 5 * MINUTE,
        contactedAt: T0 + 4 * MINUTE,
        contact: 'reached',
        took: 4 * MINUTE,
        lateBy: null,
        excuse: null,
      },
    ]);
    const message = only(t.events, 'message')[0];
    expect(message?.truth).toMatchObject({ state: 'corrected', at: T0 + 4 * MINUTE });
    expect(message?.upToDate).toBe(true);
    // The corrected verdict comes after the breach message it corrects.
    expect(kinds(t.events).indexOf('verdict')).toBeGreaterThan(kinds(t.events).indexOf('message'));
  });

  it('says an excused breach is excused and why', () => {
    const p = policy();
    const outages = [outage('slack', T0 + 4 * MINUTE, T0 + 10 * MINUTE)];
    const now = T0 + 20 * MINUTE;
    const t = timelineOf(facts({ policy: p, outages, judgedAt: now }), config(p), now);
    expect(only(t.events, 'verdict')[0]).toMatchObject({ verdict: 'excused', excuse: 'outage' });
  });

  it('tells acknowledgements, silences and the close', () => {
    const p = policy();
    const i0 = instance({ ownerAssignedAt: T0 });
    const closed = {
      ...i0,
      closedAt: T0 + 50 * MINUTE,
      closeReason: 'not_a_fit' as const,
      closeDetail: 'eva@example.com',
    };
    const acknowledgements = [{ ...ack(closed, T0 + 2 * MINUTE), byName: 'Bram' }];
    const silences = [
      silenceOwner('rep-1', T0 - 60 * MINUTE, T0 + 40 * MINUTE),
      silenceOwner('rep-9', T0, T0 + MINUTE),
    ];
    const rejection = { reason: 'Student', by: 'eva@example.com', at: T0 + 50 * MINUTE };
    const now = T0 + 60 * MINUTE;
    const f = facts({ instance: closed, policy: p, acknowledgements, silences, rejection, judgedAt: now });
    const t = timelineOf(f, config(p), now);
    expect(only(t.events, 'acknowledged')).toEqual([
      { kind: 'acknowledged', at: T0 + 2 * MINUTE, by: 'rep-1', byName: 'Bram', current: true },
    ]);
    expect(only(t.events, 'silenced').map((s) => [s.at, s.silence.id])).toEqual([[T0, silences[0]?.id]]);
    expect(t.events.at(-1)).toEqual({
      kind: 'closed',
      at: T0 + 50 * MINUTE,
      reason: 'not_a_fit',
      detail: 'eva@example.com',
      rejection: 'Student',
    });
    expect(kinds(t.events)).not.toContain('now');
    expect(only(t.events, 'owner_assigned')[0]).toMatchObject({ at: T0, ownerId: 'rep-1' });
  });
});

/**
 * "Now" is judged at `now`, not read from the worker's last evaluation: with the worker stopped, a
 * deadline that passed since is missed, and the timeline says the store does not have it yet.
 */
describe('where an open lead stands now', () => {
  const p = policy({ escalate: [escalation(0, 0, [{ kind: 'manager' }])] });
  const deadline = T0 + 5 * MINUTE;
  const now = T0 + 20 * MINUTE;
  const nowOf = (t: ReturnType<typeof timelineOf>) => t.events.at(-1);

  it('is overdue, not waiting, when the deadline passed after the worker’s last cycle', () => {
    // The worker judged it a minute in (pending), then stopped.
    const t = timelineOf(facts({ policy: p, judgedAt: T0 + MINUTE }), config(p), now);
    expect(nowOf(t)).toEqual({
      kind: 'now',
      at: now,
      firstContact: 'breached',
      deadline,
      overdueBy: 15 * MINUTE,
      breachRecorded: false,
      nextCheckAt: null,
    });
    // The history is the store's: no missed-deadline line the worker never recorded.
    expect(only(t.events, 'verdict')).toEqual([]);
  });

  it('knows the breach the worker recorded', () => {
    const t = timelineOf(facts({ policy: p, judgedAt: deadline + MINUTE }), config(p), now);
    expect(nowOf(t)).toMatchObject({
      firstContact: 'breached',
      overdueBy: 15 * MINUTE,
      breachRecorded: true,
    });
    const e = evaluate(scenario({ policy: p }), deadline + MINUTE);
    const breach = e.due.find((n) => n.kind === 'breach');
    if (breach === undefined) throw new Error('no breach');
    const told = timelineOf(
      facts({ policy: p, messages: [sent(breach, { kind: 'owner' }, deadline)], judgedAt: T0 + MINUTE }),
      config(p),
      now,
    );
    expect(nowOf(told)).toMatchObject({ overdueBy: 15 * MINUTE, breachRecorded: true });
  });

  it('is waiting before the deadline, and not overdue once contacted (late or not)', () => {
    const before = timelineOf(facts({ policy: p, judgedAt: T0 + MINUTE }), config(p), T0 + 2 * MINUTE);
    expect(nowOf(before)).toMatchObject({ firstContact: 'pending', deadline, overdueBy: null });
    const late = [call(T0 + 10 * MINUTE)];
    const called = timelineOf(facts({ policy: p, touches: late, judgedAt: T0 + MINUTE }), config(p), now);
    expect(nowOf(called)).toMatchObject({ firstContact: 'breached', overdueBy: null });
  });
});
