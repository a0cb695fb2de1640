import type { FirstContactVerdict } from '../evaluation.ts';
import type { Instant } from '../time.ts';

/** The first-contact verdict as one status word (HubSpot write-back values). */
export type FirstContactStatus = 'pending' | 'at_risk' | 'met' | 'breached' | 'excused';

export function firstContactStatus(fc: FirstContactVerdict): FirstContactStatus {
  if (fc.state === 'pending') return fc.atRisk ? 'at_risk' : 'pending';
  if (fc.state === 'met') return 'met';
  return fc.excused ? 'excused' : 'breached';
}

/** When the first contact happened: in time (met) or too late (breached); null while none. */
export function firstContactAt(fc: FirstContactVerdict): Instant | null {
  if (fc.state === 'met') return fc.at;
  return fc.state === 'breached' ? fc.contactedAt : null;
}
