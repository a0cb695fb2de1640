import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock/clock.ts';
import type { SlaConfig } from '../../config/types.ts';
import { figureAt, type PersonFacts, type Report } from '../../domain/reports/index.ts';
import { type Millis, SECOND } from '../../domain/time.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Logger } from '../../log/logger.ts';
import { reportJson } from '../../reports/format/json.ts';
import { reportValues } from '../../reports/format/localized.ts';
import type { ReportStore } from '../../reports/load-facts.ts';
import { loadReport } from '../../reports/load-report.ts';
import { ReportArgumentError } from '../../reports/report-window.ts';
import type { TimelineStore } from '../../reports/timeline/load-timeline.ts';
import { normalizeEmail } from '../../slack/slack-user.ts';
import { type Route, sendJson } from '../route.ts';
import { identifyCaller } from './auth/access.ts';
import {
  forbiddenPage,
  invalidSessionPage,
  notConfiguredPage,
  SIGN_IN_FIRST,
  tokenInUrlPage,
} from './auth/auth-pages.ts';
import { clearCookie, redirect, sendPage, signInRoutes } from './auth/sign-in-routes.ts';
import { SESSION_COOKIE, SIGN_IN_PATH, type SignInSettings } from './auth/sign-in-settings.ts';
import type { SlackSignIn } from './auth/slack-sign-in.ts';
import { SCRIPT_VIEWER, scopeKey, type Viewer, viewerOf } from './auth/viewer.ts';
import { authPageLang, dashboardLang, dashboardTranslator, whoLabel } from './dashboard-language.ts';
import { dashboardQuery, filterKey } from './dashboard-query.ts';
import { leadRoute } from './lead-route.ts';
import { leadsPage } from './render/leads-page.ts';
import { links } from './render/links.ts';
import { dashboardPage } from './render/page.ts';
import { ReportCache } from './report-cache.ts';

export interface DashboardDeps {
  /** What the report reads, and a lead's page (`/dashboard/lead`) besides. */
  readonly store: ReportStore & TimelineStore;
  /** The SLA config in force (hot reload: read on every request, roles included). */
  readonly config: () => SlaConfig;
  /** HubSpot owners (names and teams); may throw, the page then says so and shows owner ids. */
  readonly owners: () => Promise<readonly PersonFacts[] | null>;
  readonly clock: Clock;
  /** DASHBOARD_TOKEN, for scripts (`Authorization: Bearer …` only), or `null`. */
  readonly token: string | null;
  /** Sign in with Slack; `null` when not configured (people are then refused with how to configure it). */
  readonly signIn: SignInSettings | null;
  /** Slack's side of the sign-in (`openid.connect.*`); `null` with `signIn`. */
  readonly slackSignIn: SlackSignIn | null;
  readonly logger: Logger;
  /** How long a computed report is reused for the same filters and scope. Default 30 s. */
  readonly cacheFor?: Millis;
}

type Kind = 'page' | 'json';

/**
 * `/dashboard` (HTML with inline SVG charts), `/dashboard/data.json`, `/dashboard/leads`
 * (click-through) and `/dashboard/lead` (one lead's timeline), for people signed in with Slack (each sees their scope) and scripts with the
 * DASHBOARD_TOKEN; plus the sign-in routes.
 */
export function dashboardRoutes(deps: DashboardDeps): Route[] {
  const cache = new ReportCache(deps.cacheFor ?? 30 * SECOND);
  const logger = deps.logger.child({ component: 'dashboard' });

  /** HubSpot owners; when they cannot be read, `warned` is set (the page then says so). */
  async function owners(warned: { owners: boolean } | null): Promise<readonly PersonFacts[] | null> {
    try {
      return await deps.owners();
    } catch (err) {
      logger.warn({ err }, 'dashboard: owners unavailable, showing owner ids');
      if (warned !== null) warned.owners = true;
      return null;
    }
  }

  /**
   * Who may see what, and their Slack locale when the session knows it; `null` when an answer
   * (refusal, redirect to sign in) was already sent.
   */
  async function viewer(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    kind: Kind,
  ): Promise<{ who: Viewer; locale: string | null } | null> {
    const caller = identifyCaller(
      { authorization: req.headers.authorization, cookie: req.headers.cookie },
      url,
      { token: deps.token, signIn: deps.signIn },
      deps.clock.now(),
    );
    const here = `${url.pathname}${url.search}`;
    const secure = deps.signIn?.secure ?? false;
    /** A refusal page's language: `?lang=`, the session's Slack locale, the file's `language:`. */
    const pageT = (locale: string | null = null) =>
      dashboardTranslator(authPageLang(url, null, locale, deps.config()));
    const refuse = (status: number, page: string, error: string, cookies: string[] = []) =>
      kind === 'page' ? sendPage(res, status, page, cookies) : sendJsonWith(res, status, { error }, cookies);
    switch (caller.kind) {
      case 'token':
        return { who: SCRIPT_VIEWER, locale: null };
      case 'token-in-url':
        refuse(
          400,
          tokenInUrlPage(pageT()),
          '?token= is no longer accepted: send Authorization: Bearer DASHBOARD_TOKEN',
        );
        return null;
      case 'bad-token':
        sendJson(res, 401, { error: 'the Authorization header does not carry the dashboard token' });
        return null;
      case 'invalid-session':
        refuse(401, invalidSessionPage(here, pageT()), SIGN_IN_FIRST, [clearCookie(SESSION_COOKIE, secure)]);
        return null;
      case 'no-session':
      case 'expired': {
        const cookies = caller.kind === 'expired' ? [clearCookie(SESSION_COOKIE, secure)] : [];
        if (deps.signIn === null) refuse(401, notConfiguredPage(pageT()), SIGN_IN_FIRST, cookies);
        else if (kind === 'page') redirect(res, `${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`, cookies);
        else sendJsonWith(res, 401, { error: SIGN_IN_FIRST, signIn: SIGN_IN_PATH }, cookies);
        return null;
      }
      case 'person': {
        const person = { email: caller.session.email, slackUserId: caller.session.sub };
        const config = deps.config();
        const locale = caller.session.locale ?? null;
        const known = viewerOf(person, config, null);
        if (known !== null) return { who: known, locale };
        const list = await owners(null);
        const emails =
          list === null ? null : new Set(list.flatMap((o) => (o.email ? [normalizeEmail(o.email)] : [])));
        const found = viewerOf(person, config, emails);
        if (found !== null) return { who: found, locale };
        logger.info({ user: caller.session.sub }, 'dashboard: signed-in person has no role in the SLA file');
        refuse(
          403,
          forbiddenPage(person.email, list === null, pageT(locale)),
          'the SLA file gives you no dashboard access',
        );
        return null;
      }
    }
  }

  /** Access, filters and the (cached) report of the viewer's scope, or `null` when an answer was sent. */
  async function prepare(req: IncomingMessage, res: ServerResponse, kind: Kind) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reader = await viewer(req, res, url, kind);
    if (reader === null) return null;
    const { who } = reader;
    const config = deps.config();
    const now = deps.clock.now();
    const warned = { owners: false };
    try {
      const t = dashboardTranslator(dashboardLang(url.searchParams.get('lang'), reader.locale, config));
      const query = { ...dashboardQuery(url.searchParams, config, now), scope: who.scope };
      const key = `${filterKey(url.searchParams)}|${scopeKey(who.scope)}`;
      const report = await cache.get(key, now, async () =>
        loadReport({ store: deps.store, config, owners: await owners(warned) }, query, now),
      );
      const warnings = warned.owners ? [t.t('dash.ownersUnavailable')] : [];
      return { url, report, config, warnings, who, t, l: links('/dashboard', url.searchParams) };
    } catch (err) {
      if (!(err instanceof ReportArgumentError)) throw err;
      sendJson(res, 400, { error: err.message });
      return null;
    }
  }

  return [
    {
      method: 'GET',
      path: '/dashboard',
      handle: async (req, res) => {
        const p = await prepare(req, res, 'page');
        if (p === null) return;
        const values = Object.fromEntries(p.url.searchParams.entries());
        sendPage(
          res,
          200,
          dashboardPage(p.report, p.l, choices(p.report, p.config, values, p.who, p.t), p.warnings, p.t),
        );
      },
    },
    {
      method: 'GET',
      path: '/dashboard/data.json',
      handle: async (req, res) => {
        const p = await prepare(req, res, 'json');
        if (p !== null) sendJson(res, 200, reportJson(p.report));
      },
    },
    {
      method: 'GET',
      path: '/dashboard/leads',
      handle: async (req, res) => {
        const p = await prepare(req, res, 'page');
        if (p === null) return;
        const path = p.url.searchParams.get('figure') ?? '';
        const figure = figureAt(p.report, path);
        if (figure === null) sendJson(res, 404, { error: `no figure '${path}' in this report` });
        else sendPage(res, 200, leadsPage(p.report, path, figure, p.l, p.t));
      },
    },
    leadRoute(
      { store: deps.store, config: deps.config, owners: () => owners(null), clock: deps.clock },
      viewer,
    ),
    ...signInRoutes({
      settings: deps.signIn,
      slack: deps.slackSignIn,
      clock: deps.clock,
      logger: deps.logger,
      config: deps.config,
    }),
  ];
}

function sendJsonWith(res: ServerResponse, status: number, body: unknown, cookies: string[]): void {
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  sendJson(res, status, body);
}

function choices(r: Report, config: SlaConfig, values: Record<string, string>, who: Viewer, t: Translator) {
  return {
    teams: who.teams === 'all' ? config.teams.map((t) => t.name) : [...who.teams],
    stages: [...config.stages].sort((a, b) => a.order - b.order).map((s) => ({ key: s.key, label: s.label })),
    reps: r.speed.byRep.map((row) => ({ key: row.key, label: reportValues(t).rowLabel(row.key, row.label) })),
    values,
    who: whoLabel(t, who),
  };
}
