import type { Condition, Policy } from '../../domain/policy.ts';
import { wallClock } from '../duration.ts';
import type { PathProblem, YamlPath } from '../problems.ts';
import type { SlaFile } from '../schema/sla-file.ts';
import type { SlaConfig, SourceLocation } from '../types.ts';
import { channelRefs, reassignRefs } from './channel-refs.ts';
import { resolveCalendars } from './resolve-calendars.ts';
import { resolvePolicy, toCondition } from './resolve-policy.ts';
import {
  resolveHubspot,
  resolveOutOfOffice,
  resolveReports,
  resolveStages,
  resolveTeams,
} from './resolve-settings.ts';

export interface ResolveContext {
  readonly file: string;
  /** Where the key at a path is in the file, for `StageDefinition.at`. */
  readonly locate: (path: YamlPath) => SourceLocation;
}

/**
 * The checked file → the readonly `SlaConfig` the worker runs on: calendars compiled, durations in ms,
 * defaults filled in. References were checked on the raw data before; what can still fail here needs
 * the resolved calendars (a reminder after the deadline once days are business days).
 */
export function resolveConfig(
  file: SlaFile,
  context: ResolveContext,
): { readonly config: SlaConfig } | { readonly problems: readonly PathProblem[] } {
  const { calendars, problems: calendarProblems } = resolveCalendars(file);
  const problems: PathProblem[] = [...calendarProblems];
  const segments = new Map<string, Condition>(
    Object.entries(file.segments).map(([n, c]) => [n, toCondition(c)]),
  );
  const policies: Policy[] = [];
  file.policies.forEach((policy, i) => {
    const calendar = calendars.get(policy.calendar);
    if (!calendar) return; // its calendar failed to compile, reported above
    const resolved = resolvePolicy(policy, i, calendar, segments);
    if ('problems' in resolved) problems.push(...resolved.problems);
    else policies.push(resolved.policy);
  });
  const outOfOffice = resolveOutOfOffice(file);
  problems.push(...outOfOffice.problems);
  if (problems.length > 0) return { problems };
  return {
    config: {
      file: context.file,
      timezone: file.timezone,
      ...(file.language === undefined ? {} : { language: file.language }),
      calendars: new Map([...calendars].map(([n, c]) => [n, c.calendar])),
      calendarSpecs: new Map([...calendars].map(([n, c]) => [n, c.spec])),
      stages: resolveStages(file, context.locate),
      recycleStages: file.recycle_stages,
      teams: resolveTeams(file),
      policies,
      poll: {
        every: file.poll.every === 'auto' ? 'auto' : wallClock(file.poll.every),
        overlap: wallClock(file.poll.overlap),
        backfill: wallClock(file.poll.backfill),
      },
      hubspot: resolveHubspot(file),
      slack: {
        admins: file.slack.admins,
        userOverrides: file.slack.user_overrides,
        outOfOffice: outOfOffice.entries,
        notAFitReasons: file.slack.not_a_fit_reasons,
      },
      reports: resolveReports(file),
      segments,
      channels: channelRefs(file, context.locate),
      reassignments: reassignRefs(file, context.locate),
      ...(file.hubspot.write_back.enabled
        ? { writeBackAt: context.locate(['hubspot', 'write_back', 'enabled']) }
        : {}),
    },
  };
}
