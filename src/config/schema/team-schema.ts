import { z } from 'zod';
import { LanguageSetting } from './language-schema.ts';
import { channel, email, name } from './primitives.ts';

export const Team = z
  .strictObject({
    manager: email('The manager: receives escalations for the team. E-mail as in HubSpot and Slack.'),
    members: z
      .array(email('A rep: a HubSpot owner e-mail.'))
      .default([])
      .describe('The reps of the team (HubSpot owner e-mails). A rep belongs to one team. Default: none.'),
    channel: channel('Team channel for escalations that target team_channel.').optional(),
    calendar: z
      .string()
      .optional()
      .describe(
        "The team's working hours (a key under calendars, or 24x7): a reassignment skips its reps while it is closed. Default: the calendar of the lead's policy.",
      ),
    language: LanguageSetting(
      "The team's language: its channel's, and its people's unless their Slack language is en, nl or de. Default: the top-level language.",
    ).optional(),
  })
  .describe('A sales team: a manager, reps and an optional Slack channel.');
export type Team = z.infer<typeof Team>;

export const People = z
  .array(email('An e-mail address.'))
  .default([])
  .describe(
    'People in no team whom the SLA file names (escalation targets such as a head of sales, out-of-office entries, Slack overrides). Default: none.',
  );

export const Teams = z
  .record(name('team'), Team)
  .default({})
  .describe('Sales teams by name. An owner in no team gets no manager escalations. Default: none.');
