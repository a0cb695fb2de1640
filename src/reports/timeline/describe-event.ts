import type { NotificationReason } from '../../domain/evaluation.ts';
import type { MessageTruth } from '../../domain/message-truth.ts';
import type { Condition, ReassignTo, Target } from '../../domain/policy.ts';
import type { Millis } from '../../domain/time.ts';
import type { PolicyChoice, TimelineEvent, TimelineMessage } from '../../domain/timeline/index.ts';
import type { Translator } from '../../i18n/translate.ts';

/** What the words of a timeline need besides the events: the reader's language and zone, names. */
export interface DescribeContext {
  readonly t: Translator;
  readonly zone: string;
  /** An owner id as people know them (name, else e-mail, else the id); `null`: nobody. */
  readonly owner: (ownerId: string | null) => string;
  /** A stage key as the SLA file labels it. */
  readonly stage: (key: string) => string;
}

/** A date-time in the reader's zone, with seconds (the order of events within a minute matters). */
export const when = (at: number, c: DescribeContext): string =>
  c.t.date(at, c.zone, 'ccc d LLL yyyy, HH:mm:ss ZZZZ');

/** One event in one line of the reader's language. */
export function describeEvent(e: TimelineEvent, c: DescribeContext): string {
  const { t } = c.t;
  const d = (ms: Millis) => c.t.duration(ms);
  switch (e.kind) {
    case 'stage_entered':
      return t('timeline.stageEntered', { stage: c.stage(e.stage) });
    case 'owner_assigned':
      return e.ownerId === null
        ? t('timeline.ownerAssignedUnknown')
        : t('timeline.ownerAssigned', { owner: c.owner(e.ownerId) });
    case 'first_seen':
      return t(e.imported ? 'timeline.firstSeenImported' : 'timeline.firstSeen', { delay: d(e.delay) });
    case 'policy_chosen':
      return t('timeline.policy', { policy: e.policy, why: policyWhy(e.policy, e.choice, c) });
    case 'clock_started': {
      const values = {
        from:
          e.ownerId === null
            ? t(`timeline.clock.from.${e.from}`)
            : t(`timeline.clock.for.${e.from}`, { owner: c.owner(e.ownerId) }),
        deadline: when(e.deadline, c),
      };
      return e.within === null || e.zone === null
        ? t('timeline.clock.short', values)
        : t('timeline.clock', { ...values, within: d(e.within), zone: e.zone });
    }
    case 'owner_changed':
      return t(e.clockRestarted ? 'timeline.ownerChangedRestart' : 'timeline.ownerChanged', {
        from: e.from === null ? '?' : c.owner(e.from),
        to: c.owner(e.to),
      });
    case 'reassigned': {
      const values = {
        from: c.owner(e.from),
        to: c.owner(e.to),
        state: t(`timeline.reassign.state.${e.state}`),
      };
      if (e.by === 'claim') return t('timeline.claimed', values);
      return t('timeline.reassigned', { ...values, level: (e.level ?? 0) + 1, rule: ruleText(e.rule, c) });
    }
    case 'message':
      return describeMessage(e.message, e.truth, e.upToDate, c);
    case 'acknowledged':
      return t(e.current ? 'timeline.ack' : 'timeline.ackEarlier', { who: e.byName ?? e.by });
    case 'silenced': {
      const s = e.silence;
      return t('timeline.silenced', {
        scope: s.scope.kind === 'owner' ? c.owner(s.scope.ownerId) : s.scope.team,
        until: when(s.until, c),
        by: s.by,
        reason: s.reason,
      });
    }
    case 'touch':
      return t('timeline.touch', { touch: touchLabel(e, c), verdict: touchVerdict(e, c) });
    case 'verdict':
      return describeVerdict(e, c);
    case 'attempts':
      if (e.overkill) return t('timeline.attempts.overkill', { made: e.made });
      return t(e.state === 'met' ? 'timeline.attempts.met' : 'timeline.attempts.short', {
        made: e.made,
        required: e.required,
      });
    case 'closed': {
      const reason = t(`timeline.close.${e.reason}`);
      const detail = [e.detail, e.rejection].filter((x): x is string => x !== null && x !== '').join(': ');
      return detail === ''
        ? t('timeline.closed', { reason })
        : t('timeline.closedDetail', { reason, detail });
    }
    case 'now':
      if (e.overdueBy !== null && e.deadline !== null)
        return t(e.breachRecorded ? 'timeline.now.overdue' : 'timeline.now.overdueUnrecorded', {
          deadline: when(e.deadline, c),
          late: d(e.overdueBy),
        });
      if (e.firstContact === 'pending' && e.deadline !== null)
        return t('timeline.now.pending', { deadline: when(e.deadline, c) });
      return e.nextCheckAt === null
        ? t('timeline.now.settled')
        : t('timeline.now.open', { at: when(e.nextCheckAt, c) });
  }
}

/** A level's `reassign: to` in words. */
function ruleText(rule: ReassignTo | null, c: DescribeContext): string {
  const { t } = c.t;
  if (rule === null) return t('timeline.reassign.rule.gone');
  if (rule.kind === 'team') return t('timeline.reassign.rule.team', { team: rule.team });
  if (rule.kind === 'person') return t('timeline.reassign.rule.person', { email: rule.email });
  return t('timeline.reassign.rule.round_robin');
}

function policyWhy(policy: string, choice: PolicyChoice, c: DescribeContext): string {
  const { t } = c.t;
  const parts: string[] = [];
  if (choice.segment === null) parts.push(t('timeline.policy.noSegment'));
  else if (choice.segment.name !== null)
    parts.push(t('timeline.policy.segment', { segment: choice.segment.name }));
  else parts.push(t('timeline.policy.inline', { condition: conditionText(choice.segment.condition) }));
  for (const s of choice.skipped)
    parts.push(
      t('timeline.policy.skipped', {
        policy: s.policy,
        segment: s.segment.name ?? conditionText(s.segment.condition),
      }),
    );
  if (choice.storedGone) parts.push(t('timeline.policy.gone', { policy }));
  if (choice.matched === null) parts.push(t('timeline.policy.nowNone'));
  else if (choice.matched !== policy) parts.push(t('timeline.policy.nowOther', { policy: choice.matched }));
  // The segment the lead matched belongs to the policy chosen now; when that is another policy the
  // first part describes it, so say which.
  return parts.join('; ');
}

/** A segment condition as the SLA file reads: `country = NL`, `source in [A, B]`, `all(…)`. */
export function conditionText(cond: Condition): string {
  if ('all' in cond) return `all(${cond.all.map(conditionText).join(', ')})`;
  if ('any' in cond) return `any(${cond.any.map(conditionText).join(', ')})`;
  if ('equals' in cond) return `${cond.property} = ${cond.equals}`;
  if ('in' in cond) return `${cond.property} in [${cond.in.join(', ')}]`;
  return `${cond.property} not in [${cond.notIn.join(', ')}]`;
}

function touchLabel(e: Extract<TimelineEvent, { kind: 'touch' }>, c: DescribeContext): string {
  const { t } = c.t;
  const owner = c.owner(e.touch.ownerId);
  if (e.touch.kind === 'call')
    return e.touch.outcome === null
      ? t('timeline.touch.call', { owner })
      : t('timeline.touch.callOutcome', { owner, outcome: e.touch.outcome });
  return t(e.touch.kind === 'email' ? 'timeline.touch.email' : 'timeline.touch.meeting', { owner });
}

function touchVerdict(e: Extract<TimelineEvent, { kind: 'touch' }>, c: DescribeContext): string {
  const { t } = c.t;
  const why = (w: string) =>
    t(`timeline.why.${w}` as 'timeline.why.kind', { outcome: e.touch.outcome ?? '—' });
  const parts: string[] = [];
  const fc = e.firstContact;
  if (fc !== null)
    parts.push(
      fc.counts
        ? t(fc.first ? 'timeline.touch.first' : 'timeline.touch.later')
        : t('timeline.touch.notFirst', { why: why(fc.why) }),
    );
  const a = e.attempt;
  if (a !== null)
    parts.push(a.counts ? t('timeline.touch.attempt') : t('timeline.touch.notAttempt', { why: why(a.why) }));
  return parts.join('; ');
}

function describeVerdict(e: Extract<TimelineEvent, { kind: 'verdict' }>, c: DescribeContext): string {
  const { t } = c.t;
  switch (e.verdict) {
    case 'met':
      return t('timeline.verdict.met', { contact: e.contact ?? 'reached', took: c.t.duration(e.took ?? 0) });
    case 'corrected':
      return t('timeline.verdict.corrected', {
        at: when(e.contactedAt ?? e.at, c),
        took: c.t.duration(e.took ?? 0),
      });
    case 'breached':
      return e.contactedAt === null
        ? t('timeline.verdict.breached')
        : t('timeline.verdict.breachedLate', {
            contact: e.contact ?? 'reached',
            late: c.t.duration(e.lateBy ?? 0),
          });
    case 'excused':
      return t('timeline.verdict.excused', { why: t(`timeline.excuse.${e.excuse ?? 'outage'}`) });
  }
}

function describeMessage(
  m: TimelineMessage,
  truth: MessageTruth | null,
  upToDate: boolean | null,
  c: DescribeContext,
): string {
  const { t } = c.t;
  const kind =
    m.reason?.kind === 'escalation' || m.kind === 'escalation'
      ? t('timeline.kind.escalation', { level: levelOf(m.reason) })
      : t(`timeline.kind.${m.kind === 'admin_alert' ? 'breach' : m.kind}`);
  const parts = [status(m, c)];
  const now = truth === null ? null : truthText(truth, c);
  if (now !== null) parts.push(now);
  if (m.editPending || upToDate === false) parts.push(t('timeline.truth.editPending'));
  return t('timeline.message', { kind, target: targetText(m.target, c), status: parts.join('; ') });
}

const levelOf = (r: NotificationReason | null): number => (r?.kind === 'escalation' ? r.level + 1 : 1);

function targetText(target: Target | null, c: DescribeContext): string {
  const { t } = c.t;
  if (target === null) return t('timeline.target.owner');
  switch (target.kind) {
    case 'user':
      return t('timeline.target.user', { who: target.email });
    case 'channel':
      return t('timeline.target.channel', { who: target.channel });
    default:
      return t(`timeline.target.${target.kind}`);
  }
}

function status(m: TimelineMessage, c: DescribeContext): string {
  const { t } = c.t;
  switch (m.state) {
    case 'sent': {
      if (m.fallback !== null) return t('timeline.status.fallback', { why: m.fallback });
      const late = m.sentAt === null ? 0 : m.sentAt - m.dueAt;
      return late >= 60_000
        ? t('timeline.status.sentLate', { late: c.t.duration(late) })
        : t('timeline.status.sent');
    }
    case 'pending':
      return m.lastError === null
        ? t('timeline.status.pending', { n: m.attempts })
        : t('timeline.status.pendingError', { error: m.lastError });
    case 'failed':
      return t('timeline.status.failed', { error: m.lastError ?? '?' });
  }
}

function truthText(truth: MessageTruth, c: DescribeContext): string | null {
  const { t } = c.t;
  switch (truth.state) {
    case 'open':
      return null;
    case 'corrected':
      return t('timeline.truth.corrected', { at: when(truth.at, c) });
    case 'resolved':
      return t('timeline.truth.resolved', { late: c.t.duration(truth.lateBy) });
    case 'done':
      return t('timeline.truth.done', { at: when(truth.at, c) });
    case 'attempts_met':
      return t('timeline.truth.attempts_met', { made: truth.made, required: truth.required });
    case 'ended':
      return truth.ending.kind === 'closed'
        ? t('timeline.truth.closed')
        : t('timeline.truth.reassigned', { owner: c.owner(truth.ending.to) });
  }
}
