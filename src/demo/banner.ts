import { formatMillis } from '../config/duration.ts';
import type { SlaConfig } from '../config/types.ts';
import type { EscalationLevel, ReassignTo, Target } from '../domain/policy.ts';
import type { DemoScenario } from './scenario.ts';
import type { Style } from './style.ts';

const TARGET: Record<Target['kind'], string> = {
  owner: 'rep',
  manager: 'manager',
  team_channel: 'team channel',
  user: 'user',
  channel: 'channel',
};

/** `7.5s`, `40s`, `2m`, `1m30s`: durations of a sped-up file stay readable. */
export const shortDuration = (ms: number): string =>
  ms < 60_000 ? `${Number((ms / 1000).toFixed(1))}s` : formatMillis(Math.round(ms / 1000) * 1000);

const targets = (ts: readonly Target[]) =>
  ts
    .map((t) => (t.kind === 'user' ? t.email : t.kind === 'channel' ? t.channel : TARGET[t.kind]))
    .join(' + ');

const reassignedTo = (to: ReassignTo): string =>
  to.kind === 'round_robin'
    ? "the team's next rep"
    : to.kind === 'team'
      ? `the next rep of team ${to.team}`
      : to.email;

/** `takeIt`: the team channel's escalations carry "Take it" (write-back is on). */
const escalation = (e: EscalationLevel, takeIt: boolean): string => {
  const when = e.after === 0 ? 'at the breach' : `${shortDuration(e.after)} after the breach`;
  const repeat = e.repeat ? `, again every ${shortDuration(e.repeat.every)} (${e.repeat.times}×)` : '';
  const claim =
    takeIt && e.notify.some((t) => t.kind === 'team_channel') ? ' (a teammate may "Take it")' : '';
  const moved = e.reassign ? `, and the lead goes to ${reassignedTo(e.reassign.to)}` : '';
  return `${targets(e.notify)} ${when}${repeat}${claim}${moved}`;
};

/** One line per policy: the deadlines this run plays against, as the SLA file resolved them. */
export function policyLines(config: SlaConfig): string[] {
  return config.policies.map((p) => {
    const stage = config.stages.find((s) => s.key === p.stage)?.label ?? p.stage;
    const reminders = p.firstContact.remind.map(shortDuration).join(', ');
    return [
      `${stage} (${p.name}, calendar ${p.calendar.name}): first contact within ${shortDuration(p.firstContact.within)}`,
      reminders === '' ? '' : `, reminder at ${reminders}`,
      p.escalate.length > 0
        ? `; ${p.escalate.map((e) => escalation(e, config.hubspot.writeBack.enabled)).join('; ')}`
        : '',
    ].join('');
  });
}

/** Who is who in this run, per team. */
export function peopleLines(scenario: DemoScenario): string[] {
  const teams = [...new Set(scenario.people.map((p) => p.team))];
  return teams.map((team) => {
    const names = scenario.people
      .filter((p) => p.team === team)
      .map((p) => {
        const notes = [p.role === 'manager' ? 'manager' : null, p.inSlack ? null : 'not in Slack'].filter(
          (n): n is string => n !== null,
        );
        return `${p.firstName} ${p.lastName}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
      });
    return `${team}: ${names.join(', ')}`;
  });
}

export interface BannerFacts {
  readonly config: SlaConfig;
  readonly scenario: DemoScenario;
  readonly speed: number;
  readonly duration: string;
  readonly officeOpens: string;
  readonly hubspotUrl: string;
  readonly slackUrl: string;
  readonly dashboardUrl: string;
  readonly dir: string;
}

/** What the newcomer is about to watch, and where everything lives. */
export function banner(f: BannerFacts, style: Style): string {
  const item = (label: string, value: string) => `  ${style.dim(label.padEnd(11))}${value}`;
  return [
    style.bold('sla-bot demo') +
      ' — fake HubSpot and Slack on loopback, the real worker, a scripted stream of leads.',
    '',
    ...policyLines(f.config).map((l) => item('SLA', l)),
    item('Office', `the "office" calendar opens at ${f.officeOpens} in this run (at first, it is night)`),
    ...peopleLines(f.scenario).map((l) => item('Team', l)),
    item('HubSpot', `${f.hubspotUrl}  (sandbox)`),
    item('Slack', `${f.slackUrl}  (sandbox)`),
    item('Dashboard', `${f.dashboardUrl}  (sign in on the sandbox's Slack as anyone in the story)`),
    item('Files', `${f.dir}  (SLA file, SQLite store, worker.log)`),
    '',
    `Speed ${f.speed}×, runs ${f.duration}; Ctrl-C stops early. Below: what happens in HubSpot, and what each person sees in Slack.`,
    '',
    '',
  ].join('\n');
}
