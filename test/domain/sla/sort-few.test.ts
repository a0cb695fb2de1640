import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFew } from '../../../src/domain/sla/sort-few.ts';
import { byTime } from '../../../src/domain/sla/touch-rules.ts';
import { call } from './builders.ts';

interface Item {
  readonly at: number;
  readonly id: string;
  /** Where it stood before sorting: tells a stable order from another. */
  readonly was: number;
}

const items = (maxLength: number) =>
  fc
    .array(fc.record({ at: fc.integer({ min: 0, max: 5 }), id: fc.constantFrom('a', 'b', 'c') }), {
      maxLength,
    })
    .map((list) => list.map((x, was) => ({ ...x, was })));

const byAt = (a: Item, b: Item): number => a.at - b.at;

describe('sortFew: the order Array.prototype.sort gives, without its allocation for a few items', () => {
  it('equals a stable sort, ties left in their order, with few items and with many', () => {
    fc.assert(
      fc.property(items(80), (list) => {
        const expected = [...list].sort(byAt);
        const sorted = [...list];
        expect(sortFew(sorted, byAt)).toBe(sorted); // in place, like `sort`
        expect(sorted).toEqual(expected);
      }),
    );
  });

  it("sorts touches as the engine's `byTime` does (time, then id)", () => {
    fc.assert(
      fc.property(items(40), (list) => {
        const touches = list.map((x) => call(x.at, { id: `${x.id}${x.was % 3}` }));
        expect(sortFew([...touches], byTime)).toEqual([...touches].sort(byTime));
      }),
    );
  });
});
