import { describe, expect, it } from 'vitest';
import type { FirstContactVerdict } from '../../../src/domain/evaluation.ts';
import { firstContactAt, firstContactStatus } from '../../../src/domain/sla/first-contact-outcome.ts';

const pending = (atRisk: boolean): FirstContactVerdict => ({
  state: 'pending',
  deadline: 1000,
  atRisk,
  left: 10,
});
const met: FirstContactVerdict = { state: 'met', deadline: 1000, at: 900, touchId: 't1', took: 50 };
const breached = (contactedAt: number | null, excused: boolean): FirstContactVerdict => ({
  state: 'breached',
  deadline: 1000,
  lateBy: 200,
  contactedAt,
  excused,
});

describe('first-contact outcome', () => {
  it.each([
    ['pending, not at risk', pending(false), 'pending', null],
    ['pending and at risk', pending(true), 'at_risk', null],
    ['met: contacted in time', met, 'met', 900],
    ['breached with no contact yet', breached(null, false), 'breached', null],
    ['breached with a late contact', breached(1200, false), 'breached', 1200],
    ['breached inside an outage (excused)', breached(1200, true), 'excused', 1200],
  ] as const)('%s', (_name, verdict, status, contactAt) => {
    expect(firstContactStatus(verdict)).toBe(status);
    expect(firstContactAt(verdict)).toBe(contactAt);
  });
});
