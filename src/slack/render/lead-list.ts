import type { Instant } from '../../domain/time.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { InstanceView } from '../../ports/interactions.ts';
import { ownerPlainName } from '../owner-name.ts';
import type { Block } from './blocks.ts';
import { context, section } from './common-blocks.ts';
import { leadTitleLine } from './lead-facts.ts';
import { safe } from './text.ts';
import { slackDate } from './time-format.ts';

/** First-contact state in a few words: time left, or how late. */
function contactState(lead: InstanceView, now: Instant, zone: string, tr: Translator): string {
  const { t } = tr;
  const e = lead.evaluation;
  if (e === null) return t('list.new');
  const fc = e.firstContact;
  switch (fc.state) {
    case 'pending':
      return fc.deadline > now
        ? t('list.left', { left: tr.duration(fc.deadline - now), deadline: slackDate(fc.deadline, zone, tr) })
        : t('list.late', { late: tr.duration(now - fc.deadline) });
    // A call that did not connect is a first attempt, not a contact (as on the handoff ping).
    case 'met':
      return t(fc.contact === 'attempt' ? 'list.met.attempt' : 'list.met.reached', {
        took: tr.duration(fc.took),
      });
    case 'breached':
      return fc.contactedAt === null
        ? t('list.late', { late: tr.duration(now - fc.deadline) })
        : t(fc.contact === 'attempt' ? 'list.breached.attempt' : 'list.breached.reached', {
            late: tr.duration(fc.lateBy),
          });
  }
}

function attemptsState(lead: InstanceView, { t }: Translator): string | null {
  const a = lead.evaluation?.attempts;
  if (!a) return null;
  const short = a.state === 'short' ? t('list.attempts.short') : '';
  const warn = a.overkill ? t('list.attempts.overkill') : '';
  return `${t('list.attempts', { made: a.made, required: a.required })}${short}${warn}`;
}

/** One lead as a section: who, stage, score, time left, attempts (and the owner, for team lists). */
export function leadRow(lead: InstanceView, o: Omit<LeadListOptions, 'max'>): Block {
  const { now, zone, showOwner, t: tr } = o;
  const l = lead.instance.lead;
  const facts = [
    safe(o.stageLabel(lead.instance.stage), 40),
    ...(l.score === null ? [] : [tr.t('list.score', { score: String(l.score) })]),
    ...(showOwner ? [tr.t('list.owner', { owner: safe(ownerPlainName(lead.owner), 80) })] : []),
  ].join(' · ');
  const status = [contactState(lead, now, zone, tr), attemptsState(lead, tr)]
    .filter((s) => s !== null)
    .join(' · ');
  return section(`${leadTitleLine(l, tr)}\n${facts}\n${status}`);
}

export interface LeadListOptions {
  readonly now: Instant;
  readonly zone: string;
  /** The reader's language. */
  readonly t: Translator;
  readonly showOwner: boolean;
  /** The configured label of a stage key. */
  readonly stageLabel: (stage: string) => string;
  /** Most rows to show; the rest are counted in a footer. */
  readonly max: number;
  /** Leads not in the list, less urgent than all of it: counted in the footer too. */
  readonly more?: number;
}

/** Rows for an already sorted list, with a "+N more" footer when it had to cut. */
export function leadRows(leads: readonly InstanceView[], o: LeadListOptions): Block[] {
  const shown = leads.slice(0, o.max).map((lead) => leadRow(lead, o));
  const hidden = leads.length - shown.length + (o.more ?? 0);
  return hidden > 0 ? [...shown, context([o.t.t('list.more', { n: hidden })])] : shown;
}
