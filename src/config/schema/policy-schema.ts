import { z } from 'zod';
import { CALENDAR_24X7 } from './calendar-schema.ts';
import { Condition } from './condition-schema.ts';
import { Escalate } from './escalation-schema.ts';
import { crossField, duration, name, positiveDuration } from './primitives.ts';
import { touchRuleFields } from './touch-rule-schema.ts';

export const FirstContact = z
  .strictObject({
    within: positiveDuration(
      'Deadline in business time from the clock start; a day (d) is one business day. Default: 5m.',
    ).prefault('5m'),
    remind: z
      .array(positiveDuration('Reminder moment in business time from the clock start.'))
      .optional()
      .describe(
        'When to remind the rep, in business time from the clock start, each before the deadline. Default: 2 minutes before the deadline.',
      ),
    ...touchRuleFields(['call', 'email', 'meeting']),
  })
  .prefault({})
  .describe('The first-contact deadline and what counts as contact.');

export const Attempts = z
  .strictObject({
    required: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(6)
      .describe('Attempts required within the window. Default: 6.'),
    within: positiveDuration(
      'The attempts window, in business time from the clock start; a day (d) is one business day. Default: 5d.',
    ).prefault('5d'),
    at_most: z
      .number()
      .int()
      .min(1)
      .nullable()
      .default(9)
      .describe('Overkill bound: more attempts than this are flagged. null for no bound. Default: 9.'),
    min_gap: duration(
      'Attempts closer together than this (wall clock) count as one. Default: none.',
    ).optional(),
    ...touchRuleFields(['call']),
  })
  .superRefine((a, ctx) => {
    if (a.at_most !== null && a.at_most < a.required) {
      const message = `is ${a.at_most}, below required (${a.required}); raise at_most or lower required`;
      ctx.addIssue(crossField(message, ['at_most']));
    }
  });

export const Policy = z
  .strictObject({
    name: name('policy').describe('Unique name, shown in Slack and reports.'),
    stage: z.string().describe('The stage (a key under stages) this policy applies to.'),
    segment: z
      .union([name('segment'), Condition], {
        error:
          'expected a segment name (a key under segments) or a condition such as { property: country, in: [NL] }',
      })
      .optional()
      .describe(
        'Only leads matching this segment (a name under segments, or an inline condition). Default: all leads of the stage.',
      ),
    calendar: z
      .string()
      .default(CALENDAR_24X7)
      .describe(
        `The business calendar the clock runs on (a key under calendars, or ${CALENDAR_24X7}). Default: ${CALENDAR_24X7}.`,
      ),
    clock_start: z
      .enum(['entered', 'owner_assigned'])
      .default('entered')
      .describe(
        'entered: when the lead entered the stage; owner_assigned: at owner assignment when that is later. Default: entered.',
      ),
    restart_on_owner_change: z
      .boolean()
      .default(true)
      .describe('When the owner changes, the clock restarts for the new owner. Default: true.'),
    first_contact: FirstContact,
    attempts: z
      .union([z.literal(false), Attempts], {
        error: 'expected false (no attempts rule) or a map with required, within, at_most, …',
      })
      .prefault({})
      .describe(
        'The call-attempts rule; false for none. Default: 6 calls within 5 business days, at most 9.',
      ),
    escalate: Escalate,
  })
  .describe('An SLA policy. The first policy whose stage and segment match a lead applies.');
export type Policy = z.infer<typeof Policy>;

export const Policies = z
  .array(Policy)
  .min(1)
  .describe('The SLA policies, in order: the first whose stage and segment match a lead applies.');
