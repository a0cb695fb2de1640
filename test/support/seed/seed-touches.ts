import type { SlaInstance, Touch } from '../../../src/domain/model.ts';
import type { Policy } from '../../../src/domain/policy.ts';
import { HOUR, type Instant, MINUTE, type Millis, SECOND } from '../../../src/domain/time.ts';
import type { Random } from '../../../src/sandbox/shared/random.ts';

const OUTCOMES = ['Connected', 'No answer', 'Left voicemail', 'Busy', 'Wrong number'] as const;

/** How long after the clock starts a rep first reacts: mostly fast, a tail of slow ones, some never. */
function firstReaction(rnd: Random): Millis | null {
  const r = rnd.next();
  if (r < 0.58) return rnd.int(20, 300) * SECOND;
  if (r < 0.78) return rnd.int(5, 15) * MINUTE;
  if (r < 0.88) return rnd.int(15, 60) * MINUTE;
  if (r < 0.94) return rnd.int(1, 6) * HOUR;
  return null;
}

function talk(outcome: (typeof OUTCOMES)[number], rnd: Random): Millis {
  if (outcome === 'Connected') return rnd.int(60, 900) * SECOND;
  if (outcome === 'Left voicemail') return rnd.int(15, 60) * SECOND;
  return 0;
}

/** Calls (and some e-mails) on one lead, in business time after the clock started; none after `now`. */
export function seedTouches(i: SlaInstance, policy: Policy, rnd: Random, now: Instant): Touch[] {
  const first = firstReaction(rnd);
  if (first === null) return [];
  const cal = policy.calendar;
  const start = cal.nextOpening(i.enteredAt);
  const attempts = rnd.chance(0.08) ? rnd.int(10, 12) : rnd.int(1, 8);
  const out: Touch[] = [];
  let offset = first;
  for (let k = 0; k < attempts; k++) {
    const at = cal.addBusinessTime(start, offset);
    if (at > now) break;
    const email = k === 0 && rnd.chance(0.15);
    const outcome = rnd.pick(OUTCOMES);
    out.push({
      id: `${email ? 'email' : 'call'}:${i.lead.contactId}-${i.stage}-${k}`,
      kind: email ? 'email' : 'call',
      contactId: i.lead.contactId,
      at,
      ownerId: i.ownerId,
      direction: 'outbound',
      status: email ? null : 'COMPLETED',
      outcome: email ? null : outcome,
      durationMs: email ? null : talk(outcome, rnd),
    });
    offset += rnd.int(2, 20) * HOUR;
  }
  return out;
}
