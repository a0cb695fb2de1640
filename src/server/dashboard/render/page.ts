import type { Report } from '../../../domain/reports/index.ts';
import { type Translator, translator } from '../../../i18n/translate.ts';
import { reportValues } from '../../../reports/format/localized.ts';
import { noteText } from '../../../reports/format/report-notes.ts';
import { SIGN_OUT_PATH } from '../auth/sign-in-settings.ts';
import { deliverySection } from '../sections/delivery-section.ts';
import { depthSection } from '../sections/depth-section.ts';
import { messagesSection } from '../sections/messages-section.ts';
import { speedSection } from '../sections/speed-section.ts';
import { uncontactedSection } from '../sections/uncontacted-section.ts';
import { html, type SafeHtml } from './html.ts';
import type { Links } from './links.ts';
import { STYLE } from './style.ts';

export interface FilterChoices {
  readonly teams: readonly string[];
  readonly stages: readonly { readonly key: string; readonly label: string }[];
  readonly reps: readonly { readonly key: string; readonly label: string }[];
  /** The raw values of the form fields, as the request gave them. */
  readonly values: Readonly<Record<string, string>>;
  /** The signed-in person (`anna@example.com (manager of benelux)`); `null` for the token. */
  readonly who: string | null;
}

/** Ends the session (a form: the pages run no scripts). */
export const signOutForm = (t: Translator = translator()): SafeHtml =>
  html`<form method="post" action="${SIGN_OUT_PATH}" class="sign-out"><button type="submit">${t.t('dash.signOut')}</button></form>`;

const option = (value: string, label: string, selected: string | undefined) =>
  html`<option value="${value}"${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;

/** The filter form; a `lang` the URL chose rides along (hidden), and so does it on "reset". */
function filters(f: FilterChoices, t: Translator): SafeHtml {
  const v = f.values;
  const { t: m } = t;
  const lang = v.lang?.trim() ? v.lang.trim() : null;
  return html`<form class="filters" method="get" action="/dashboard">
${f.teams.length === 0 ? '' : html`<label>${m('dash.filter.team')}<select name="team">${option('', m('dash.filter.allTeams'), v.team)}${f.teams.map((team) => option(team, team, v.team))}${option('no-team', m('row.noTeam'), v.team)}</select></label>`}
<label>${m('dash.filter.rep')}<select name="rep">${option('', m('dash.filter.allReps'), v.rep)}${f.reps.map((r) => option(r.key, r.label, v.rep))}</select></label>
<label>${m('dash.filter.stage')}<select name="stage">${option('', m('dash.filter.allStages'), v.stage)}${f.stages.map((s) => option(s.key, s.label, v.stage))}</select></label>
<label>${m('dash.filter.period')}<select name="period">${(['day', 'week', 'month'] as const).map((p) => option(p, m(`period.${p}`), v.period ?? 'week'))}</select></label>
<label>${m('dash.filter.since')}<input type="date" name="since" value="${v.since ?? ''}"></label>
<label>${m('dash.filter.until')}<input type="date" name="until" value="${v.until ?? ''}"></label>
${lang === null ? '' : html`<input type="hidden" name="lang" value="${lang}">`}<button type="submit">${m('dash.filter.apply')}</button> <a href="${lang === null ? '/dashboard' : `/dashboard?lang=${encodeURIComponent(lang)}`}">${m('dash.filter.reset')}</a>
</form>`;
}

export function layout(title: string, body: SafeHtml, lang = 'en'): string {
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head><body>${body}</body></html>`
    .html;
}

/** The dashboard page: filters, then every section; every number links to the leads behind it. */
export function dashboardPage(
  r: Report,
  l: Links,
  f: FilterChoices,
  warnings: readonly string[],
  t: Translator = translator(),
): string {
  const q = r.query;
  const v = reportValues(t);
  const { t: m } = t;
  const range = m('dash.range', {
    since: v.day(q.since, r.zone),
    until: v.day(q.until - 1, r.zone),
    zone: r.zone,
    when: v.when(r.generatedAt, r.zone),
  });
  const body = html`<header><h1>${m('dash.title')}</h1><span>${range}</span>
<nav><a href="#speed">${m('dash.nav.speed')}</a><a href="#depth">${m('dash.nav.depth')}</a><a href="#uncontacted">${m('dash.nav.uncontacted')}</a><a href="#delivery">${m('dash.nav.delivery')}</a><a href="#messages">${m('dash.nav.messages')}</a><a href="${l.data()}">JSON</a></nav>
${f.who === null ? '' : html`<span class="who">${m('dash.signedInAs')} <span id="signed-in-as">${f.who}</span></span>${signOutForm(t)}`}</header>
<main>${filters(f, t)}
${[...warnings, ...r.notes.map((n) => noteText(t, n))].map((n) => html`<p class="warning">${n}</p>`)}
${speedSection(r, l, v)}${depthSection(r, l, v)}${uncontactedSection(r, l, v)}${deliverySection(r, l, v)}${messagesSection(r, l, v)}
</main>`;
  return layout(m('dash.title'), body, t.lang);
}
