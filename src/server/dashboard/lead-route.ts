import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock/clock.ts';
import type { SlaConfig } from '../../config/types.ts';
import { inScope, type PersonFacts, type ReportScope } from '../../domain/reports/index.ts';
import { ownerViews } from '../../domain/reports/people.ts';
import type { StoredInstance } from '../../ports/store.ts';
import { ReportArgumentError } from '../../reports/report-window.ts';
import { findInstances, loadTimeline, type TimelineStore } from '../../reports/timeline/load-timeline.ts';
import { describeContext } from '../../reports/timeline/render-timeline.ts';
import { type Route, sendJson } from '../route.ts';
import { sendPage } from './auth/sign-in-routes.ts';
import type { Viewer } from './auth/viewer.ts';
import { dashboardLang, dashboardTranslator } from './dashboard-language.ts';
import { leadPage } from './render/lead-page.ts';

/** The path of a lead's page: `?id=` an SLA instance id, or a HubSpot record (contact) id. */
export const LEAD_PATH = '/dashboard/lead';

export interface LeadRouteDeps {
  readonly store: TimelineStore;
  readonly config: () => SlaConfig;
  /** HubSpot owners; `null` when unavailable (then only readers who see everything see a lead). */
  readonly owners: () => Promise<readonly PersonFacts[] | null>;
  readonly clock: Clock;
}

type ViewerOf = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  kind: 'page' | 'json',
) => Promise<{ who: Viewer; locale: string | null } | null>;

/**
 * `/dashboard/lead?id=…`: the timeline of a lead, for the same readers and scopes as the other pages
 * (a rep their own leads, a manager their teams', admins and the token all). A lead outside the
 * reader's scope is answered like one that does not exist (404): its existence is not told.
 */
export function leadRoute(deps: LeadRouteDeps, viewer: ViewerOf): Route {
  return {
    method: 'GET',
    path: LEAD_PATH,
    handle: async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const reader = await viewer(req, res, url, 'page');
      if (reader === null) return;
      const config = deps.config();
      let lang: ReturnType<typeof dashboardLang>;
      try {
        lang = dashboardLang(url.searchParams.get('lang'), reader.locale, config);
      } catch (err) {
        if (!(err instanceof ReportArgumentError)) throw err;
        return sendJson(res, 400, { error: err.message });
      }
      const t = dashboardTranslator(lang);
      const now = deps.clock.now();
      const id = url.searchParams.get('id')?.trim() ?? '';
      const owners = await deps.owners().catch(() => null);
      const found = id === '' ? [] : await lookUp(deps.store, id, now);
      const visible = found.filter((s) => visibleTo(s, reader.who.scope, config, owners));
      const back = lang === (config.language?.code ?? 'en') ? '/dashboard' : `/dashboard?lang=${lang}`;
      const c = describeContext(config, owners, t);
      if (visible.length === 0) return sendPage(res, 404, leadPage([], back, c));
      const timelines = [];
      for (const s of visible)
        timelines.push(await loadTimeline({ store: deps.store, config, owners }, s, now));
      sendPage(res, 200, leadPage(timelines, back, c));
    },
  };
}

/** An instance id first (the links), else every instance of that HubSpot record. */
async function lookUp(store: TimelineStore, id: string, now: number): Promise<StoredInstance[]> {
  const one = await findInstances(store, { kind: 'instance', id }, now);
  return one.length > 0 ? one : findInstances(store, { kind: 'record', id }, now);
}

function visibleTo(
  s: StoredInstance,
  scope: ReportScope,
  config: SlaConfig,
  owners: readonly PersonFacts[] | null,
): boolean {
  if (scope.kind === 'all') return true;
  return inScope({ owner: ownerViews({ owners, teams: config.teams })(s.instance.ownerId) }, scope);
}
