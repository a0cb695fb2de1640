import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/domain/evaluation.ts';
import { InstanceMemory } from '../../../src/worker/memory/instance-memory.ts';
import type { OpenInstance } from '../../../src/worker/memory/open-instance.ts';
import { type VerdictTally, verdictOf } from '../../../src/worker/memory/settled-instances.ts';
import { instance } from '../../domain/sla/builders.ts';

type Verdict = 'none' | 'pending' | 'met' | 'met-settled' | 'breached' | 'excused';

const evaluationOf = (id: string, verdict: Exclude<Verdict, 'none'>): Evaluation => ({
  instanceId: id,
  clockStart: 0,
  firstContact:
    verdict === 'pending'
      ? { state: 'pending', deadline: 1, atRisk: false, left: 1 }
      : verdict === 'met' || verdict === 'met-settled'
        ? { state: 'met', deadline: 1, at: 0, touchId: 't', took: 0 }
        : { state: 'breached', deadline: 1, lateBy: 1, contactedAt: null, excused: verdict === 'excused' },
  attempts: null,
  systemDelay: 0,
  repDelay: null,
  acknowledged: null,
  silenced: [],
  nextDueAt: null,
  due: [],
  settled: verdict === 'met-settled',
});

const openInstance = (n: number, ownerId: string | null, verdict: Verdict): OpenInstance => {
  const i = instance({ enteredAt: n, ownerId });
  return {
    instance: i,
    evaluation: verdict === 'none' ? null : evaluationOf(i.id, verdict),
    fingerprint: verdict === 'none' ? null : `fp-${verdict}`,
    pingRef: null,
    pingState: null,
  };
};

const step = fc.oneof(
  fc.record({
    op: fc.constant('put' as const),
    n: fc.integer({ min: 0, max: 5 }),
    ownerId: fc.constantFrom('o1', 'o2', 'o3', null),
    verdict: fc.constantFrom<Verdict>('none', 'pending', 'met', 'met-settled', 'breached', 'excused'),
  }),
  fc.record({ op: fc.constant('close' as const), n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('settle' as const) }),
);

/** The tally and the owners as a pass over every instance held would find them. */
function recount(memory: InstanceMemory): { tally: VerdictTally; owners: string[] } {
  const tally: VerdictTally = { pending: 0, met: 0, breached: 0, excused: 0 };
  const owners = new Set<string>();
  for (const o of memory.hot.values()) {
    if (o.evaluation) tally[verdictOf(o.evaluation)] += 1;
    if (o.instance.ownerId !== null) owners.add(o.instance.ownerId);
  }
  for (const s of memory.settled.values()) tally[s.verdict] += 1;
  return { tally, owners: [...owners].sort() };
}

describe('InstanceMemory counts its hot instances as they come and go', () => {
  it('the tally and the owners of the hot instances equal a fresh count after any puts, closes and settles', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const memory = new InstanceMemory();
        for (const s of steps) {
          if (s.op === 'put') memory.put(openInstance(s.n, s.ownerId, s.verdict));
          else if (s.op === 'close') memory.close(instance({ enteredAt: s.n }).id, 0);
          else memory.settle();
          const expected = recount(memory);
          expect(memory.tally()).toEqual(expected.tally);
          expect([...memory.hotOwnerIds()].sort()).toEqual(expected.owners);
        }
      }),
    );
  });
});
