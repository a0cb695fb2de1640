import type { Report, SpeedRow } from '../../../domain/reports/index.ts';
import { SPEED_BANDS } from '../../../domain/reports/index.ts';
import { count, ms, pct } from '../../../reports/format/values.ts';
import { type Column, figureTable, tile } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import { figureLink, type Links } from '../render/links.ts';
import { type Bar, columns, hbars } from '../render/svg-charts.ts';

const COLS: readonly Column<SpeedRow>[] = [
  { title: 'handoffs', path: ['handoffs'], pick: (r) => r.handoffs, show: count },
  { title: 'met', path: ['met'], pick: (r) => r.met, show: count },
  { title: 'corrected', path: ['corrected'], pick: (r) => r.corrected, show: count },
  { title: 'breached', path: ['breached'], pick: (r) => r.breached, show: count },
  { title: 'excused', path: ['excused'], pick: (r) => r.excused, show: count },
  { title: 'pending', path: ['pending'], pick: (r) => r.pending, show: count },
  { title: 'compliance', path: ['compliance'], pick: (r) => r.compliance, show: pct },
  { title: 'median', path: ['timeToContact', 'median'], pick: (r) => r.timeToContact.median, show: ms },
  { title: 'p90', path: ['timeToContact', 'p90'], pick: (r) => r.timeToContact.p90, show: ms },
  { title: 'rep delay', path: ['repDelay', 'median'], pick: (r) => r.repDelay.median, show: ms },
  {
    title: 'system delay',
    path: ['systemDelay', 'detection', 'median'],
    pick: (r) => r.systemDelay.detection.median,
    show: ms,
  },
  { title: 'silenced', path: ['silencedEscalations'], pick: (r) => r.silencedEscalations, show: count },
];

/** `week of 2 Mar 2026` / `Mon 2 Mar 2026` → `2 Mar`; months stay `Mar 2026`. */
const shortPeriod = (label: string): string =>
  /\d{1,2} \w{3} \d{4}$/.test(label) ? label.replace(/^(week of |\w{3} )/, '').replace(/ \d{4}$/, '') : label;

const tone = (v: number | null) => (v === null ? 'muted' : v >= 90 ? 'good' : v >= 70 ? 'warn' : 'bad');

export function speedSection(r: Report, l: Links): SafeHtml {
  const t = r.speed.total;
  const p = (...rest: string[]) => ['speed', 'total', ...rest];
  const bands: Bar[] = SPEED_BANDS.map((b) => ({
    label: b.label,
    value: t.bands[b.key].value,
    display: count(t.bands[b.key]),
    href: t.bands[b.key].ids.length > 0 ? l.leads(p('bands', b.key)) : null,
    figure: p('bands', b.key).join('/'),
    tone: b.key === '0-5m' ? 'good' : b.key === '60m+' ? 'bad' : 'warn',
  }));
  const perPeriod = (
    pick: (row: SpeedRow) => { value: number | null; ids: readonly string[] },
    path: string[],
    show: (f: { value: number | null; ids: readonly string[] }) => string,
    toned: boolean,
  ): Bar[] =>
    r.speed.byPeriod.map((row) => {
      const f = pick(row);
      const fp = ['speed', 'byPeriod', row.key, ...path];
      return {
        label: shortPeriod(row.label),
        value: f.value,
        display: show(f),
        href: f.ids.length > 0 ? l.leads(fp) : null,
        figure: fp.join('/'),
        tone: toned ? tone(f.value) : 'neutral',
      };
    });
  const reps: Bar[] = r.speed.byRep.map((row) => ({
    label: row.label,
    value: row.compliance.value,
    display: pct(row.compliance),
    href: row.compliance.ids.length > 0 ? l.leads(['speed', 'byRep', row.key, 'compliance']) : null,
    figure: `speed/byRep/${encodeURIComponent(row.key)}/compliance`,
    tone: tone(row.compliance.value),
  }));
  return html`<section id="speed"><h2>Speed of follow-up</h2>
<p class="note">Time to first contact in business time from the clock start. Excused breaches (outages, handoffs the bot saw too late) and silenced escalations are shown, not counted against reps. Corrected: breaches announced in Slack and then retracted, because a touch logged late proved the deadline was met; they count as met.</p>
<div class="tiles">
${tile('Handoffs', figureLink(l, p('handoffs'), t.handoffs, count(t.handoffs)))}
${tile('Compliance', figureLink(l, p('compliance'), t.compliance, pct(t.compliance)), 'met ÷ (met + breached)')}
${tile('Median to contact', figureLink(l, p('timeToContact', 'median'), t.timeToContact.median, ms(t.timeToContact.median)), `p90 ${ms(t.timeToContact.p90)}`)}
${tile('Breached', figureLink(l, p('breached'), t.breached, count(t.breached)), `excused ${count(t.excused)}`)}
${tile('Corrected', figureLink(l, p('corrected'), t.corrected, count(t.corrected)), 'breach retracted: counted as met')}
${tile('Rep delay', figureLink(l, p('repDelay', 'median'), t.repDelay.median, ms(t.repDelay.median)), 'median, ping → contact')}
${tile('System delay', figureLink(l, p('systemDelay', 'detection', 'median'), t.systemDelay.detection.median, ms(t.systemDelay.detection.median)), `detect; deliver ${ms(t.systemDelay.delivery.median)}`)}
${tile('Silenced escalations', figureLink(l, p('silencedEscalations'), t.silencedEscalations, count(t.silencedEscalations)))}
</div>
<div class="charts">
<figure><figcaption>Time to first contact</figcaption>${hbars('Leads by time to first contact', bands)}</figure>
<figure><figcaption>Compliance per ${r.query.period} (%)</figcaption>${columns(
    'Compliance per period',
    perPeriod((x) => x.compliance, ['compliance'], pct, true),
    { max: 100 },
  )}</figure>
<figure><figcaption>Median time to contact per ${r.query.period} (minutes)</figcaption>${columns(
    'Median time to first contact per period',
    perPeriod((x) => x.timeToContact.median, ['timeToContact', 'median'], ms, false).map((b) => ({
      ...b,
      value: b.value === null ? null : b.value / 60_000,
    })),
  )}</figure>
<figure><figcaption>Compliance per rep (%)</figcaption>${hbars('Compliance per rep', reps, { max: 100 })}</figure>
</div>
${figureTable(l, ['speed', 'total'], 'all', [t], COLS, () => ['speed', 'total'])}
${figureTable(l, ['speed', 'byTeam'], 'team', r.speed.byTeam, COLS)}
${figureTable(l, ['speed', 'byRep'], 'rep', r.speed.byRep, COLS)}
${figureTable(l, ['speed', 'byStage'], 'stage', r.speed.byStage, COLS)}
${figureTable(l, ['speed', 'byPeriod'], r.query.period, r.speed.byPeriod, COLS)}
</section>`;
}
