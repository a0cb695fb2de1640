import { DateTime } from 'luxon';
import type { InstanceSummary, TeamDigest } from '../../domain/reports/index.ts';
import { AGE_BUCKETS } from '../../domain/reports/index.ts';
import type { Block, Message } from '../../slack/render/blocks.ts';
import { context, header, section } from '../../slack/render/common-blocks.ts';
import { fallbackText, link, safe } from '../../slack/render/text.ts';
import { duration } from '../format/values.ts';

export interface DigestContext {
  readonly zone: string;
  /** `reports.dashboard_url` of the SLA file; `null` = no link. */
  readonly dashboardUrl: string | null;
  readonly stageLabel: (key: string) => string;
}

const dateIn = (t: number, zone: string, fmt: string) => DateTime.fromMillis(t, { zone }).toFormat(fmt);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const pct = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(1)}%`);

function trend(d: TeamDigest): string {
  if (d.trend === null) return d.previousCompliance.value === null ? 'no leads judged the week before' : '';
  const arrow = d.trend > 0 ? '▲' : d.trend < 0 ? '▼' : '=';
  const sign = d.trend > 0 ? '+' : '';
  return `${arrow} ${sign}${d.trend.toFixed(1)} pts vs ${pct(d.previousCompliance.value)} the week before`;
}

/** Of the met, the breaches announced and then retracted (a touch logged late proved the deadline met). */
const corrected = (d: TeamDigest): string => {
  const n = d.corrected.value ?? 0;
  return n === 0 ? '' : ` (${n} corrected: breach retracted, contact logged in time)`;
};

/** The dashboard filtered to the team and the digest's days. */
export function dashboardLink(d: TeamDigest, ctx: DigestContext): string | null {
  if (ctx.dashboardUrl === null) return null;
  const url = new URL(ctx.dashboardUrl);
  url.searchParams.set('team', d.team);
  url.searchParams.set('since', dateIn(d.since, ctx.zone, 'yyyy-LL-dd'));
  url.searchParams.set('until', dateIn(d.until - 1, ctx.zone, 'yyyy-LL-dd'));
  return url.toString();
}

const breachLine = (b: InstanceSummary, ctx: DigestContext): string =>
  `• ${link(b.url, safe(b.name, 60))}${b.company ? ` (${safe(b.company, 40)})` : ''}: ${safe(b.owner, 40)}, ${safe(ctx.stageLabel(b.stage), 30)}, ${duration(b.lateBy)} late${b.contactedAt === null ? ', not contacted yet' : ''}`;

/** A short Block Kit message for a manager: compliance and trend, worst breaches, uncontacted, link. */
export function renderDigest(d: TeamDigest, ctx: DigestContext): Message {
  const days = `${dateIn(d.since, ctx.zone, 'd LLL')} – ${dateIn(d.until - 1, ctx.zone, 'd LLL yyyy')}`;
  const summary = [
    `Compliance *${pct(d.compliance.value)}*${trend(d) ? ` (${trend(d)})` : ''}`,
    `${plural(d.handoffs.value ?? 0, 'handoff')}: ${d.met.value ?? 0} met${corrected(d)}, ${d.breached.value ?? 0} breached, ${d.excused.value ?? 0} excused (outages, not held against reps)`,
    `Median time to first contact: ${duration(d.medianToContact.value)}`,
  ].join('\n');
  const u = d.uncontacted;
  const ages = AGE_BUCKETS.filter((b) => (u.ages[b.key].value ?? 0) > 0).map(
    (b) => `${u.ages[b.key].value} ${b.label}`,
  );
  const open = u.total.value ?? 0;
  const url = dashboardLink(d, ctx);
  const blocks: Block[] = [
    header(`SLA digest: ${d.team}`),
    context([`Handoffs of ${days}`]),
    section(summary),
    section(
      d.worst.length === 0
        ? '*Worst breaches:* none this week'
        : `*Worst breaches*\n${d.worst.map((b) => breachLine(b, ctx)).join('\n')}`,
    ),
    section(`*Not yet contacted:* ${open === 0 ? 'none' : `${open} open (${ages.join(', ')})`}`),
  ];
  if (url !== null) blocks.push(section(link(url, 'Open the dashboard')));
  const text = fallbackText(
    `SLA digest ${d.team}: compliance ${pct(d.compliance.value)}, ${d.breached.value ?? 0} breached, ${open} not yet contacted`,
  );
  return { text, blocks };
}
