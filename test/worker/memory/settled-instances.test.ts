import { describe, expect, it } from 'vitest';
import { type SettledInstance, SettledInstances } from '../../../src/worker/memory/settled-instances.ts';

const entry = (overrides: Partial<SettledInstance> & Pick<SettledInstance, 'id'>): SettledInstance => ({
  lead: { objectType: 'contact', objectId: 'c1', contactId: 'c1' },
  stage: 'sql',
  enteredAt: 0,
  ownerId: 'o1',
  verdict: 'met',
  ownedSince: 0,
  ...overrides,
});

describe('the index of settled open instances', () => {
  it('finds them by contact, by Leads-object record and by id, and counts them by verdict and owner', () => {
    const index = new SettledInstances();
    index.add(entry({ id: 'a' }));
    index.add(entry({ id: 'b', stage: 'mql', verdict: 'breached' }));
    index.add(
      entry({ id: 'l', lead: { objectType: 'lead', objectId: '77', contactId: 'c1' }, ownerId: 'o2' }),
    );
    index.add(
      entry({ id: 'x', lead: { objectType: 'contact', objectId: 'c2', contactId: 'c2' }, ownerId: null }),
    );

    expect(index.ofContacts(['c1']).sort()).toEqual(['a', 'b', 'l']);
    expect([...index.ofLead('contact', 'c1')].sort()).toEqual(['a', 'b']);
    expect(index.ofLead('lead', '77')).toEqual(['l']);
    expect(index.ofLead('lead', 'c1')).toEqual([]);
    expect(index.countOfOwners(['o1'])).toBe(2);
    expect(index.countOfOwners(['o1', 'o2', 'nobody'])).toBe(3);
    const tally = { pending: 0, met: 0, breached: 0, excused: 0 };
    index.addTallyTo(tally);
    expect(tally).toEqual({ pending: 0, met: 3, breached: 1, excused: 0 });

    index.setVerdict('a', 'excused');
    expect(index.remove('b')?.stage).toBe('mql');
    expect(index.remove('b')).toBeUndefined();
    index.remove('l');

    expect(index.size).toBe(2);
    expect(index.ofContacts(['c1'])).toEqual(['a']);
    expect(index.ofLead('lead', '77')).toEqual([]);
    expect(index.countOfOwners(['o1', 'o2'])).toBe(1);
    const after = { pending: 0, met: 0, breached: 0, excused: 0 };
    index.addTallyTo(after);
    expect(after).toEqual({ pending: 0, met: 1, breached: 0, excused: 1 });
  });

  it('adding an instance again replaces it, counts included', () => {
    const index = new SettledInstances();
    index.add(entry({ id: 'a' }));
    index.add(entry({ id: 'a', ownerId: 'o9', verdict: 'breached' }));
    expect(index.size).toBe(1);
    expect(index.countOfOwners(['o1'])).toBe(0);
    expect(index.countOfOwners(['o9'])).toBe(1);
    expect(index.ofContacts(['c1'])).toEqual(['a']);
  });
});
