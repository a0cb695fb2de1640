import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/domain/evaluation.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import { evaluationFingerprint } from '../../../src/worker/shared/fingerprint.ts';

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
