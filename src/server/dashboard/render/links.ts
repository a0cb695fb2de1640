import type { Figure } from '../../../domain/reports/index.ts';
import { figurePath } from '../../../domain/reports/index.ts';
import { html, type SafeHtml } from './html.ts';

/** Builds dashboard URLs that keep the current filters (never a credential: none goes in URLs). */
export interface Links {
  /** `/dashboard?…` with some filters replaced. */
  page(changes?: Readonly<Record<string, string | null>>): string;
  /** The click-through list of the leads behind a figure. */
  leads(path: readonly string[]): string;
  /** The JSON behind the page. */
  data(): string;
  /** One lead's timeline (`/dashboard/lead`), in the page's language. */
  lead(instanceId: string): string;
}

export function links(base: string, params: URLSearchParams): Links {
  const build = (path: string, changes: Readonly<Record<string, string | null>>) => {
    const p = new URLSearchParams(params);
    p.delete('figure');
    p.delete('token');
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    const q = p.toString();
    return `${base}${path}${q === '' ? '' : `?${q}`}`;
  };
  return {
    page: (changes = {}) => build('', changes),
    leads: (path) => build('/leads', { figure: figurePath(path) }),
    data: () => build('/data.json', {}),
    lead: (instanceId) => {
      const lang = params.get('lang');
      return `${base}/lead?${new URLSearchParams({ id: instanceId, ...(lang ? { lang } : {}) })}`;
    },
  };
}

/** A figure's value as a link to the leads behind it (plain text when there are none). */
export function figureLink(l: Links, path: readonly string[], f: Figure, text: string): SafeHtml {
  const id = figurePath(path);
  if (f.ids.length === 0) return html`<span class="fig" data-figure="${id}">${text}</span>`;
  return html`<a class="fig" data-figure="${id}" href="${l.leads(path)}" title="${f.ids.length} lead(s)">${text}</a>`;
}
