import type { Report } from '../../../domain/reports/index.ts';
import { day, when } from '../../../reports/format/values.ts';
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
export const signOutForm = (): SafeHtml =>
  html`<form method="post" action="${SIGN_OUT_PATH}" class="sign-out"><button type="submit">Sign out</button></form>`;

const option = (value: string, label: string, selected: string | undefined) =>
  html`<option value="${value}"${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;

function filters(f: FilterChoices): SafeHtml {
  const v = f.values;
  return html`<form class="filters" method="get" action="/dashboard">
${f.teams.length === 0 ? '' : html`<label>Team<select name="team">${option('', 'all teams', v.team)}${f.teams.map((t) => option(t, t, v.team))}${option('no-team', '(no team)', v.team)}</select></label>`}
<label>Rep<select name="rep">${option('', 'all reps', v.rep)}${f.reps.map((r) => option(r.key, r.label, v.rep))}</select></label>
<label>Stage<select name="stage">${option('', 'all stages', v.stage)}${f.stages.map((s) => option(s.key, s.label, v.stage))}</select></label>
<label>Period<select name="period">${(['day', 'week', 'month'] as const).map((p) => option(p, p, v.period ?? 'week'))}</select></label>
<label>Since<input type="date" name="since" value="${v.since ?? ''}"></label>
<label>Until (incl.)<input type="date" name="until" value="${v.until ?? ''}"></label>
<button type="submit">Apply</button> <a href="/dashboard">reset</a>
</form>`;
}

export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head><body>${body}</body></html>`
    .html;
}

/** The dashboard page: filters, then every section; every number links to the leads behind it. */
export function dashboardPage(r: Report, l: Links, f: FilterChoices, warnings: readonly string[]): string {
  const q = r.query;
  const body = html`<header><h1>SLA dashboard</h1><span>${day(q.since, r.zone)} – ${day(q.until - 1, r.zone)} (${r.zone}) · generated ${when(r.generatedAt, r.zone)}</span>
<nav><a href="#speed">Speed</a><a href="#depth">Depth</a><a href="#uncontacted">Not contacted</a><a href="#delivery">Delivery</a><a href="#messages">Messages</a><a href="${l.data()}">JSON</a></nav>
${f.who === null ? '' : html`<span class="who">Signed in as <span id="signed-in-as">${f.who}</span></span>${signOutForm()}`}</header>
<main>${filters(f)}
${[...warnings, ...r.notes].map((n) => html`<p class="warning">${n}</p>`)}
${speedSection(r, l)}${depthSection(r, l)}${uncontactedSection(r, l)}${deliverySection(r, l)}${messagesSection(r, l)}
</main>`;
  return layout('SLA dashboard', body);
}
