import { displayPath, type YamlPath } from '../problems.ts';
import type { SlaFile } from '../schema/sla-file.ts';
import { parseTarget } from '../schema/target-schema.ts';
import type { ChannelRef, ReassignRef, SourceLocation } from '../types.ts';

const isChannel = (value: string): boolean => parseTarget(value)?.kind === 'channel';

/**
 * Every Slack channel the SLA file names (team channels, channel entries of `slack.admins`, channel
 * targets of escalations), with where it is written, so a name Slack does not know can be reported
 * with its file and line (SD-15).
 */
export function channelRefs(file: SlaFile, locate: (path: YamlPath) => SourceLocation): ChannelRef[] {
  const refs: ChannelRef[] = [];
  const add = (channel: string, path: YamlPath) => {
    if (isChannel(channel)) refs.push({ channel, path: displayPath(path), at: locate(path) });
  };
  for (const [team, t] of Object.entries(file.teams))
    if (t.channel) add(t.channel, ['teams', team, 'channel']);
  file.slack.admins.forEach((entry, i) => {
    add(entry, ['slack', 'admins', i]);
  });
  file.policies.forEach((policy, i) => {
    policy.escalate.forEach((level, j) => {
      level.notify.forEach((target, k) => {
        if (target.kind === 'channel') add(target.channel, ['policies', i, 'escalate', j, 'notify', k]);
      });
    });
  });
  return refs;
}

/** Every escalation level with `reassign:`, with where it is written (the write scope's start-up check). */
export function reassignRefs(file: SlaFile, locate: (path: YamlPath) => SourceLocation): ReassignRef[] {
  return file.policies.flatMap((policy, i) =>
    policy.escalate.flatMap((level, j) => {
      if (level.reassign === undefined) return [];
      const path = ['policies', i, 'escalate', j, 'reassign'];
      return [{ policy: policy.name, path: displayPath(path), at: locate(path) }];
    }),
  );
}
