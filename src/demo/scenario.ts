import { type Millis, SECOND } from '../domain/time.ts';

/**
 * The story `sla-bot demo` tells, as data: who works where, which leads arrive when, and what each
 * rep then does in HubSpot or Slack. Times are at speed 1; `--speed` divides them (and the SLA file's
 * durations) alike. The deadlines it plays against are config/demo.yaml's: SQL first contact within
 * 1 minute (reminder at 40 s; manager 30 s and team channel 50 s after the breach, repeated;
 * reassigned round-robin 75 s after it), MQL within 2 minutes of office time.
 */

export interface DemoPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly team: 'benelux' | 'dach';
  /** Reps own leads in HubSpot; managers only read Slack. */
  readonly role: 'rep' | 'manager';
  /** `false`: has a HubSpot login but no Slack account (the bot must fall back). */
  readonly inSlack: boolean;
  readonly tz: string;
}

/**
 * What a later step is timed from: the lead's arrival, its ping reaching Slack, the office opening,
 * or its escalation with a "Take it" button reaching the team channel.
 */
export type Anchor = 'handoff' | 'ping' | 'office_opens' | 'channel';

export type DemoAction =
  | {
      readonly kind: 'call';
      readonly after: Millis;
      readonly from: Anchor;
      /** Who calls (an e-mail), when not the owner the lead arrived with (a teammate who took it). */
      readonly by?: string;
      /** A HubSpot call disposition label. */
      readonly outcome: 'Connected' | 'No answer' | 'Left voicemail';
    }
  | { readonly kind: 'email'; readonly after: Millis; readonly from: Anchor; readonly subject: string }
  /** The owner presses "On it" on the ping (stops reminders, not the clock). */
  | { readonly kind: 'on_it'; readonly after: Millis; readonly from: 'ping' }
  /** A teammate (`by`, an e-mail) presses "Take it" on the escalation in the team channel. */
  | { readonly kind: 'take_it'; readonly after: Millis; readonly from: 'channel'; readonly by: string };

export interface DemoLead {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone: string;
  readonly company: string;
  readonly jobTitle: string;
  readonly country: string;
  readonly source: string;
  readonly score: number;
  readonly conversion: string;
  /** HubSpot lifecycle stage it moves to: the handoff. */
  readonly stage: 'salesqualifiedlead' | 'marketingqualifiedlead';
  /** E-mail of the owning rep. */
  readonly owner: string;
  readonly arrivesAt: Millis;
  /** Said in the terminal when the lead arrives. */
  readonly note: string | null;
  readonly actions: readonly DemoAction[];
}

export interface DemoScenario {
  readonly people: readonly DemoPerson[];
  /** Slack channels to create (without `#`). */
  readonly channels: readonly string[];
  readonly leads: readonly DemoLead[];
  /** The office calendar opens at the first whole minute at least this long after the start. */
  readonly officeOpensAfter: Millis;
  /** How long the story takes at speed 1. */
  readonly length: Millis;
}

const s = (seconds: number): Millis => seconds * SECOND;

const person = (
  firstName: string,
  lastName: string,
  email: string,
  team: DemoPerson['team'],
  role: DemoPerson['role'],
  inSlack = true,
): DemoPerson => ({
  firstName,
  lastName,
  email,
  team,
  role,
  inSlack,
  tz: team === 'dach' ? 'Europe/Berlin' : 'Europe/Amsterdam',
});

export const DEMO_SCENARIO: DemoScenario = {
  people: [
    person('Anna', 'de Boer', 'anna.manager@example.com', 'benelux', 'manager'),
    person('Bram', 'Bakker', 'bram@example.com', 'benelux', 'rep'),
    person('Chris', 'Claes', 'chris@example.com', 'benelux', 'rep'),
    person('Dieter', 'Braun', 'dieter.manager@example.com', 'dach', 'manager'),
    person('Eva', 'Engel', 'eva@example.com', 'dach', 'rep'),
    person('Felix', 'Fischer', 'felix@example.com', 'dach', 'rep', false),
  ],
  channels: ['sales-benelux', 'sales-dach', 'sales-ops'],
  officeOpensAfter: s(60),
  length: s(180),
  leads: [
    {
      firstName: 'Sanne',
      lastName: 'de Vries',
      email: 'sanne.devries@tulip-logistics.example',
      phone: '+31 20 555 0134',
      company: 'Tulip Logistics',
      jobTitle: 'Head of Operations',
      country: 'Netherlands',
      source: 'PAID_SEARCH',
      score: 82,
      conversion: 'Demo request',
      stage: 'salesqualifiedlead',
      owner: 'bram@example.com',
      arrivesAt: s(3),
      note: 'Bram calls right away.',
      actions: [{ kind: 'call', after: s(15), from: 'handoff', outcome: 'Connected' }],
    },
    {
      firstName: 'Bas',
      lastName: 'Smit',
      email: 'bas@kadestudio.example',
      phone: '+31 6 4055 7781',
      company: 'Kade Studio',
      jobTitle: 'Founder',
      country: 'Netherlands',
      source: 'ORGANIC_SEARCH',
      score: 41,
      conversion: 'Pricing guide download',
      stage: 'marketingqualifiedlead',
      owner: 'chris@example.com',
      arrivesAt: s(6),
      note: 'An MQL on office hours, arriving while the office is closed: its clock starts when the office opens.',
      actions: [{ kind: 'call', after: s(40), from: 'office_opens', outcome: 'Connected' }],
    },
    {
      firstName: 'Jonas',
      lastName: 'Weber',
      email: 'j.weber@alpenblick.example',
      phone: '+49 89 2100 4410',
      company: 'Alpenblick Software',
      jobTitle: 'CTO',
      country: 'Germany',
      source: 'REFERRALS',
      score: 67,
      conversion: 'Contact sales form',
      stage: 'salesqualifiedlead',
      owner: 'eva@example.com',
      arrivesAt: s(10),
      note: 'Eva calls at once (no answer), and again later.',
      actions: [
        { kind: 'call', after: s(12), from: 'handoff', outcome: 'No answer' },
        { kind: 'call', after: s(70), from: 'handoff', outcome: 'Connected' },
      ],
    },
    {
      firstName: 'Lotte',
      lastName: 'Visser',
      email: 'lotte.visser@deltaretail.example',
      phone: '+31 10 555 8820',
      company: 'Delta Retail',
      jobTitle: 'Marketing Director',
      country: 'Netherlands',
      source: 'EMAIL_MARKETING',
      score: 74,
      conversion: 'Webinar: lead routing',
      stage: 'salesqualifiedlead',
      owner: 'bram@example.com',
      arrivesAt: s(12),
      note: 'Nobody will call this one: sla-bot will give it to the next rep.',
      actions: [],
    },
    {
      firstName: 'Daan',
      lastName: 'Mulder',
      email: 'daan.mulder@polderbouw.example',
      phone: '+31 30 555 4471',
      company: 'Polderbouw',
      jobTitle: 'Operations Manager',
      country: 'Netherlands',
      source: 'PAID_SOCIAL',
      score: 63,
      conversion: 'Demo request',
      stage: 'salesqualifiedlead',
      owner: 'chris@example.com',
      arrivesAt: s(16),
      note: 'Chris will not get to it; Bram takes it from the team channel and calls.',
      actions: [
        { kind: 'take_it', after: s(4), from: 'channel', by: 'bram@example.com' },
        { kind: 'call', after: s(20), from: 'channel', by: 'bram@example.com', outcome: 'Connected' },
      ],
    },
    {
      firstName: 'Pieter',
      lastName: 'Jansen',
      email: 'pieter.jansen@noordzeefoods.example',
      phone: '+31 50 555 2290',
      company: 'Noordzee Foods',
      jobTitle: 'Procurement Lead',
      country: 'Netherlands',
      source: 'DIRECT_TRAFFIC',
      score: 58,
      conversion: 'Contact sales form',
      stage: 'salesqualifiedlead',
      owner: 'chris@example.com',
      arrivesAt: s(22),
      note: 'Chris presses "On it" but calls too late.',
      actions: [
        { kind: 'on_it', after: s(8), from: 'ping' },
        { kind: 'call', after: s(66), from: 'handoff', outcome: 'Left voicemail' },
      ],
    },
    {
      firstName: 'Mia',
      lastName: 'Hoffmann',
      email: 'mia.hoffmann@rheinwerk.example',
      phone: '+49 221 555 0190',
      company: 'Rheinwerk GmbH',
      jobTitle: 'Head of Sales Operations',
      country: 'Germany',
      source: 'SOCIAL_MEDIA',
      score: 71,
      conversion: 'Free trial sign-up',
      stage: 'salesqualifiedlead',
      owner: 'felix@example.com',
      arrivesAt: s(30),
      note: 'Her owner Felix is not in Slack; he calls from HubSpot soon.',
      actions: [{ kind: 'call', after: s(15), from: 'handoff', outcome: 'Connected' }],
    },
  ],
};
