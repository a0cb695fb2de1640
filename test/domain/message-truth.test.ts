import { describe, expect, it } from 'vitest';
import type { Evaluation, FirstContactVerdict, NotificationReason } from '../../src/domain/evaluation.ts';
import {
  type MessageTruth,
  messageTruth,
  shownFingerprint,
  UNASSIGNED,
} from '../../src/domain/message-truth.ts';
import type { SlaInstance } from '../../src/domain/model.ts';
import { MINUTE } from '../../src/domain/time.ts';
import { evaluation, instance, T0 } from '../slack/support/fixtures.ts';

const D = T0 + 5 * MINUTE;
const pending: FirstContactVerdict = { state: 'pending', deadline: D, atRisk: false, left: MINUTE };
const metAt = (at: number): FirstContactVerdict => ({
  state: 'met',
  deadline: D,
  at,
  touchId: 'call:1',
  took: at - T0,
  contact: 'reached',
});
const lateAt = (
  at: number | null,
  contact: 'reached' | 'attempt' = 'reached',
  over: { lateBy?: number; excused?: boolean } = {},
): FirstContactVerdict => ({
  state: 'breached',
  deadline: D,
  lateBy: over.lateBy ?? (at ?? D + 9 * MINUTE) - D,
  contactedAt: at,
  contact: at === null ? null : contact,
  excused: over.excused ?? false,
});

const breach: NotificationReason = { kind: 'breach', deadline: D, excused: false };
const escalation: NotificationReason = {
  kind: 'escalation',
  level: 0,
  repeat: 1,
  deadline: D,
  excused: false,
};
const reminder: NotificationReason = { kind: 'reminder', index: 0, deadline: D, left: 2 * MINUTE };
const handoff: NotificationReason = { kind: 'handoff', deadline: D };
const shortfall: NotificationReason = { kind: 'attempts_shortfall', made: 2, required: 6 };
const overkill: NotificationReason = { kind: 'overkill', made: 10, atMost: 9 };

const recycled: Partial<SlaInstance> = { closedAt: D + MINUTE, closeReason: 'recycled' };
const attempts = (state: 'open' | 'met' | 'short', made: number) =>
  ({ made, required: 6, atMost: 9, windowEnd: D + 60 * MINUTE, state, overkill: false }) as const;

/** [what, reason, whose lead it was when sent, instance now, first contact now, expected truth] */
const cases: readonly [
  string,
  NotificationReason,
  string | null,
  Partial<SlaInstance>,
  Partial<Evaluation>,
  MessageTruth,
][] = [
  ['breach, still uncontacted', breach, 'o-bram', {}, { firstContact: lateAt(null) }, { state: 'open' }],
  [
    'breach, contacted late',
    breach,
    'o-bram',
    {},
    { firstContact: lateAt(D + 7 * MINUTE) },
    { state: 'resolved', at: D + 7 * MINUTE, lateBy: 7 * MINUTE, contact: 'reached' },
  ],
  [
    'escalation, a call that did not connect, late',
    escalation,
    'o-bram',
    {},
    { firstContact: lateAt(D + MINUTE, 'attempt') },
    { state: 'resolved', at: D + MINUTE, lateBy: MINUTE, contact: 'attempt' },
  ],
  [
    'escalation, a backdated touch within the deadline',
    escalation,
    'o-bram',
    {},
    { firstContact: metAt(D - 3 * MINUTE) },
    { state: 'corrected', at: D - 3 * MINUTE, contact: 'reached' },
  ],
  [
    'breach, contacted late and then recycled: the contact is the news',
    breach,
    'o-bram',
    recycled,
    { firstContact: lateAt(D + MINUTE) },
    { state: 'resolved', at: D + MINUTE, lateBy: MINUTE, contact: 'reached' },
  ],
  [
    'breach, recycled uncontacted',
    breach,
    'o-bram',
    recycled,
    { firstContact: lateAt(null) },
    { state: 'ended', ending: { kind: 'closed', reason: 'recycled', detail: null } },
  ],
  [
    'breach, reassigned (and then contacted by the new rep, late)',
    breach,
    'o-bram',
    { ownerId: 'o-fien' },
    { firstContact: lateAt(D + MINUTE) },
    { state: 'ended', ending: { kind: 'reassigned', from: 'o-bram', to: 'o-fien' } },
  ],
  [
    'breach sent before whose lead it was was kept: never told reassigned',
    breach,
    null,
    { ownerId: 'o-fien' },
    { firstContact: lateAt(null) },
    { state: 'open' },
  ],
  [
    'breach of a restarted clock: the new rep met *their* deadline, not this one',
    breach,
    'o-bram',
    { ownerId: 'o-fien' },
    { firstContact: { ...metAt(D + 8 * MINUTE), deadline: D + 10 * MINUTE } },
    { state: 'ended', ending: { kind: 'reassigned', from: 'o-bram', to: 'o-fien' } },
  ],
  [
    'reminder, contacted',
    reminder,
    'o-bram',
    {},
    { firstContact: metAt(D - MINUTE) },
    { state: 'done', at: D - MINUTE, contact: 'reached' },
  ],
  [
    'reminder of an unassigned lead, now assigned',
    reminder,
    UNASSIGNED,
    { ownerId: 'o-bram' },
    { firstContact: pending },
    { state: 'ended', ending: { kind: 'reassigned', from: UNASSIGNED, to: 'o-bram' } },
  ],
  [
    'reminder, the owner removed',
    reminder,
    'o-bram',
    { ownerId: null },
    { firstContact: pending },
    { state: 'ended', ending: { kind: 'reassigned', from: 'o-bram', to: null } },
  ],
  [
    'ping, merged away',
    handoff,
    'o-bram',
    { closedAt: D, closeReason: 'deleted', closeDetail: '999' },
    { firstContact: pending },
    { state: 'open' },
  ],
  [
    'ping, reassigned',
    handoff,
    'o-bram',
    { ownerId: 'o-fien' },
    { firstContact: pending },
    { state: 'ended', ending: { kind: 'reassigned', from: 'o-bram', to: 'o-fien' } },
  ],
  [
    'shortfall, the window’s attempts met after all',
    shortfall,
    'o-bram',
    {},
    { firstContact: metAt(D - MINUTE), attempts: attempts('met', 6) },
    { state: 'attempts_met', made: 6, required: 6 },
  ],
  [
    'shortfall, not a fit',
    shortfall,
    'o-bram',
    { closedAt: D, closeReason: 'not_a_fit', closeDetail: 'slack:U1' },
    { firstContact: metAt(D - MINUTE), attempts: attempts('short', 2) },
    { state: 'ended', ending: { kind: 'closed', reason: 'not_a_fit', detail: 'slack:U1' } },
  ],
  ['overkill, still open', overkill, 'o-bram', {}, { firstContact: metAt(D - MINUTE) }, { state: 'open' }],
];

describe('what a sent message should say now (messageTruth)', () => {
  it.each(cases)('%s', (_what, reason, aboutOwner, over, e, expected) => {
    const i = instance({ ownerId: 'o-bram', ...over });
    expect(messageTruth({ reason, aboutOwner }, i, evaluation(e))).toEqual(expected);
  });

  it('the fingerprint moves with what an open message shows, never with the clock', () => {
    const i = instance({ ownerId: 'o-bram' });
    const fp = (e: Partial<Evaluation>, reason: NotificationReason = handoff) =>
      shownFingerprint({ reason, aboutOwner: 'o-bram' }, i, evaluation(e));
    // The seconds left and how late an uncontacted lead is are not shown facts.
    expect(fp({ firstContact: { ...pending, left: MINUTE } })).toBe(
      fp({ firstContact: { ...pending, left: 1 } }),
    );
    expect(fp({ firstContact: lateAt(null) }, breach)).toBe(
      fp({ firstContact: lateAt(null, 'reached', { lateBy: 99 * MINUTE }) }, breach),
    );
    // An attempt logged, "On it", an outage found later: the ping or the breach note shows it.
    expect(fp({ attempts: attempts('open', 1) })).not.toBe(fp({ attempts: attempts('open', 2) }));
    expect(fp({})).not.toBe(fp({ acknowledged: { instanceId: i.id, by: 'bram@example.com', at: T0 } }));
    expect(fp({ firstContact: lateAt(null) }, breach)).not.toBe(
      fp({ firstContact: lateAt(null, 'reached', { excused: true }) }, breach),
    );
  });
});
