import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock/clock.ts';
import type { SlaConfig } from '../../config/types.ts';
import { figureAt, type PersonFacts, type Report } from '../../domain/reports/index.ts';
import { type Millis, SECOND } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { ReportStore } from '../../reports/load-facts.ts';
import { loadReport } from '../../reports/load-report.ts';
import { ReportArgumentError } from '../../reports/report-window.ts';
import { type Route, sendJson } from '../route.ts';
import { checkAccess } from './access.ts';
import { dashboardQuery, filterKey } from './dashboard-query.ts';
import { leadsPage } from './render/leads-page.ts';
import { links } from './render/links.ts';
import { dashboardPage } from './render/page.ts';
import { ReportCache } from './report-cache.ts';

export interface DashboardDeps {
  readonly store: ReportStore;
  /** The SLA config in force (hot reload: read on every request). */
  readonly config: () => SlaConfig;
  /** HubSpot owners (names and teams); may throw, the page then says so and shows owner ids. */
  readonly owners: () => Promise<readonly PersonFacts[] | null>;
  readonly clock: Clock;
  /** DASHBOARD_TOKEN: `null` = loopback clients only. */
  readonly token: string | null;
  readonly logger: Logger;
  /** How long a computed report is reused for the same filters. Default 30 s. */
  readonly cacheFor?: Millis;
}

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // Server-rendered, no scripts at all; the token must not leak to HubSpot through the Referer.
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/** `/dashboard` (HTML with inline SVG charts), `/dashboard/data.json` and `/dashboard/leads` (click-through). */
export function dashboardRoutes(deps: DashboardDeps): Route[] {
  const cache = new ReportCache(deps.cacheFor ?? 30 * SECOND);
  const logger = deps.logger.child({ component: 'dashboard' });

  async function owners(warnings: string[]): Promise<readonly PersonFacts[] | null> {
    try {
      return await deps.owners();
    } catch (err) {
      logger.warn({ err }, 'dashboard: owners unavailable, showing owner ids');
      warnings.push('HubSpot owners could not be read just now: reps show as owner ids, without teams.');
      return null;
    }
  }

  /** Access, filters and the (cached) report, or an error response already sent. */
  async function prepare(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const access = checkAccess(
      { remoteAddress: req.socket.remoteAddress, authorization: req.headers.authorization },
      url,
      deps.token,
    );
    if (!access.ok) {
      sendJson(res, access.status, { error: access.error });
      return null;
    }
    const config = deps.config();
    const now = deps.clock.now();
    const warnings: string[] = [];
    try {
      const query = dashboardQuery(url.searchParams, config, now);
      const report = await cache.get(filterKey(url.searchParams), now, async () =>
        loadReport({ store: deps.store, config, owners: await owners(warnings) }, query, now),
      );
      const params = new URLSearchParams(url.searchParams);
      if (access.tokenInUrl === null) params.delete('token');
      return { url, report, config, warnings, token: access.tokenInUrl, l: links('/dashboard', params) };
    } catch (err) {
      if (!(err instanceof ReportArgumentError)) throw err;
      sendJson(res, 400, { error: err.message });
      return null;
    }
  }

  const page = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, HTML_HEADERS);
    res.end(body);
  };

  return [
    {
      method: 'GET',
      path: '/dashboard',
      handle: async (req, res) => {
        const p = await prepare(req, res);
        if (p === null) return;
        const values = Object.fromEntries(p.url.searchParams.entries());
        page(
          res,
          200,
          dashboardPage(p.report, p.l, choices(p.report, p.config, values, p.token), p.warnings),
        );
      },
    },
    {
      method: 'GET',
      path: '/dashboard/data.json',
      handle: async (req, res) => {
        const p = await prepare(req, res);
        if (p !== null) sendJson(res, 200, { format: 'sla-bot-report/1', ...p.report });
      },
    },
    {
      method: 'GET',
      path: '/dashboard/leads',
      handle: async (req, res) => {
        const p = await prepare(req, res);
        if (p === null) return;
        const path = p.url.searchParams.get('figure') ?? '';
        const figure = figureAt(p.report, path);
        if (figure === null) sendJson(res, 404, { error: `no figure '${path}' in this report` });
        else page(res, 200, leadsPage(p.report, path, figure, p.l));
      },
    },
  ];
}

function choices(r: Report, config: SlaConfig, values: Record<string, string>, token: string | null) {
  return {
    teams: config.teams.map((t) => t.name),
    stages: [...config.stages].sort((a, b) => a.order - b.order).map((s) => ({ key: s.key, label: s.label })),
    reps: r.speed.byRep.map((row) => ({ key: row.key, label: row.label })),
    values,
    token,
  };
}
