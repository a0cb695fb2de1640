import type { NotificationReason } from '../../domain/evaluation.ts';
import type { MessageTruth } from '../../domain/message-truth.ts';
import type { Block, Message } from './blocks.ts';
import { endingPlain, endingWhy } from './close-why.ts';
import { actions, compact, context, fallbackBanner, hubspotButton, section } from './common-blocks.ts';
import { leadPlain, leadTitleLine } from './lead-facts.ts';
import { reassignedLine } from './reassigned-line.ts';
import { ownerNote, type RenderContext } from './render-context.ts';
import { takenByLine } from './take-it.ts';
import { fallbackText, safe } from './text.ts';
import { slackDate } from './time-format.ts';

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
    context([`${leadTitleLine(lead, rc.t)}${ownerNote(rc)} · ${about(rc, reason)}`]),
    takenBy(rc, reason),
    reassigned(rc, reason),
    actions(`${reason.kind}_actions`, [hubspotButton(lead, rc.t)]),
  ]);
  return { text: fallbackText(`${plain}: ${leadPlain(lead, rc.t)}.`), blocks };
}

/** An escalation a teammate took ("Take it", issue 18) keeps saying who took it and when. */
function takenBy(rc: RenderContext, reason: NoticeReason): Block | null {
  const taken = rc.context.takenBy ?? null;
  if (reason.kind !== 'escalation' || taken === null) return null;
  return context([takenByLine(rc.t, rc.zone, taken.name, taken.at)]);
}

/** An escalation whose lead a level reassigned (issue 18) says from whom to whom, after how long. */
function reassigned(rc: RenderContext, reason: NoticeReason): Block | null {
  const line = reason.kind === 'escalation' ? reassignedLine(rc) : null;
  return line === null ? null : context([line]);
}

/** The outcome line (mrkdwn) and its plain-text form. */
function outcome(
  rc: RenderContext,
  reason: NoticeReason,
  truth: Settled,
  plainOwner: string,
): { readonly line: string; readonly plain: string } {
  const { zone, t: tr } = rc;
  const { t } = tr;
  const at = (when: number) => ({ line: slackDate(when, zone, tr), plain: tr.localTime(when, zone) });
  const done = (plain: string, line: string = plain) => ({ line: `:white_check_mark: ${line}`, plain });
  switch (truth.state) {
    case 'resolved': {
      const key = truth.contact === 'attempt' ? 'settled.resolved.attempt' : 'settled.resolved.reached';
      const late = tr.duration(truth.lateBy);
      const when = at(truth.at);
      return done(
        t(key, { owner: plainOwner, at: when.plain, late }),
        t(key, { owner: rc.ownerName, at: when.line, late }),
      );
    }
    case 'corrected': {
      const key = truth.contact === 'attempt' ? 'settled.corrected.attempt' : 'settled.corrected.reached';
      const when = at(truth.at);
      return done(t(key, { at: when.plain }), t(key, { at: when.line }));
    }
    case 'attempts_met':
      return done(t('settled.attemptsMet', { made: truth.made, required: truth.required }));
    case 'done': {
      const key = truth.contact === 'attempt' ? 'settled.done.attempt' : 'settled.done.reached';
      const when = at(truth.at);
      return done(t(key, { at: when.plain }), t(key, { at: when.line }));
    }
    case 'ended': {
      const why = endingWhy(truth.ending, rc.ownerName, tr);
      const plainWhy = endingPlain(truth.ending, plainOwner, tr);
      if (reason.kind !== 'reminder')
        return done(t('settled.closed', { why: plainWhy }), t('settled.closed', { why }));
      return {
        line: `:heavy_minus_sign: ${t('settled.noLongerNeeded', { why })}`,
        plain: t('settled.noLongerNeeded', { why: plainWhy }),
      };
    }
  }
}

/** What the message was about, in a few words (the reader's zone for times). */
function about(rc: RenderContext, reason: NoticeReason): string {
  const { zone, t: tr } = rc;
  const { t } = tr;
  switch (reason.kind) {
    case 'breach':
      return t('settled.about.breach', { deadline: slackDate(reason.deadline, zone, tr) });
    case 'escalation':
      return t('settled.about.escalation', {
        deadline: slackDate(reason.deadline, zone, tr),
        level: reason.level + 1,
        repeat: reason.repeat,
        policy: safe(rc.context.policyName, 80),
      });
    case 'reminder':
      return t('settled.about.reminder', { deadline: slackDate(reason.deadline, zone, tr) });
    case 'attempts_shortfall':
      return t('settled.about.shortfall', { made: reason.made, required: reason.required });
    case 'overkill':
      return t('settled.about.overkill', { made: reason.made, atMost: reason.atMost });
    case 'reassigned':
      return t('settled.about.reassigned', { from: safe(reason.fromName, 80), to: safe(reason.toName, 80) });
  }
}
