import { describe, expect, it } from 'vitest';
import { entryTime } from '../../src/hubspot/property-history.ts';

const h = (value: string | null, timestamp: string) => ({ value, timestamp, sourceType: 'CRM_UI' });

describe('entry time from property history', () => {
  it.each([
    {
      name: 'newest entry holds the value',
      history: [h('SALES_ACCEPTED', '2024-05-01T10:05:00Z'), h('NEW', '2024-05-01T09:00:00Z')],
      expected: { ok: true, at: Date.parse('2024-05-01T10:05:00Z') },
    },
    {
      name: 'setting the same value again does not restart the clock',
      history: [
        h('SALES_ACCEPTED', '2024-05-01T10:07:00Z'),
        h('SALES_ACCEPTED', '2024-05-01T10:05:00Z'),
        h('NEW', '2024-05-01T09:00:00Z'),
      ],
      expected: { ok: true, at: Date.parse('2024-05-01T10:05:00Z') },
    },
    {
      name: 're-entering after leaving counts from the re-entry',
      history: [
        h('SALES_ACCEPTED', '2024-05-03T08:00:00Z'),
        h('BAD_TIMING', '2024-05-02T08:00:00Z'),
        h('SALES_ACCEPTED', '2024-05-01T10:05:00Z'),
      ],
      expected: { ok: true, at: Date.parse('2024-05-03T08:00:00Z') },
    },
    {
      name: 'history out of order is sorted by timestamp first',
      history: [h('NEW', '2024-05-01T09:00:00Z'), h('SALES_ACCEPTED', '2024-05-01T10:05:00Z')],
      expected: { ok: true, at: Date.parse('2024-05-01T10:05:00Z') },
    },
    {
      name: 'epoch milliseconds as timestamps',
      history: [h('SALES_ACCEPTED', '1714557900000')],
      expected: { ok: true, at: 1714557900000 },
    },
  ])('$name', ({ history, expected }) => {
    expect(entryTime(history, 'SALES_ACCEPTED')).toEqual(expected);
  });

  it('fails when the property moved on since the search saw it', () => {
    const result = entryTime(
      [h('UNQUALIFIED', '2024-05-01T10:08:00Z'), h('SALES_ACCEPTED', '2024-05-01T10:05:00Z')],
      'SALES_ACCEPTED',
    );
    expect(result).toEqual({ ok: false, reason: 'property no longer "SALES_ACCEPTED" (now "UNQUALIFIED")' });
  });

  it('fails on missing or unusable history', () => {
    expect(entryTime(undefined, 'X').ok).toBe(false);
    expect(entryTime([h('X', 'yesterday')], 'X')).toEqual({
      ok: false,
      reason: 'no usable property history',
    });
  });
});
