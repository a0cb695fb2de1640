import { DateTime } from 'luxon';
import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { autoOrInterval, duration, email, scalar, timeZone, whenGiven } from './primitives.ts';

export const Poll = z
  .strictObject({
    every: autoOrInterval(
      "How often to poll HubSpot for handoffs and activities. Default: auto, as often as the portal's daily HubSpot limit allows within hubspot.budget_share (every 5 s to 5 min; about every 7 s on a Starter portal); or a fixed interval such as 30s.",
    ).prefault('auto'),
    overlap: duration('Look-back overlap for HubSpot search-index lag. Default: 10m.').prefault('10m'),
    backfill: duration(
      "First install only (a store with no HubSpot poll position yet): import the open handoffs that entered their stage this far back, a few hundred leads a cycle within hubspot.budget_share. They are judged, recorded and shown (App Home, /sla, reports); a deadline that passed before the install counts as excused 'before sla-bot' and nothing whose moment passed before it is messaged; a lead still inside its window gets its ping. 0s: import nothing older than the overlap. Read once, at the first start. Default: 30d.",
    ).prefault('30d'),
  })
  .prefault({})
  .describe('Polling of HubSpot.');

const describeShare = (input: unknown): string =>
  typeof input === 'string' ? `'${input}'` : input === null ? 'nothing' : String(input);

const shareRange = (input: unknown): string =>
  `is ${describeShare(input)}, must be more than 0 and at most 1 (the share of the portal's HubSpot limit sla-bot may use; 0.5 = half)`;

export const Hubspot = z
  .strictObject({
    portal_id: scalar('HubSpot account (portal) id, for links to records. Default: none.').optional(),
    app_base_url: z
      .url({ error: 'expected an absolute URL such as https://app.hubspot.com' })
      .default('https://app.hubspot.com')
      .describe(
        'HubSpot web app root for links (EU accounts: https://app-eu1.hubspot.com). Default: https://app.hubspot.com.',
      ),
    budget_share: z
      .number({ error: (iss) => `expected a number between 0 and 1, got ${describeShare(iss.input)}` })
      .gt(0, { error: (iss) => shareRange(iss.input) })
      .max(1, { error: (iss) => shareRange(iss.input) })
      .default(0.5)
      .describe(
        "Share of the portal's HubSpot request limit (X-HubSpot-RateLimit-Max: 100, 190 or 250 per 10 s by tier) sla-bot may use, leaving the rest to other integrations; it also slows down when others drain the pool. Default: 0.5.",
      ),
    requests_per_ten_seconds: z
      .number()
      .int()
      .min(1)
      .max(190)
      .optional()
      .describe(
        "Optional hard cap on sla-bot's requests per rolling 10 s, on top of budget_share. Default: none.",
      ),
    search_per_second: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(3)
      .describe('Search requests per second (HubSpot allows 5 per account). Default: 3.'),
    write_back: z
      .strictObject({
        enabled: z
          .boolean()
          .default(false)
          .describe('Write anything back to HubSpot at all. Default: false.'),
        create_task_on_breach: z
          .boolean()
          .default(false)
          .describe('Create a HubSpot task for the owner on a breach. Default: false.'),
        not_a_fit_lead_status: scalar(
          'hs_lead_status value set when a rep marks a lead "Not a fit". Default: none.',
        ).optional(),
      })
      .prefault({})
      .describe('What sla-bot writes to HubSpot. Default: nothing.'),
  })
  .prefault({})
  .describe('HubSpot account settings and request budget.');

const instant = z
  .string({ error: whenGiven('expected a date (YYYY-MM-DD) or a date-time (2026-08-01T09:00)') })
  .refine((v) => DateTime.fromISO(v, { zone: 'UTC' }).isValid, {
    error: (iss) =>
      `'${String(iss.input)}' is not a date; write YYYY-MM-DD or an ISO date-time like 2026-08-01T09:00`,
  });

export const OutOfOffice = z
  .strictObject({
    email: email('The rep who is away.'),
    from: instant.describe('First day away (YYYY-MM-DD, in the top-level timezone) or a date-time.'),
    until: instant.describe('Last day away, inclusive (YYYY-MM-DD), or the date-time the rep is back.'),
  })
  .describe('A rep away: leads are not held against them.');

export const DEFAULT_NOT_A_FIT_REASONS = [
  'Student or job seeker',
  'Competitor',
  'No budget',
  'Not the right person',
  'Wrong contact details',
  'Duplicate',
];

export const Slack = z
  .strictObject({
    admins: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Who gets operational alerts (HubSpot or Slack failing): e-mails or "#channels". Default: none.',
      ),
    user_overrides: z
      .record(
        email('HubSpot owner e-mail.'),
        z.string().regex(/^[UW][A-Z0-9]{6,}$/, {
          error: (iss) => `'${String(iss.input)}' is not a Slack user id (U0123ABCDE)`,
        }),
      )
      .default({})
      .describe('HubSpot owner e-mail → Slack user id, for people whose e-mails differ. Default: none.'),
    out_of_office: z.array(OutOfOffice).default([]).describe('Reps away. Default: none.'),
    not_a_fit_reasons: z
      .array(z.string().min(1))
      .min(1)
      .default(DEFAULT_NOT_A_FIT_REASONS)
      .describe(
        `Reasons offered by the "Not a fit" button. Default: ${DEFAULT_NOT_A_FIT_REASONS.join(', ')}.`,
      ),
  })
  .prefault({})
  .describe('Slack settings.');

export const Reports = z
  .strictObject({
    monthly_commitment: z
      .record(z.string(), z.number().int().min(0))
      .default({})
      .describe(
        "Marketing's side of the SLA: leads committed per month, by stage key, e.g. { mql: 1776, sql: 533 }. Default: none.",
      ),
    digest: z
      .strictObject({
        cron: z
          .string()
          .superRefine((cron, ctx) => {
            const result = validateDetailed(cron);
            if (result.valid) return;
            const detail = result.errors.map((e) => e.message).join('; ');
            ctx.addIssue({
              code: 'custom',
              message: `'${cron}' is not a cron expression (${detail}); e.g. "0 9 * * MON" for Mondays 09:00`,
            });
          })
          .describe('When to send the digest: cron "minute hour day month weekday", e.g. "0 9 * * MON".'),
        timezone: timeZone('Zone of the cron expression. Default: the top-level timezone.').optional(),
      })
      .nullable()
      .default(null)
      .describe('Compliance digest to managers. Default: none.'),
    dashboard_url: z
      .url({ error: 'expected an absolute URL' })
      .optional()
      .describe('Public URL of the dashboard, linked from messages.'),
  })
  .prefault({})
  .describe('Reports and digest.');
