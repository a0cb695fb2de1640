import type { Instant } from '../../domain/time.ts';
import type { InstanceView } from '../../ports/interactions.ts';
import { ownerPlainName } from '../owner-name.ts';
import type { Block } from './blocks.ts';
import { context, section } from './common-blocks.ts';
import { leadTitleLine } from './lead-facts.ts';
import { safe } from './text.ts';
import { formatDuration, slackDate } from './time-format.ts';

/** First-contact state in a few words: time left, or how late. */
function contactState(lead: InstanceView, now: Instant, zone: string): string {
  const e = lead.evaluation;
  if (e === null) return ':new: just handed off';
  const fc = e.firstContact;
  switch (fc.state) {
    case 'pending':
      return fc.deadline > now
        ? `:hourglass_flowing_sand: *${formatDuration(fc.deadline - now)} left* (by ${slackDate(fc.deadline, zone)})`
        : `:red_circle: *${formatDuration(now - fc.deadline)} late*, no contact logged`;
    // A call that did not connect is a first attempt, not a contact (as on the handoff ping).
    case 'met':
      return `:white_check_mark: ${fc.contact === 'attempt' ? 'first attempt' : 'contacted'} in ${formatDuration(fc.took)}`;
    case 'breached':
      return fc.contactedAt === null
        ? `:red_circle: *${formatDuration(now - fc.deadline)} late*, no contact logged`
        : `:large_orange_circle: ${fc.contact === 'attempt' ? 'first attempt' : 'contacted'} ${formatDuration(fc.lateBy)} late`;
  }
}

function attemptsState(lead: InstanceView): string | null {
  const a = lead.evaluation?.attempts;
  if (!a) return null;
  const warn = a.overkill ? ' :warning: too many' : '';
  return `:telephone_receiver: attempts ${a.made} of ${a.required}${a.state === 'short' ? ' (short)' : ''}${warn}`;
}

/** One lead as a section: who, stage, score, time left, attempts (and the owner, for team lists). */
export function leadRow(lead: InstanceView, o: Omit<LeadListOptions, 'max'>): Block {
  const { now, zone, showOwner } = o;
  const l = lead.instance.lead;
  const facts = [
    safe(o.stageLabel(lead.instance.stage), 40),
    ...(l.score === null ? [] : [`score ${l.score}`]),
    ...(showOwner ? [`owner ${safe(ownerPlainName(lead.owner), 80)}`] : []),
  ].join(' · ');
  const status = [contactState(lead, now, zone), attemptsState(lead)].filter((s) => s !== null).join(' · ');
  return section(`${leadTitleLine(l)}\n${facts}\n${status}`);
}

export interface LeadListOptions {
  readonly now: Instant;
  readonly zone: string;
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
  return hidden > 0 ? [...shown, context([`…and ${hidden} more, less urgent.`])] : shown;
}
