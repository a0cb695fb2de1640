import type {
  Condition as ConditionValue,
  Policy as PolicyValue,
  TouchKind,
  TouchRule,
} from '../../domain/policy.ts';
import { MINUTE } from '../../domain/time.ts';
import { businessTime, formatMillis, wallClock } from '../duration.ts';
import { at, type PathProblem } from '../problems.ts';
import type { Condition } from '../schema/condition-schema.ts';
import type { Policy } from '../schema/policy-schema.ts';
import type { ResolvedCalendar } from './resolve-calendars.ts';

/** Default reminder: this long before the deadline. */
const REMIND_BEFORE_DEADLINE = 2 * MINUTE;

interface TouchRuleInput {
  readonly counts: readonly TouchKind[];
  readonly call_outcomes?: readonly string[] | undefined;
  readonly outbound_only: boolean;
  readonly owner_only: boolean;
  readonly include_before_handoff: boolean;
}

const touchRule = (r: TouchRuleInput): TouchRule => ({
  kinds: r.counts,
  callOutcomes: r.call_outcomes ?? null,
  outboundOnly: r.outbound_only,
  ownerOnly: r.owner_only,
  includeBeforeHandoff: r.include_before_handoff,
});

/** The YAML condition (`not_in`) as the domain's `Condition` (`notIn`). */
export function toCondition(c: Condition): ConditionValue {
  if (c.all) return { all: c.all.map(toCondition) };
  if (c.any) return { any: c.any.map(toCondition) };
  const property = c.property ?? '';
  if (c.in) return { property, in: c.in };
  if (c.not_in) return { property, notIn: c.not_in };
  return { property, equals: c.equals ?? '' };
}

/**
 * One policy as the engine consumes it: durations in ms (business time for deadline, reminders and
 * attempts window; wall clock for escalations and the minimum gap). References were checked before.
 */
export function resolvePolicy(
  policy: Policy,
  index: number,
  calendar: ResolvedCalendar,
  segments: ReadonlyMap<string, ConditionValue>,
): { readonly policy: PolicyValue } | { readonly problems: readonly PathProblem[] } {
  const day = calendar.businessDay;
  const fc = policy.first_contact;
  const within = businessTime(fc.within, day);
  const remind = fc.remind
    ? fc.remind.map((d) => businessTime(d, day))
    : within > REMIND_BEFORE_DEADLINE
      ? [within - REMIND_BEFORE_DEADLINE]
      : [];
  const problems: PathProblem[] = remind.flatMap((offset, k) => {
    if (offset < within) return [];
    const path = ['policies', index, 'first_contact', 'remind', k];
    const text = fc.remind?.[k]?.text ?? formatMillis(offset);
    const business = text === formatMillis(offset) ? '' : ` (${formatMillis(offset)} of business time)`;
    return [
      {
        path,
        message: at(
          path,
          `${text}${business} is not before the deadline (${fc.within.text}); remind earlier`,
        ),
      },
    ];
  });
  if (problems.length > 0) return { problems };
  const segment = policy.segment;
  const a = policy.attempts;
  return {
    policy: {
      name: policy.name,
      stage: policy.stage,
      segment:
        segment === undefined
          ? null
          : typeof segment === 'string'
            ? (segments.get(segment) ?? null)
            : toCondition(segment),
      calendar: calendar.calendar,
      firstContact: { within, remind: [...new Set(remind)].sort((x, y) => x - y), counts: touchRule(fc) },
      attempts:
        a === false
          ? null
          : {
              required: a.required,
              within: businessTime(a.within, day),
              atMost: a.at_most,
              minGap: a.min_gap ? wallClock(a.min_gap) : null,
              counts: touchRule(a),
            },
      escalate: policy.escalate.map((level, i) => ({
        level: i,
        after: level.after ? wallClock(level.after) : 0,
        notify: level.notify,
        repeat: level.repeat ? { every: wallClock(level.repeat.every), times: level.repeat.times } : null,
        ...(level.reassign ? { reassign: { to: level.reassign.to, max: level.reassign.max } } : {}),
      })),
      clockStart: policy.clock_start,
      restartOnOwnerChange: policy.restart_on_owner_change,
    },
  };
}
