import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/domain/timeline/index.ts';
import { translator } from '../../../src/i18n/translate.ts';
import { type DescribeContext, describeEvent } from '../../../src/reports/timeline/describe-event.ts';

const names: Record<string, string> = { o1: 'Bram Bakker', o2: 'Eva Smit' };
const c: DescribeContext = {
  t: translator(),
  zone: 'Europe/Amsterdam',
  owner: (id) => (id === null ? 'nobody' : (names[id] ?? id)),
  stage: (key) => key.toUpperCase(),
};

const event = (over: Partial<Extract<TimelineEvent, { kind: 'reassigned' }>>): TimelineEvent => ({
  kind: 'reassigned',
  at: 0,
  by: 'escalation',
  level: 2,
  rule: { kind: 'round_robin' },
  from: 'o1',
  to: 'o2',
  toEmail: 'eva@example.com',
  deadline: 0,
  state: 'written',
  ...over,
});

describe('a reassignment in the timeline (issue 18)', () => {
  it('says who from, to whom, why and how the HubSpot write ended', () => {
    expect(describeEvent(event({}), c)).toBe(
      'Escalation level 3 reassigned the lead from Bram Bakker to Eva Smit (round-robin): written to HubSpot',
    );
    expect(describeEvent(event({ rule: { kind: 'team', team: 'benelux' }, state: 'superseded' }), c)).toBe(
      'Escalation level 3 reassigned the lead from Bram Bakker to Eva Smit (the next rep of team benelux): left alone, a person changed the owner in HubSpot first',
    );
    expect(describeEvent(event({ by: 'claim', level: null, rule: null, state: 'pending' }), c)).toBe(
      'Eva Smit took the lead from Bram Bakker with “Take it” in the team channel: not written to HubSpot yet',
    );
  });
});
