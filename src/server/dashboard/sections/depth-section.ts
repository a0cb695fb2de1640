import type { DepthRow, Figure, Report } from '../../../domain/reports/index.ts';
import { figurePath } from '../../../domain/reports/index.ts';
import { count, DASH, ms } from '../../../reports/format/values.ts';
import { type Column, figureTable, tile } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import { figureLink, type Links } from '../render/links.ts';
import { type Bar, hbars } from '../render/svg-charts.ts';

const mean = (f: Figure) => (f.value === null ? DASH : f.value.toFixed(1));

const COLS: readonly Column<DepthRow>[] = [
  { title: 'leads', path: ['leads'], pick: (r) => r.leads, show: count },
  { title: 'attempts', path: ['attempts'], pick: (r) => r.attempts, show: count },
  { title: 'required', path: ['required'], pick: (r) => r.required, show: count },
  { title: 'avg', path: ['averageAttempts'], pick: (r) => r.averageAttempts, show: mean },
  { title: 'met', path: ['attemptsMet'], pick: (r) => r.attemptsMet, show: count },
  { title: 'short', path: ['attemptsShort'], pick: (r) => r.attemptsShort, show: count },
  { title: 'open', path: ['attemptsOpen'], pick: (r) => r.attemptsOpen, show: count },
  { title: 'overkill', path: ['overkill'], pick: (r) => r.overkill, show: count },
  { title: 'calls', path: ['calls'], pick: (r) => r.calls, show: count },
  { title: 'talk time', path: ['talkTime'], pick: (r) => r.talkTime, show: ms },
];

export function depthSection(r: Report, l: Links): SafeHtml {
  const t = r.depth.total;
  const p = (...rest: string[]) => ['depth', 'total', ...rest];
  const perLead = t.withRule.value ? (t.required.value ?? 0) / t.withRule.value : null;
  const reps: Bar[] = r.depth.byRep.map((row) => {
    const path = ['depth', 'byRep', row.key, 'averageAttempts'];
    const required = row.withRule.value ? (row.required.value ?? 0) / row.withRule.value : null;
    return {
      label: row.label,
      value: row.averageAttempts.value,
      display: `${mean(row.averageAttempts)} of ${required === null ? DASH : required.toFixed(1)}`,
      href: row.averageAttempts.ids.length > 0 ? l.leads(path) : null,
      figure: figurePath(path),
      tone: required !== null && (row.averageAttempts.value ?? 0) >= required ? 'good' : 'warn',
    };
  });
  const outcomes: Bar[] = Object.entries(t.outcomes).map(([name, f]) => {
    const path = p('outcomes', name);
    return {
      label: name,
      value: f.value,
      display: count(f),
      href: f.ids.length > 0 ? l.leads(path) : null,
      figure: figurePath(path),
    };
  });
  return html`<section id="depth"><h2>Depth of follow-up</h2>
<div class="tiles">
${tile('Attempts per lead', figureLink(l, p('averageAttempts'), t.averageAttempts, mean(t.averageAttempts)), `required ${perLead === null ? DASH : perLead.toFixed(1)}`)}
${tile('Attempts short', figureLink(l, p('attemptsShort'), t.attemptsShort, count(t.attemptsShort)), 'window over, too few')}
${tile('Overkill', figureLink(l, p('overkill'), t.overkill, count(t.overkill)), 'more than the upper bound')}
${tile('Calls', figureLink(l, p('calls'), t.calls, count(t.calls)), `talk time ${ms(t.talkTime)}`)}
${tile('Talk time per lead', figureLink(l, p('averageTalkTime'), t.averageTalkTime, ms(t.averageTalkTime)))}
</div>
<div class="charts">
<figure><figcaption>Attempts per lead, per rep (of required)</figcaption>${hbars('Average attempts per rep', reps)}</figure>
<figure><figcaption>Call outcomes</figcaption>${outcomes.length === 0 ? html`<p class="note">No calls logged.</p>` : hbars('Calls by outcome', outcomes)}</figure>
</div>
${figureTable(l, ['depth', 'total'], 'all', [t], COLS, () => ['depth', 'total'])}
${figureTable(l, ['depth', 'byTeam'], 'team', r.depth.byTeam, COLS)}
${figureTable(l, ['depth', 'byRep'], 'rep', r.depth.byRep, COLS)}
${figureTable(l, ['depth', 'byStage'], 'stage', r.depth.byStage, COLS)}
</section>`;
}
