import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/domain/evaluation.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import { verdictFactsOf } from '../../../src/ports/store.ts';
import { evaluationFingerprint, pingFingerprint } from '../../../src/worker/shared/fingerprint.ts';

const pending: Evaluation = {
  instanceId: 'contact:1:sql:0',
  clockStart: 0,
  firstContact: { state: 'pending', deadline: 5 * MINUTE, atRisk: false, left: 5 * MINUTE },
  attempts: null,
  systemDelay: 0,
  repDelay: null,
  acknowledged: null,
  silenced: [],
  nextDueAt: 2 * MINUTE,
  due: [
    {
      key: 'contact:1:sql:0:handoff:o1',
      kind: 'handoff',
      instanceId: 'contact:1:sql:0',
      dueAt: 0,
      targets: [{ kind: 'owner' }],
      reason: { kind: 'handoff', deadline: 5 * MINUTE },
    },
  ],
  settled: false,
};

describe('evaluationFingerprint', () => {
  it('is a short fixed-size string, the same for the same facts whatever the moving numbers', () => {
    const print = evaluationFingerprint(pending);
    expect(print).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(
      evaluationFingerprint({ ...pending, firstContact: { ...pending.firstContact, left: MINUTE } as never }),
    ).toBe(print);
  });

  it('changes with what is acted on: a due notification, the next due moment, settling', () => {
    const print = evaluationFingerprint(pending);
    const [handoff] = pending.due;
    const others: Evaluation[] = [
      { ...pending, due: [] },
      { ...pending, due: pending.due.map((d) => ({ ...d, key: `${d.key}x` })) },
      ...(handoff ? [{ ...pending, due: [handoff, { ...handoff, key: 'contact:1:sql:0:reminder:0' }] }] : []),
      { ...pending, nextDueAt: 3 * MINUTE },
      { ...pending, settled: true },
    ];
    const prints = others.map(evaluationFingerprint);
    expect(new Set([print, ...prints]).size).toBe(others.length + 1);
  });
});

describe('what the handoff ping shows of a first contact', () => {
  const met = (contact?: 'reached' | 'attempt'): Evaluation => ({
    ...pending,
    firstContact: {
      state: 'met',
      deadline: 5 * MINUTE,
      at: MINUTE,
      touchId: 'call:1',
      took: MINUTE,
      ...(contact ? { contact } : {}),
    },
  });
  const late = (contact: 'reached' | 'attempt'): Evaluation => ({
    ...pending,
    firstContact: {
      state: 'breached',
      deadline: 5 * MINUTE,
      lateBy: MINUTE,
      contactedAt: 6 * MINUTE,
      contact,
      excused: false,
    },
  });

  it('changes when a call first logged without an outcome turns out to have connected', () => {
    expect(evaluationFingerprint(met('attempt'))).not.toBe(evaluationFingerprint(met('reached')));
    expect(pingFingerprint(met('attempt'), false)).not.toBe(pingFingerprint(met('reached'), false));
    expect(pingFingerprint(late('attempt'), false)).not.toBe(pingFingerprint(late('reached'), false));
  });

  it('stays as stored for pings that said "Contacted" before the kind was kept', () => {
    expect(pingFingerprint(met('reached'), false)).toBe(pingFingerprint(met(), false));
    expect(pingFingerprint(met('reached'), false)).toBe('met|-|-|open');
    expect(pingFingerprint(late('reached'), false)).toBe('breached:contacted:false|-|-|open');
  });

  it('is the same told from the stored summary as from the evaluation', () => {
    for (const e of [met('attempt'), met('reached'), late('attempt'), late('reached'), pending])
      expect(pingFingerprint(verdictFactsOf(e), false)).toBe(pingFingerprint(e, false));
  });
});
