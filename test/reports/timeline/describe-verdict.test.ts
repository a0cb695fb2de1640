import { describe, expect, it } from 'vitest';
import type { ContactKind } from '../../../src/domain/evaluation.ts';
import { SECOND } from '../../../src/domain/time.ts';
import type { TimelineEvent } from '../../../src/domain/timeline/index.ts';
import type { Lang } from '../../../src/i18n/language.ts';
import { translator } from '../../../src/i18n/translate.ts';
import { type DescribeContext, describeEvent } from '../../../src/reports/timeline/describe-event.ts';

const context = (code: Lang): DescribeContext => ({
  t: translator({ code, informal: false }),
  zone: 'Europe/Amsterdam',
  owner: (id) => id ?? 'nobody',
  stage: (key) => key.toUpperCase(),
});

const breached = (contact: ContactKind | null): TimelineEvent => ({
  kind: 'verdict',
  at: 0,
  verdict: 'breached',
  deadline: 0,
  contactedAt: contact === null ? null : SECOND,
  contact,
  took: null,
  lateBy: contact === null ? null : SECOND,
  excuse: null,
});

/**
 * The breach verdict says what the late contact was, as the Slack messages do: a call that did not
 * connect but counts by policy is a first attempt, not "contacted".
 */
describe('a missed deadline in the timeline', () => {
  it.each([
    ['en', 'Deadline missed: first attempt 1s late', 'Deadline missed: contacted 1s late'],
    ['nl', 'Deadline gemist: eerste poging 1 s te laat', 'Deadline gemist: 1 s te laat gecontacteerd'],
    ['de', 'Frist verpasst: erster Versuch 1 Sek. zu spät', 'Frist verpasst: 1 Sek. zu spät kontaktiert'],
  ] as const)('%s: an attempt is not called contact', (code, attempt, reached) => {
    const c = context(code);
    expect(describeEvent(breached('attempt'), c)).toBe(attempt);
    expect(describeEvent(breached('reached'), c)).toBe(reached);
    expect(describeEvent(breached(null), c)).not.toMatch(/\d/);
  });
});
