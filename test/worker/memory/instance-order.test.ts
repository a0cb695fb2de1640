import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { watchedLeadsOf } from '../../../src/hubspot/reconcile-schedule.ts';
import type { WatchedInstance } from '../../../src/ports/crm-source.ts';
import { InstanceOrder } from '../../../src/worker/memory/instance-order.ts';

type Instance = WatchedInstance & { readonly id: string };

const instance = (objectType: 'contact' | 'lead', objectId: string, enteredAt: number): Instance => ({
  id: `${objectType}:${objectId}:sql:${enteredAt}`,
  lead: { objectType, objectId, contactId: objectType === 'contact' ? objectId : `c${objectId}` },
  stage: 'sql',
  enteredAt,
  ownerId: null,
});

const instanceArb = fc
  .record({
    objectType: fc.constantFrom('contact' as const, 'lead' as const),
    objectId: fc.constantFrom('1', '10', '2', '20', '3', '100'),
    enteredAt: fc.integer({ min: 0, max: 4 }),
  })
  .map((r) => instance(r.objectType, r.objectId, r.enteredAt));

/** A `InstanceOrder` over a map the test changes, as `WorkerState` keeps it. */
function orderOver(open: Map<string, Instance>) {
  return new InstanceOrder((id) => open.get(id));
}

describe('open instances kept in lead-key order for the read-back', () => {
  it('answers as a freshly sorted list of the same open instances would, whatever came and went', () => {
    fc.assert(
      fc.property(
        fc.array(instanceArb, { maxLength: 30 }),
        fc.array(fc.tuple(fc.boolean(), instanceArb), { maxLength: 60 }),
        fc.option(fc.constantFrom('contact:1', 'contact:15', 'lead:2', 'lead:99', 'a', 'z'), { nil: null }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 5 }),
        (loaded, steps, after, count, since) => {
          const open = new Map<string, Instance>();
          const order = orderOver(open);
          // A start places what it loaded all at once; the cycles after it one at a time.
          for (const i of loaded) open.set(i.id, i);
          order.addAll(loaded);
          for (const [adding, i] of steps) {
            if (adding) {
              open.set(i.id, i);
              order.add(i);
            } else if (open.has(i.id)) {
              order.remove(i);
              open.delete(i.id);
            }
          }
          const expected = watchedLeadsOf([...open.values()]);

          expect(order.size).toBe(expected.size);
          expect(order.instances).toBe(open.size);
          const keys = order.next(after, count);
          expect(keys).toEqual(expected.next(after, count));
          for (const key of keys) expect(order.get(key)).toEqual(expected.get(key));
          expect(order.recent(since).sort()).toEqual(expected.recent(since).sort());
        },
      ),
    );
  });

  it('adding an instance twice or removing an unknown one changes nothing', () => {
    const open = new Map<string, Instance>();
    const order = orderOver(open);
    const a = instance('contact', '7', 1);
    open.set(a.id, a);
    order.add(a);
    order.add(a);
    order.remove(instance('contact', '8', 1));
    expect(order.size).toBe(1);
    expect(order.instances).toBe(1);
    expect(order.next(null, 5)).toEqual(['contact:7']);
  });
});
