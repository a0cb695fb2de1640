import { DateTime } from 'luxon';
import type { InstanceSummary, TeamDigest } from '../../domain/reports/index.ts';
import { AGE_BUCKETS } from '../../domain/reports/index.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Block, Message } from '../../slack/render/blocks.ts';
import { context, header, section } from '../../slack/render/common-blocks.ts';
import { fallbackText, link, safe } from '../../slack/render/text.ts';

export interface DigestContext {
  readonly zone: string;
  /** `reports.dashboard_url` of the SLA file; `null` = no link. */
  readonly dashboardUrl: string | null;
  readonly stageLabel: (key: string) => string;
  /** The manager's language (the team's `language:`). */
  readonly t: Translator;
}

const dateIn = (t: number, zone: string, fmt: string) => DateTime.fromMillis(t, { zone }).toFormat(fmt);

const pct = (v: number | null, tr: Translator) =>
  v === null ? tr.t('digest.na') : tr.t('report.pct', { v: tr.decimal(v, 1) });

function trend(d: TeamDigest, tr: Translator): string {
  if (d.trend === null) return d.previousCompliance.value === null ? tr.t('digest.noPrevious') : '';
  const arrow = d.trend > 0 ? '▲' : d.trend < 0 ? '▼' : '=';
  const delta = `${d.trend > 0 ? '+' : ''}${tr.decimal(d.trend, 1)}`;
  return tr.t('digest.trend', { arrow, delta, previous: pct(d.previousCompliance.value, tr) });
}

/** Of the met, the breaches announced and then retracted (a touch logged late proved the deadline met). */
const corrected = (d: TeamDigest, tr: Translator): string => {
  const n = d.corrected.value ?? 0;
  return n === 0 ? '' : tr.t('digest.corrected', { n });
};

/**
 * The dashboard filtered to the team and the digest's days, in the digest's language (`lang`, left
 * out for English: the dashboard then follows the reader's Slack language or the file's).
 */
export function dashboardLink(d: TeamDigest, ctx: DigestContext): string | null {
  if (ctx.dashboardUrl === null) return null;
  const url = new URL(ctx.dashboardUrl);
  url.searchParams.set('team', d.team);
  url.searchParams.set('since', dateIn(d.since, ctx.zone, 'yyyy-LL-dd'));
  url.searchParams.set('until', dateIn(d.until - 1, ctx.zone, 'yyyy-LL-dd'));
  if (ctx.t.lang !== 'en') url.searchParams.set('lang', ctx.t.lang);
  return url.toString();
}

function breachLine(b: InstanceSummary, ctx: DigestContext): string {
  const lead = `${link(b.url, safe(b.name, 60))}${b.company ? ` (${safe(b.company, 40)})` : ''}`;
  return ctx.t.t(b.contactedAt === null ? 'digest.breachLineOpen' : 'digest.breachLine', {
    lead,
    owner: safe(b.owner, 40),
    stage: safe(ctx.stageLabel(b.stage), 30),
    late: ctx.t.reportDuration(b.lateBy),
  });
}

/** A short Block Kit message for a manager: compliance and trend, worst breaches, uncontacted, link. */
export function renderDigest(d: TeamDigest, ctx: DigestContext): Message {
  const tr = ctx.t;
  const { t } = tr;
  const days = `${tr.date(d.since, ctx.zone, 'd LLL')} – ${tr.date(d.until - 1, ctx.zone, 'd LLL yyyy')}`;
  const compliance = pct(d.compliance.value, tr);
  const trendText = trend(d, tr);
  const summary = [
    trendText
      ? t('digest.complianceTrend', { pct: compliance, trend: trendText })
      : t('digest.compliance', { pct: compliance }),
    t('digest.counts', {
      handoffs: d.handoffs.value ?? 0,
      met: d.met.value ?? 0,
      corrected: corrected(d, tr),
      breached: d.breached.value ?? 0,
      excused: d.excused.value ?? 0,
    }),
    t('digest.median', { duration: tr.reportDuration(d.medianToContact.value) }),
  ].join('\n');
  const u = d.uncontacted;
  const ages = AGE_BUCKETS.filter((b) => (u.ages[b.key].value ?? 0) > 0).map((b) =>
    t(`digest.age.${b.key}`, { n: u.ages[b.key].value ?? 0 }),
  );
  const open = u.total.value ?? 0;
  const url = dashboardLink(d, ctx);
  const blocks: Block[] = [
    header(t('digest.header', { team: d.team })),
    context([t('digest.days', { days })]),
    section(summary),
    section(
      d.worst.length === 0
        ? t('digest.worstNone')
        : `${t('digest.worst')}\n${d.worst.map((b) => breachLine(b, ctx)).join('\n')}`,
    ),
    section(
      open === 0 ? t('digest.uncontactedNone') : t('digest.uncontacted', { n: open, ages: ages.join(', ') }),
    ),
  ];
  if (url !== null) blocks.push(section(link(url, t('digest.dashboard'))));
  const text = fallbackText(
    t('digest.text', { team: d.team, pct: compliance, breached: d.breached.value ?? 0, open }),
  );
  return { text, blocks };
}
