import { z } from 'zod';
import { Calendars } from './calendar-schema.ts';
import { Segments } from './condition-schema.ts';
import { LanguageSetting } from './language-schema.ts';
import { Policies } from './policy-schema.ts';
import { timeZone } from './primitives.ts';
import { Hubspot, Poll, Reports, Slack } from './settings-schema.ts';
import { RecycleStages, Stages } from './stage-schema.ts';
import { People, Teams } from './team-schema.ts';

/** The SLA file as written: the strict schema every key is checked against, and the source of sla.schema.json. */
export const SlaFile = z
  .strictObject({
    timezone: timeZone('Default IANA zone for calendars, dates and the digest, e.g. Europe/Amsterdam.'),
    language: LanguageSetting(
      "What sla-bot says in Slack, the digest, report and dashboard: en (default), nl or de. A person reads their Slack language when it is one of these; else their team's language; else this.",
    ).optional(),
    calendars: Calendars,
    stages: Stages,
    recycle_stages: RecycleStages,
    segments: Segments,
    teams: Teams,
    people: People,
    policies: Policies,
    poll: Poll,
    hubspot: Hubspot,
    slack: Slack,
    reports: Reports,
  })
  .meta({
    title: 'sla-bot SLA file',
    description:
      'The marketing→sales lead SLA: stages, calendars, teams and policies. Check it with `sla-bot validate`.',
  });
export type SlaFile = z.infer<typeof SlaFile>;
