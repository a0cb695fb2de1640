import { describe, expect, it } from 'vitest';
import { plainStyle } from '../../src/demo/style.ts';
import { summarize } from '../../src/demo/summary.ts';
import { formatSummary } from '../../src/demo/summary-table.ts';
import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { OutboxEntry, StoredInstance } from '../../src/ports/store.ts';
import { evaluation, instance, snapshot, T0 } from '../slack/support/fixtures.ts';

const stored = (
  id: string,
  firstName: string,
  fc: Evaluation['firstContact'],
  over: Partial<Evaluation> = {},
) => {
  const i = instance({ id, lead: snapshot({ firstName, lastName: 'Doe', company: 'Acme' }), enteredAt: T0 });
  return {
    instance: i,
    evaluation: evaluation({ instanceId: id, firstContact: fc, ...over }),
    pingRef: null,
    pingState: null,
  } satisfies StoredInstance;
};

const sent = (
  instanceId: string | null,
  kind: OutboxEntry['kind'],
  n: number,
  fallback: string | null = null,
) =>
  Array.from(
    { length: n },
    (_, i): OutboxEntry => ({
      key: `${instanceId}:${kind}:${i}`,
      instanceId,
      kind,
      target: null,
      payload: {},
      dueAt: T0,
      createdAt: T0,
      state: 'sent',
      attempts: 1,
      nextAttemptAt: T0,
      lastError: null,
      ref: { channel: 'D1', ts: '1.1' },
      sentAt: T0,
      inDoubtSince: null,
      claimedEpoch: null,
      claimedAt: null,
      shown: null,
      aboutOwner: null,
      copies: null,
      edit: null,
      fallback,
    }),
  );

const NOW = T0 + 120_000;
const deadline = T0 + 60_000;

describe('the demo summary', () => {
  const summary = summarize({
    instances: [
      stored('a', 'Met', { state: 'met', deadline, at: T0 + 15_000, touchId: 'call:1', took: 15_000 }),
      stored('b', 'Late', {
        state: 'breached',
        deadline,
        lateBy: 6_000,
        contactedAt: deadline + 6_000,
        excused: false,
      }),
      stored('c', 'Never', {
        state: 'breached',
        deadline,
        lateBy: 60_000,
        contactedAt: null,
        excused: false,
      }),
      // Judged before its deadline passed; the demo ended after it: a breach all the same.
      stored('d', 'Stale', { state: 'pending', deadline: NOW - 1_000, atRisk: true, left: 0 }),
      stored(
        'e',
        'Night',
        { state: 'pending', deadline: NOW + 3_600_000, atRisk: false, left: 120_000 },
        { clockStart: NOW + 3_480_000 },
      ),
      stored(
        'f',
        'Office',
        { state: 'met', deadline, at: T0 + 100_000, touchId: 'call:2', took: 40_000 },
        { clockStart: T0 + 60_000 },
      ),
    ],
    outbox: [
      ...sent('a', 'handoff', 1),
      ...sent('b', 'handoff', 1, '#sales-dach: felix is not in Slack'),
      ...sent('b', 'breach', 1),
      ...sent('c', 'handoff', 1),
      ...sent('c', 'reminder', 1),
      ...sent('c', 'breach', 1),
      ...sent('c', 'escalation', 4),
      ...sent('e', 'handoff', 1),
      ...sent('f', 'handoff', 1),
      ...sent(null, 'admin_alert', 1),
      { ...(sent('d', 'handoff', 1)[0] as OutboxEntry), state: 'failed', lastError: 'channel_not_found' },
      {
        ...(sent('c', 'reminder', 1)[0] as OutboxEntry),
        key: 'c:reminder:stale',
        state: 'failed',
        lastError: 'skipped: stale reminder, its deadline has passed',
      },
    ],
    ownerName: () => 'Bram Bakker',
    stageLabel: () => 'SQL',
    formatTime: (at) => `T+${(at - T0) / 1000}s`,
    now: NOW,
  });

  it('gives each lead its verdict and what was sent about it', () => {
    expect(summary.leads.map((l) => [l.lead, l.pinged, l.verdict, l.detail, l.escalations])).toEqual([
      ['Met Doe (Acme)', 'owner', 'met', 'met in 15s', 0],
      ['Late Doe (Acme)', 'fallback', 'late', 'contacted 6s late', 0],
      ['Never Doe (Acme)', 'owner', 'breached', 'no contact logged', 4],
      ['Stale Doe (Acme)', 'no', 'breached', 'no contact logged', 0],
      ['Night Doe (Acme)', 'owner', 'waiting', 'clock starts T+3600s', 0],
      ['Office Doe (Acme)', 'owner', 'met', 'met in 40s of office time (1m40s after it arrived)', 0],
    ]);
  });

  it('adds up the totals, counting only messages Slack accepted', () => {
    expect(summary.totals).toEqual({
      handedOff: 6,
      pinged: 5,
      viaFallback: 1,
      met: 2,
      breached: 3,
      pending: 1,
      reminders: 1,
      breachNotes: 2,
      escalations: 4,
      adminAlerts: 1,
      skipped: 1,
      failed: 1,
    });
  });

  it('prints a table with one row per lead, counts right-aligned, and a totals line', () => {
    expect(formatSummary(summary, plainStyle).split('\n')).toEqual([
      'Summary',
      '',
      'Lead               Stage  Rep          Pinged    First contact                                       Reminders  Breach  Escalations',
      'Met Doe (Acme)     SQL    Bram Bakker  DM        met in 15s                                                  0       0            0',
      'Late Doe (Acme)    SQL    Bram Bakker  fallback  contacted 6s late                                           0       1            0',
      'Never Doe (Acme)   SQL    Bram Bakker  DM        no contact logged                                           1       1            4',
      'Stale Doe (Acme)   SQL    Bram Bakker  no        no contact logged                                           0       0            0',
      'Night Doe (Acme)   SQL    Bram Bakker  DM        clock starts T+3600s                                        0       0            0',
      'Office Doe (Acme)  SQL    Bram Bakker  DM        met in 40s of office time (1m40s after it arrived)          0       0            0',
      '',
      'Totals: 6 handed off · 5 pinged (1 via a fallback) · 2 met · 3 breached · 1 still open · 1 reminder · 2 breach notes · 4 escalations · 1 admin alert · 1 message skipped as stale · 1 message failed',
    ]);
  });

  it('calls a late call that did not connect a first attempt, not a contact', () => {
    const attempt = summarize({
      instances: [
        stored('v', 'Voicemail', {
          state: 'breached',
          deadline,
          lateBy: 6_000,
          contactedAt: deadline + 6_000,
          contact: 'attempt',
          excused: false,
        }),
      ],
      outbox: [],
      ownerName: () => 'Chris Claes',
      stageLabel: () => 'SQL',
      formatTime: (at) => `T+${(at - T0) / 1000}s`,
      now: NOW,
    });
    expect(attempt.leads.map((l) => [l.verdict, l.detail])).toEqual([['late', 'first attempt 6s late']]);
  });

  it("says a clock that restarted for a new owner is the new owner's, not office time", () => {
    const met = stored(
      'r',
      'Moved',
      { state: 'met', deadline, at: T0 + 100_000, touchId: 'call:3', took: 3_000 },
      { clockStart: T0 + 97_000 },
    );
    const moved = { ...met, instance: { ...met.instance, ownerChangedAt: T0 + 97_000 } };
    const summary = summarize({
      instances: [moved],
      outbox: [],
      ownerName: () => 'Bram Bakker',
      stageLabel: () => 'SQL',
      formatTime: (at) => `T+${(at - T0) / 1000}s`,
      now: NOW,
    });
    expect(summary.leads.map((l) => l.detail)).toEqual([
      "met in 3s on the new owner's clock (1m40s after it arrived)",
    ]);
  });
});
