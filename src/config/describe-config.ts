import { formatMillis } from './duration.ts';
import type { SlaConfig } from './types.ts';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** One line about a loaded config, e.g. for `sla-bot validate`: what it defines at a glance. */
export function describeConfig(config: SlaConfig): string {
  const calendars = [...config.calendars.keys()].filter((name) => name !== '24x7');
  return [
    `${count(config.stages.length, 'stage')} (${config.stages.map((s) => s.key).join(', ')})`,
    count(config.policies.length, 'policy').replace('policys', 'policies'),
    count(config.teams.length, 'team'),
    count(calendars.length, 'calendar'),
    `poll every ${config.poll.every === 'auto' ? 'auto' : formatMillis(config.poll.every)}`,
  ].join(', ');
}
