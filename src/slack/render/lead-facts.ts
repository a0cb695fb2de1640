import type { LeadSnapshot } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import { LIMITS } from './limits.ts';
import { clip, link, mailLink, oneLine, phoneLink, safe } from './text.ts';
import { slackDate } from './time-format.ts';

/** The lead's name as people say it: first + last, else e-mail, else the record id. */
export function leadName(lead: LeadSnapshot): string {
  const name = oneLine(
    [lead.firstName, lead.lastName].filter((p) => p !== null && p.trim() !== '').join(' '),
  );
  if (name !== '') return name;
  if (lead.email) return lead.email;
  return `${lead.objectType === 'lead' ? 'Lead' : 'Contact'} ${lead.objectId}`;
}

/** `*<url|Jane Doe>*, Head of Sales at Acme` — escaped and clipped. */
export function leadTitleLine(lead: LeadSnapshot): string {
  const name = `*${link(lead.url, safe(leadName(lead), 120))}*`;
  const role = lead.jobTitle ? safe(lead.jobTitle, 100) : null;
  const company = lead.company ? safe(lead.company, 120) : null;
  if (role && company) return `${name}, ${role} at ${company}`;
  if (company) return `${name} at ${company}`;
  if (role) return `${name}, ${role}`;
  return name;
}

/** Plain-text form for notification fallbacks: `Jane Doe (Acme)`. Raw: escape it (`fallbackText`). */
export function leadPlain(lead: LeadSnapshot): string {
  const name = clip(leadName(lead), 80);
  return lead.company ? `${name} (${clip(oneLine(lead.company), 60)})` : name;
}

export interface FactsInput {
  readonly lead: LeadSnapshot;
  readonly stageLabel: string;
  readonly deadline: Instant | null;
  readonly zone: string;
  readonly attemptsRequired: number | null;
}

const field = (label: string, value: string): string => clip(`*${label}*\n${value}`, LIMITS.fieldText);

/** The facts a rep needs to call now, as section fields (at most 8 of Slack's 10). */
export function leadFacts(input: FactsInput): string[] {
  const { lead } = input;
  const fields: string[] = [];
  fields.push(field('Phone', lead.phone ? phoneLink(lead.phone) : '_not in HubSpot_'));
  fields.push(field('E-mail', lead.email ? mailLink(lead.email) : '_not in HubSpot_'));
  const score = lead.score === null ? '' : ` · score ${lead.score}`;
  fields.push(field('Stage', `${safe(input.stageLabel, 60)}${score}`));
  if (input.deadline !== null) fields.push(field('Contact by', slackDate(input.deadline, input.zone)));
  if (lead.source) fields.push(field('Source', safe(lead.source, 100)));
  if (lead.recentConversion) {
    const when =
      lead.recentConversionAt === null ? '' : ` (${slackDate(lead.recentConversionAt, input.zone)})`;
    fields.push(field('Why this lead', `${safe(lead.recentConversion, 300)}${when}`));
  }
  if (input.attemptsRequired !== null)
    fields.push(field('Attempts required', String(input.attemptsRequired)));
  if (lead.country) fields.push(field('Country', safe(lead.country, 60)));
  return fields;
}
