import type { LeadSnapshot } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { Translator } from '../../i18n/translate.ts';
import { LIMITS } from './limits.ts';
import { clip, link, mailLink, oneLine, phoneLink, safe } from './text.ts';
import { slackDate } from './time-format.ts';

/** The lead's name as people say it: first + last, else e-mail, else the record id. */
export function leadName(lead: LeadSnapshot, t: Translator): string {
  const name = oneLine(
    [lead.firstName, lead.lastName].filter((p) => p !== null && p.trim() !== '').join(' '),
  );
  if (name !== '') return name;
  if (lead.email) return lead.email;
  return t.t(lead.objectType === 'lead' ? 'lead.name.lead' : 'lead.name.contact', { id: lead.objectId });
}

/** `*<url|Jane Doe>*, Head of Sales at Acme` — escaped and clipped. */
export function leadTitleLine(lead: LeadSnapshot, t: Translator): string {
  const name = `*${link(lead.url, safe(leadName(lead, t), 120))}*`;
  const role = lead.jobTitle ? safe(lead.jobTitle, 100) : null;
  const company = lead.company ? safe(lead.company, 120) : null;
  if (role && company) return t.t('lead.title.roleCompany', { name, role, company });
  if (company) return t.t('lead.title.company', { name, company });
  if (role) return t.t('lead.title.role', { name, role });
  return name;
}

/** Plain-text form for notification fallbacks: `Jane Doe (Acme)`. Raw: escape it (`fallbackText`). */
export function leadPlain(lead: LeadSnapshot, t: Translator): string {
  const name = clip(leadName(lead, t), 80);
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
export function leadFacts(input: FactsInput, tr: Translator): string[] {
  const { lead } = input;
  const { t } = tr;
  const missing = t('lead.field.missing');
  const fields: string[] = [];
  fields.push(field(t('lead.field.phone'), lead.phone ? phoneLink(lead.phone) : missing));
  fields.push(field(t('lead.field.email'), lead.email ? mailLink(lead.email) : missing));
  const score = lead.score === null ? '' : t('lead.field.score', { score: String(lead.score) });
  fields.push(field(t('lead.field.stage'), `${safe(input.stageLabel, 60)}${score}`));
  if (input.deadline !== null)
    fields.push(field(t('lead.field.contactBy'), slackDate(input.deadline, input.zone, tr)));
  if (lead.source) fields.push(field(t('lead.field.source'), safe(lead.source, 100)));
  if (lead.recentConversion) {
    const when =
      lead.recentConversionAt === null ? '' : ` (${slackDate(lead.recentConversionAt, input.zone, tr)})`;
    fields.push(field(t('lead.field.why'), `${safe(lead.recentConversion, 300)}${when}`));
  }
  if (input.attemptsRequired !== null)
    fields.push(field(t('lead.field.attempts'), String(input.attemptsRequired)));
  if (lead.country) fields.push(field(t('lead.field.country'), safe(lead.country, 60)));
  return fields;
}
