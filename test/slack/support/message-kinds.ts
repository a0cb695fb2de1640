/**
 * Every kind of message, modal and Home tab sla-bot renders, from one set of inputs. Shared by the
 * Block Kit limit tests (maximal inputs) and the injection tests (hostile inputs), and checked against
 * the `render*` exports of the renderer modules, so a new kind cannot be left out of either.
 */
import type { NotificationReason } from '../../../src/domain/evaluation.ts';
import type { LeadSnapshot } from '../../../src/domain/model.ts';
import type { TeamDigest } from '../../../src/domain/reports/index.ts';
import { HOUR, MINUTE } from '../../../src/domain/time.ts';
import { type Translator, translator } from '../../../src/i18n/translate.ts';
import type { Owner } from '../../../src/ports/crm-source.ts';
import type { InstanceView } from '../../../src/ports/interactions.ts';
import { renderDigest } from '../../../src/reports/digest/render-digest.ts';
import { renderAdminAlert } from '../../../src/slack/render/admin-alert.ts';
import type { HomeView, Message, ModalView } from '../../../src/slack/render/blocks.ts';
import { fallbackNote } from '../../../src/slack/render/fallback-note.ts';
import { renderHome, renderLeadListMessage } from '../../../src/slack/render/lead-list-message.ts';
import { renderNotAFitModal } from '../../../src/slack/render/not-a-fit-modal.ts';
import { renderNoticeModal } from '../../../src/slack/render/notice-modal.ts';
import { renderAsTrue, renderNotification } from '../../../src/slack/render/notification.ts';
import { renderPing } from '../../../src/slack/render/ping.ts';
import type { RenderContext } from '../../../src/slack/render/render-context.ts';
import { type NoticeReason, renderSettled, type Settled } from '../../../src/slack/render/settled.ts';
import { renderSnoozeModal } from '../../../src/slack/render/snooze-modal.ts';
import { mention } from '../../../src/slack/render/text.ts';
import { context, deadline, evaluation, instance, owner as ownerFixture, T0 } from './fixtures.ts';

/**
 * One reason per notification kind. A mapped type over the union: a new kind does not compile until
 * it is added here, and with it to every test that renders "every message kind".
 */
export const REASON_BY_KIND: {
  readonly [K in NotificationReason['kind']]: Extract<NotificationReason, { kind: K }>;
} = {
  handoff: { kind: 'handoff', deadline },
  reminder: { kind: 'reminder', index: 0, deadline, left: 2 * MINUTE },
  breach: { kind: 'breach', deadline, excused: true },
  escalation: { kind: 'escalation', level: 2, repeat: 3, deadline, excused: true },
  attempts_shortfall: { kind: 'attempts_shortfall', made: 2, required: 6 },
  overkill: { kind: 'overkill', made: 12, atMost: 9 },
  reassigned: {
    kind: 'reassigned',
    told: 'previous_owner',
    fromName: 'Bram de Vries',
    toName: 'Eva Jansen',
    waited: 6 * MINUTE,
    deadline,
  },
};

export const REASONS: readonly NotificationReason[] = Object.values(REASON_BY_KIND);

/** The renderer each notification kind ends up in (besides `renderNotification`, which dispatches). */
const RENDERER_OF: { readonly [K in NotificationReason['kind']]: string } = {
  handoff: 'renderPing',
  reminder: 'renderReminder',
  breach: 'renderBreach',
  escalation: 'renderEscalation',
  attempts_shortfall: 'renderShortfall',
  overkill: 'renderOverkill',
  reassigned: 'renderReassigned',
};

export type Surface = 'message' | 'modal' | 'home';

export type Rendered =
  | {
      readonly name: string;
      readonly renderers: readonly string[];
      readonly surface: 'message';
      readonly content: Message;
    }
  | {
      readonly name: string;
      readonly renderers: readonly string[];
      readonly surface: 'modal';
      readonly content: ModalView;
    }
  | {
      readonly name: string;
      readonly renderers: readonly string[];
      readonly surface: 'home';
      readonly content: HomeView;
    };

/** What goes into every kind: the lead, and the other outside text a message can quote. */
export interface KindInput {
  readonly lead: LeadSnapshot;
  readonly owner: Owner;
  /** The owner's Slack user id when the owner is in Slack (named with a mention), else `null`. */
  readonly ownerSlackId: string | null;
  /** Who pressed "On it": `slack:U…` or an e-mail. */
  readonly acknowledgedBy: string;
  /** Config and free text quoted in messages: stage label, team, policy, reasons, alert text. */
  readonly text: string;
  /** A long label or text where Slack's length limits bite (modal titles stay fixed). */
  readonly long: string;
}

const ZONE = 'Europe/Amsterdam';

function renderContext(k: KindInput, note: string | null, t: Translator): RenderContext {
  return {
    t,
    context: context({
      instance: instance({ lead: k.lead, policyName: k.text }),
      owner: k.owner,
      team: { name: k.text, manager: 'anna@example.com', members: [], channel: '#sales' },
      policyName: k.text,
      evaluation: evaluation({
        acknowledged: { instanceId: 'x', by: k.acknowledgedBy, at: T0 },
        attempts: {
          made: 12,
          required: 6,
          atMost: 9,
          windowEnd: T0 + 5 * 24 * HOUR,
          state: 'open',
          overkill: true,
        },
      }),
    }),
    now: deadline + 7 * MINUTE,
    zone: ZONE,
    ownerName: mention(k.ownerSlackId, `${k.owner.firstName ?? ''} ${k.owner.lastName ?? ''}`),
    stageLabel: k.text,
    fallbackNote: note,
    // Escalations then link to the lead's timeline on the dashboard.
    dashboardUrl: 'https://sla.example.com/dashboard',
  };
}

function pingStates(k: KindInput, t: Translator): Rendered[] {
  const states = [
    { state: 'met', deadline, at: T0 + MINUTE, touchId: 'call:1', took: MINUTE },
    { state: 'breached', deadline, lateBy: 3 * MINUTE, contactedAt: null, excused: true },
    { state: 'breached', deadline, lateBy: 3 * MINUTE, contactedAt: deadline + 3 * MINUTE, excused: false },
  ] as const;
  return states.map((firstContact, i) => {
    const base = renderContext(k, null, t);
    const evaluated = { ...base.context.evaluation, firstContact };
    const closed = { ...base.context.instance, closedAt: T0 + HOUR, closeReason: 'not_a_fit' as const };
    const content = renderPing({
      ...base,
      context: { ...base.context, evaluation: evaluated, ...(i === 2 ? { instance: closed } : {}) },
    });
    return {
      name: `ping updated (${firstContact.state} #${i})`,
      renderers: ['renderPing'],
      surface: 'message',
      content,
    };
  });
}

/**
 * Every notification but the ping as it reads once its point no longer stands (issue 15): resolved,
 * corrected, done, closed with why (who marked it not a fit, what it was merged into), handed over;
 * and the ping handed over to another rep.
 */
function settledStates(k: KindInput, t: Translator): Rendered[] {
  const truths: readonly Settled[] = [
    { state: 'resolved', at: deadline + 7 * MINUTE, lateBy: 7 * MINUTE, contact: 'reached' },
    { state: 'corrected', at: deadline - MINUTE, contact: 'attempt' },
    { state: 'attempts_met', made: 6, required: 6 },
    { state: 'done', at: deadline - MINUTE, contact: 'reached' },
    { state: 'ended', ending: { kind: 'closed', reason: 'not_a_fit', detail: k.acknowledgedBy } },
    { state: 'ended', ending: { kind: 'closed', reason: 'deleted', detail: k.text } },
    { state: 'ended', ending: { kind: 'reassigned', from: 'o-other', to: k.owner.id } },
  ];
  const note = fallbackNote(k.owner.email ?? k.text, 'out_of_office', t);
  const notices = REASONS.filter((r): r is NoticeReason => r.kind !== 'handoff');
  return [
    ...notices.flatMap((reason) =>
      truths.map(
        (truth, i): Rendered => ({
          name: `${reason.kind} ${truth.state} #${i}`,
          renderers: ['renderAsTrue', 'renderSettled'],
          surface: 'message',
          content:
            i % 2 === 0
              ? renderAsTrue(renderContext(k, i === 6 ? note : null, t), reason, truth, null, k.text)
              : renderSettled(renderContext(k, null, t), reason, truth, k.text),
        }),
      ),
    ),
    {
      name: 'ping handed over',
      renderers: ['renderPing'],
      surface: 'message',
      content: renderPing(
        renderContext(k, note, t),
        deadline,
        `reassigned to ${mention(k.ownerSlackId, k.text)}`,
      ),
    },
  ];
}

/**
 * "Take it" (issue 18): the escalation as the team channel reads it (with the button), once a
 * teammate took it, and settled (handed over) with who took it.
 */
function takeItStates(k: KindInput, t: Translator): Rendered[] {
  const escalation = REASON_BY_KIND.escalation;
  const offered = { ...renderContext(k, null, t), takeIt: true };
  const taken = {
    ...offered,
    context: {
      ...offered.context,
      takenBy: { name: `${k.owner.firstName ?? ''} ${k.text}`, at: deadline + MINUTE },
    },
  };
  const handedOver: Settled = {
    state: 'ended',
    ending: { kind: 'reassigned', from: 'o-other', to: k.owner.id },
  };
  return [
    {
      name: 'escalation in the team channel (Take it)',
      renderers: ['renderNotification', 'renderEscalation'],
      surface: 'message',
      content: renderNotification(offered, escalation, null),
    },
    {
      name: 'escalation taken',
      renderers: ['renderNotification', 'renderEscalation'],
      surface: 'message',
      content: renderNotification(taken, escalation, null),
    },
    {
      name: 'escalation taken, handed over',
      renderers: ['renderSettled'],
      surface: 'message',
      content: renderSettled(taken, escalation, handedOver, k.text),
    },
    ...reassignedNotices(k, t),
  ];
}

/** The reassignment notices besides the old owner's (`reassigned` above): the manager's, and both for a claim. */
function reassignedNotices(k: KindInput, t: Translator): Rendered[] {
  const base = REASON_BY_KIND.reassigned;
  const variants = [
    ['reassigned, told to the manager', { ...base, told: 'manager' }],
    ['reassigned by Take it, told to the old owner', { ...base, claimed: true }],
    ['reassigned by Take it, told to the manager', { ...base, told: 'manager', claimed: true }],
  ] as const;
  return variants.map(([name, reason]) => ({
    name,
    renderers: ['renderNotification', 'renderReassigned'],
    surface: 'message',
    content: renderNotification(renderContext(k, null, t), reason, null),
  }));
}

const leadViews = (k: KindInput, n: number): InstanceView[] =>
  Array.from({ length: n }, (_, i) => ({
    instance: instance({ id: `contact:${i}:sql:${T0}`, lead: k.lead, stage: 'sql' }),
    evaluation: evaluation(),
    owner: k.owner,
    pingRef: null,
  }));

function digest(k: KindInput): TeamDigest {
  const f = (value: number | null) => ({ value, ids: [] });
  const worst = Array.from({ length: 3 }, (_, i) => ({
    id: `w${i}`,
    name: `${k.lead.firstName ?? ''} ${k.lead.lastName ?? ''}`,
    company: k.lead.company,
    url: k.lead.url,
    stage: 'sql',
    ownerId: k.owner.id,
    owner: k.owner.email ?? k.text,
    team: k.text,
    enteredAt: T0,
    verdict: 'breached' as const,
    corrected: false,
    deadline,
    contactedAt: null,
    timeToContact: null,
    lateBy: 3 * HOUR,
    attempts: null,
    calls: 0,
    closedAt: null,
    closeReason: null,
  }));
  const row = { key: k.text, label: k.text, team: k.text, total: f(3), oldest: f(HOUR) };
  return {
    team: k.text,
    manager: 'anna@example.com',
    since: T0 - 7 * 24 * HOUR,
    until: T0,
    handoffs: f(12),
    compliance: f(50),
    previousCompliance: f(40),
    trend: 10,
    met: f(6),
    corrected: f(1),
    breached: f(6),
    excused: f(0),
    medianToContact: f(3 * MINUTE),
    worst,
    uncontacted: { ...row, ages: { 'under-1w': f(1), '1w-2w': f(1), '2w-1m': f(1), '1m+': f(0) } },
  };
}

/** Every rendered kind for these inputs, in the language of `t` (English by default). */
export function everyMessageKind(k: KindInput, t: Translator = translator()): Rendered[] {
  const note = fallbackNote(k.owner.email ?? k.text, 'out_of_office', t);
  const notifications = REASONS.flatMap((reason): Rendered[] =>
    [null, note].map((n) => ({
      name: `${reason.kind}${n === null ? '' : ' (fallback copy)'}`,
      renderers: ['renderNotification', RENDERER_OF[reason.kind]],
      surface: 'message',
      content: renderNotification(renderContext(k, n, t), reason, n === null ? null : 'late note'),
    })),
  );
  const listOptions = { now: T0, zone: ZONE, t, stageLabel: () => k.text };
  const scopes = [
    { label: `Only ${k.owner.firstName ?? ''} ${k.owner.lastName ?? ''}`, value: `owner:${k.owner.id}` },
    { label: `The whole team ${k.text}`, value: `team:${k.text}` },
  ];
  const name = `${k.lead.firstName ?? ''} ${k.lead.lastName ?? ''}`;
  const reasons = Array.from({ length: 130 }, (_, i) => `${k.long} ${k.text} ${i}`);
  return [
    ...notifications,
    ...pingStates(k, t),
    ...settledStates(k, t),
    ...takeItStates(k, t),
    {
      name: 'admin alert',
      renderers: ['renderAdminAlert'],
      surface: 'message',
      content: renderAdminAlert({ key: `admin:${k.text}`, text: `Slack: ${name} ${k.text} ${k.long}` }, t),
    },
    {
      name: '/sla list',
      renderers: ['renderLeadListMessage'],
      surface: 'message',
      content: renderLeadListMessage(`Open leads of ${k.text}`, leadViews(k, 500), {
        ...listOptions,
        showOwner: true,
      }),
    },
    {
      name: '/sla list, empty',
      renderers: ['renderLeadListMessage'],
      surface: 'message',
      content: renderLeadListMessage(`Open leads of ${k.text}`, [], { ...listOptions, showOwner: true }),
    },
    {
      name: 'App Home',
      renderers: ['renderHome'],
      surface: 'home',
      content: renderHome(leadViews(k, 500), { ...listOptions, more: 2_000 }),
    },
    {
      name: 'not-a-fit modal (picker)',
      renderers: ['renderNotAFitModal'],
      surface: 'modal',
      content: renderNotAFitModal(
        name,
        reasons,
        true,
        { instanceId: instance().id, channel: 'D1', ts: '1.2' },
        t,
      ),
    },
    {
      name: 'not-a-fit modal (free text)',
      renderers: ['renderNotAFitModal'],
      surface: 'modal',
      content: renderNotAFitModal(name, [], false, { instanceId: instance().id, channel: null, ts: null }, t),
    },
    {
      name: 'snooze modal',
      renderers: ['renderSnoozeModal'],
      surface: 'modal',
      content: renderSnoozeModal(name, scopes, instance().id, t),
    },
    {
      name: 'notice modal',
      renderers: ['renderNoticeModal'],
      surface: 'modal',
      content: renderNoticeModal(k.text, `Escalations for team ${k.text} snoozed: ${name} ${k.long}`, t),
    },
    {
      name: 'weekly digest',
      renderers: ['renderDigest'],
      surface: 'message',
      content: renderDigest(digest(k), {
        zone: ZONE,
        dashboardUrl: 'https://sla.example.com/dashboard',
        stageLabel: () => k.text,
        t,
      }),
    },
  ];
}

/** The owner fixture with outside text in every name field. */
export const ownerNamed = (text: string, email: string | null): Owner =>
  ownerFixture({ firstName: text, lastName: text, email });
