import { describe, expect, it } from 'vitest';
import { internInstance, internTouch } from '../../../src/worker/memory/intern-records.ts';
import { Interner } from '../../../src/worker/memory/interner.ts';
import { call, handoff } from '../../fakes/sla-fixtures.ts';

/** A string equal to `s` built at run time: a separate object, as parsed JSON or rows are. */
const copy = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

describe('Interner', () => {
  it('gives back the first of equal strings, and passes null through', () => {
    const strings = new Interner();
    const first = copy('Netherlands');
    expect(strings.intern(first)).toBe(first);
    expect(strings.intern(copy('Netherlands'))).toBe(first);
    expect(strings.maybe(copy('Netherlands'))).toBe(first);
    expect(strings.maybe(null)).toBeNull();
    expect(strings.size).toBe(1);
  });

  it('leaves long strings alone', () => {
    const strings = new Interner({ maxLength: 8 });
    expect(strings.intern('a'.repeat(9))).toBe('a'.repeat(9));
    expect(strings.size).toBe(0);
  });

  it('holds at most maxEntries strings, starting over when full', () => {
    const strings = new Interner({ maxEntries: 3 });
    for (const s of ['a', 'b', 'c']) strings.intern(s);
    expect(strings.size).toBe(3);
    strings.intern('d');
    expect(strings.size).toBe(1);
    const again = copy('d');
    expect(strings.intern(again)).toBe('d');
  });
});

describe('shared strings of what the worker keeps', () => {
  it("an instance keeps its values, its lead's fields and properties share strings", () => {
    const strings = new Interner();
    const h = handoff('c1', 0);
    const raw = {
      ...h.lead,
      country: copy('Netherlands'),
      source: copy('ORGANIC_SEARCH'),
      properties: { country: copy('Netherlands'), hs_analytics_source: copy('ORGANIC_SEARCH'), x: null },
    };
    const instance = {
      id: 'contact:c1:sql:0',
      lead: raw,
      stage: 'sql',
      policyName: 'sql-follow-up',
      enteredAt: 0,
      ownerId: copy('o1'),
      ownerAssignedAt: 0,
      firstSeenAt: 0,
      closedAt: null,
      closeReason: null,
    };

    const a = internInstance(strings, instance);
    const b = internInstance(strings, { ...instance, lead: { ...raw, country: copy('Netherlands') } });

    expect(a).toEqual(instance);
    expect(a.lead.properties.country).toBe(a.lead.country);
    expect(a.lead.properties.hs_analytics_source).toBe(a.lead.source);
    expect(b.lead.country).toBe(a.lead.country);
    expect(b.ownerId).toBe(a.ownerId);
  });

  it('a touch keeps its values and shares its contact, owner, status and outcome', () => {
    const strings = new Interner();
    const t = { ...call('1', copy('c1'), 0), status: copy('COMPLETED'), outcome: copy('Connected') };
    const u = { ...call('2', copy('c1'), 0), status: copy('COMPLETED'), outcome: copy('Connected') };

    const [a, b] = [internTouch(strings, t), internTouch(strings, u)];

    expect(a).toEqual(t);
    expect(b.contactId).toBe(a.contactId);
    expect(b.status).toBe(a.status);
    expect(b.outcome).toBe(a.outcome);
  });
});
