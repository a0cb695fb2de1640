import type { NotificationReason } from '../../domain/evaluation.ts';
import type { MessageTruth } from '../../domain/message-truth.ts';
import type { Message } from './blocks.ts';
import { endingPlain, endingWhy } from './close-why.ts';
import { actions, compact, context, fallbackBanner, hubspotButton, section } from './common-blocks.ts';
import { leadPlain, leadTitleLine } from './lead-facts.ts';
import { ownerNote, type RenderContext } from './render-context.ts';
import { fallbackText, safe } from './text.ts';
import { formatDuration, localTime, slackDate } from './time-format.ts';

/** A message whose point no longer stands as it was sent: every state of `MessageTruth` but `open`. */
export type Settled = Exclude<MessageTruth, { readonly state: 'open' }>;

/** The notifications other than the ping (which keeps its own form, see `renderPing`). */
export type NoticeReason = Exclude<NotificationReason, { readonly kind: 'handoff' }>;

/**
 * A breach note, escalation, reminder or attempts note as it reads once what it said no longer stands
 * (issue 15): the outcome first (resolved, corrected, done, closed with why), then what it was about,
 * and no buttons but the HubSpot link. `plainOwner`: the owner now, named without markup.
 */
export function renderSettled(
  rc: RenderContext,
  reason: NoticeReason,
  truth: Settled,
  plainOwner: string,
): Message {
  const { lead } = rc.context.instance;
  const { line, plain } = outcome(rc, reason, truth, plainOwner);
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(line),
    context([`${leadTitleLine(lead)}${ownerNote(rc)} · ${about(rc, reason)}`]),
    actions(`${reason.kind}_actions`, [hubspotButton(lead)]),
  ]);
  return { text: fallbackText(`${plain}: ${leadPlain(lead)}.`), blocks };
}

/** The outcome line (mrkdwn) and its plain-text form. */
function outcome(
  rc: RenderContext,
  reason: NoticeReason,
  truth: Settled,
  plainOwner: string,
): { readonly line: string; readonly plain: string } {
  const zone = rc.zone;
  switch (truth.state) {
    case 'resolved': {
      const what = truth.contact === 'attempt' ? 'First attempt' : 'Contacted';
      const late = formatDuration(truth.lateBy);
      return {
        line: `:white_check_mark: ${what} by ${rc.ownerName} at ${slackDate(truth.at, zone)} (${late} late)`,
        plain: `${what} by ${plainOwner} at ${localTime(truth.at, zone)} (${late} late)`,
      };
    }
    case 'corrected': {
      const what = truth.contact === 'attempt' ? 'first attempt' : 'contact';
      const tail = ' — within the deadline; no breach';
      return {
        line: `:white_check_mark: Correction: ${what} logged at ${slackDate(truth.at, zone)}${tail}`,
        plain: `Correction: ${what} logged at ${localTime(truth.at, zone)}${tail}`,
      };
    }
    case 'attempts_met': {
      const text = `Correction: ${truth.made} of ${truth.required} attempts logged within the window`;
      return { line: `:white_check_mark: ${text}`, plain: text };
    }
    case 'done': {
      const what = truth.contact === 'attempt' ? 'first attempt' : 'contacted';
      return {
        line: `:white_check_mark: Done: ${what} at ${slackDate(truth.at, zone)}`,
        plain: `Done: ${what} at ${localTime(truth.at, zone)}`,
      };
    }
    case 'ended': {
      const why = endingWhy(truth.ending, rc.ownerName);
      const plainWhy = endingPlain(truth.ending, plainOwner);
      return reason.kind === 'reminder'
        ? { line: `:heavy_minus_sign: No longer needed: ${why}`, plain: `No longer needed: ${plainWhy}` }
        : { line: `:white_check_mark: Closed: ${why}`, plain: `Closed: ${plainWhy}` };
    }
  }
}

/** What the message was about, in a few words (the reader's zone for times). */
function about(rc: RenderContext, reason: NoticeReason): string {
  const zone = rc.zone;
  switch (reason.kind) {
    case 'breach':
      return `first-contact deadline ${slackDate(reason.deadline, zone)} was missed`;
    case 'escalation': {
      const level = `escalation level ${reason.level + 1}${reason.repeat > 0 ? `, reminder ${reason.repeat}` : ''}`;
      return `first-contact deadline ${slackDate(reason.deadline, zone)} · ${level} · policy ${safe(rc.context.policyName, 80)}`;
    }
    case 'reminder':
      return `reminder before the deadline ${slackDate(reason.deadline, zone)}`;
    case 'attempts_shortfall':
      return `attempts window closed with ${reason.made} of ${reason.required}`;
    case 'overkill':
      return `${reason.made} attempts, more than the ${reason.atMost} allowed`;
  }
}
