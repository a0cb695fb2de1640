import type { SlaConfig } from '../../config/types.ts';
import type { PersonFacts } from '../../domain/reports/index.ts';
import { ownerViews } from '../../domain/reports/people.ts';
import type { Timeline } from '../../domain/timeline/index.ts';
import type { Translator } from '../../i18n/translate.ts';
import { type DescribeContext, describeEvent, when } from './describe-event.ts';

/** The words around the events: names of owners and stages, the reader's language and zone. */
export function describeContext(
  config: Pick<SlaConfig, 'timezone' | 'stages' | 'teams'>,
  owners: readonly PersonFacts[] | null,
  t: Translator,
): DescribeContext {
  const ownerOf = ownerViews({ owners, teams: config.teams });
  return {
    t,
    zone: config.timezone,
    owner: (id) => (id === null ? t.t('timeline.unassigned') : ownerOf(id).label),
    stage: (key) => config.stages.find((s) => s.key === key)?.label ?? key,
  };
}

/** The lead's name as people know it (name, else e-mail, else the record). */
export function leadName(tl: Timeline): string {
  const l = tl.instance.lead;
  const name = [l.firstName, l.lastName].filter((s) => s !== null && s.trim() !== '').join(' ');
  return `${name || l.email || `${l.objectType} ${l.objectId}`}${l.company ? ` (${l.company})` : ''}`;
}

/** The heading line under the title: stage, handoff time, owner, open or closed, policy. */
export function instanceLine(tl: Timeline, c: DescribeContext): string {
  const i = tl.instance;
  return c.t.t('timeline.instance', {
    stage: c.stage(i.stage),
    entered: when(i.enteredAt, c),
    owner: c.owner(i.ownerId),
    state: c.t.t(i.closedAt === null ? 'timeline.state.open' : 'timeline.state.closed'),
    policy: i.policyName,
  });
}

/** `sla-bot explain` as text: each instance (newest first) with its events, one per line. */
export function renderTimelinesText(timelines: readonly Timeline[], c: DescribeContext): string {
  return timelines
    .map((tl) => {
      const rows = tl.events.map((e) => `  ${when(e.at, c)}  ${describeEvent(e, c)}`);
      return [
        c.t.t('timeline.title', { lead: leadName(tl) }),
        instanceLine(tl, c),
        `${tl.instance.lead.url}`,
        `${tl.instanceId}`,
        ...(tl.recomputed ? [c.t.t('timeline.recomputed')] : []),
        '',
        ...rows,
        '',
      ].join('\n');
    })
    .join('\n');
}

/**
 * `sla-bot explain --json`: the typed events with an ISO time beside each epoch-millisecond `at`, and
 * the line people read (`text`). A machine contract (`format`): keys never change with `--lang`.
 */
export function renderTimelinesJson(timelines: readonly Timeline[], c: DescribeContext): string {
  const iso = (at: number) => new Date(at).toISOString();
  return `${JSON.stringify(
    {
      format: 'sla-bot-timeline/1',
      timelines: timelines.map((tl) => ({
        instanceId: tl.instanceId,
        lead: {
          objectType: tl.instance.lead.objectType,
          objectId: tl.instance.lead.objectId,
          contactId: tl.instance.lead.contactId,
          name: leadName(tl),
          email: tl.instance.lead.email,
          url: tl.instance.lead.url,
        },
        stage: tl.instance.stage,
        policy: tl.instance.policyName,
        ownerId: tl.instance.ownerId,
        open: tl.instance.closedAt === null,
        recomputed: tl.recomputed,
        events: tl.events.map((e) => ({ ...e, time: iso(e.at), text: describeEvent(e, c) })),
      })),
    },
    null,
    2,
  )}\n`;
}
