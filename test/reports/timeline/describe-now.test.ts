import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
import type { TimelineEvent } from '../../../src/domain/timeline/index.ts';
import type { Lang } from '../../../src/i18n/language.ts';
import { translator } from '../../../src/i18n/translate.ts';
import { type DescribeContext, describeEvent } from '../../../src/reports/timeline/describe-event.ts';
import { T0 } from '../../domain/sla/builders.ts';

const context = (code: Lang): DescribeContext => ({
  t: translator({ code, informal: false }),
  zone: 'UTC',
  owner: (id) => (id === 'rep-1' ? 'Bram Bakker' : (id ?? 'nobody')),
  stage: (key) => key.toUpperCase(),
});

const now = (over: Partial<Extract<TimelineEvent, { kind: 'now' }>>): TimelineEvent => ({
  kind: 'now',
  at: T0 + 20 * MINUTE,
  firstContact: 'breached',
  deadline: T0 + 5 * MINUTE,
  overdueBy: 15 * MINUTE,
  breachRecorded: false,
  nextCheckAt: null,
  ...over,
});

describe('"Now" in the timeline', () => {
  it('says a deadline passed without contact is missed, and when the worker has not recorded it', () => {
    const c = context('en');
    expect(describeEvent(now({}), c)).toBe(
      'Now: deadline Mon 5 Jan 2026, 09:05:00 UTC passed 15m ago without contact; the worker has not recorded the breach yet (it has not run since)',
    );
    expect(describeEvent(now({ breachRecorded: true }), c)).toBe(
      'Now: deadline Mon 5 Jan 2026, 09:05:00 UTC missed 15m ago, still no contact',
    );
    expect(describeEvent(now({ firstContact: 'pending', overdueBy: null }), c)).toBe(
      'Now: waiting for first contact, deadline Mon 5 Jan 2026, 09:05:00 UTC',
    );
  });

  it.each([
    ['nl', /^Nu: deadline .+ 15 min geleden verstreken zonder contact; de worker heeft/],
    ['de', /^Jetzt: Frist .+ vor 15 Min\. ohne Kontakt verstrichen; der Worker hat/],
  ] as const)('%s says it too', (code, text) => {
    expect(describeEvent(now({}), context(code))).toMatch(text);
  });

  it('names whose clock it is', () => {
    const clock: TimelineEvent = {
      kind: 'clock_started',
      at: T0,
      from: 'entered',
      anchor: T0,
      ownerId: 'rep-1',
      earlier: true,
      deadline: T0 + 5 * MINUTE,
      within: 5 * MINUTE,
      zone: 'UTC',
    };
    expect(describeEvent(clock, context('en'))).toBe(
      'SLA clock started at the handoff, for Bram Bakker; deadline Mon 5 Jan 2026, 09:05:00 UTC (5m of business time, UTC)',
    );
    expect(describeEvent({ ...clock, from: 'owner_changed', at: T0 + 30 * SECOND }, context('nl'))).toMatch(
      /^SLA-klok gestart opnieuw voor de nieuwe eigenaar, Bram Bakker; deadline /,
    );
    expect(describeEvent({ ...clock, ownerId: null }, context('en'))).toMatch(
      /^SLA clock started at the handoff; deadline /,
    );
  });
});
