import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../clock/clock.ts';
import { systemClock } from '../../clock/system-clock.ts';
import { AnswerTimes } from '../shared/answer-times.ts';
import {
  FaultInjector,
  type FaultKind,
  type FaultOptions,
  isAfterEffect,
  type LatencyOptions,
  latencyFor,
  MALFORMED_JSON,
} from '../shared/faults.ts';
import type { SandboxRequest, SandboxResponse } from '../shared/http-types.ts';
import { type SandboxReply, startLoopbackServer } from '../shared/loopback-server.ts';
import { createRandom, type Random } from '../shared/random.ts';
import { RequestStats } from '../shared/request-stats.ts';
import {
  hubspotError,
  missingScopes,
  rateLimitedResponse,
  routeNotFound,
  unauthorized,
  validationError,
} from './errors.ts';
import { HubSpotState } from './hubspot-state.ts';
import { type HubSpotLimitsView, HubSpotRateLimiter, type HubSpotRateLimitOptions } from './rate-limits.ts';
import { matchRoute } from './router.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { associationRoutes } from './routes/associations-routes.ts';
import { authRoutes, EVERY_SCOPE } from './routes/auth-routes.ts';
import { batchRoutes } from './routes/batch-routes.ts';
import { objectRoutes, writeScopeNeeded } from './routes/objects-routes.ts';
import { ownerRoutes } from './routes/owners-routes.ts';
import { pipelineRoutes } from './routes/pipeline-routes.ts';
import { propertyRoutes } from './routes/properties-routes.ts';
import type { Route, SandboxToken } from './routes/route.ts';
import { searchRoutes } from './routes/search-routes.ts';

export interface HubSpotSandboxOptions {
  /** Source of "now" for timestamps, rate limits and index lag. Default: the system clock. */
  readonly clock?: Clock;
  /** Accepted private-app tokens (`Authorization: Bearer …`). Default `['sandbox-token']`. */
  readonly tokens?: readonly string[];
  /** Accepted OAuth access tokens (a public app's install); default none. */
  readonly oauthTokens?: readonly string[];
  /**
   * The scopes of a token, for a private app that lacks some: a write to CRM objects without
   * `crm.objects.contacts.write` (to a Leads-object record, without `crm.objects.leads.write`) is
   * HubSpot's 403 `MISSING_SCOPES`. A token not listed has every scope
   * (`EVERY_SCOPE`, which is also what the token-info endpoints say of it).
   */
  readonly scopes?: Readonly<Record<string, readonly string[]>>;
  /** Search index lag in ms (eventual consistency). Default 0. */
  readonly indexLagMs?: number;
  /**
   * HubSpot's limits: a tier (default `starter`: 100/10 s per app, 250,000/day; `professional`,
   * `enterprise`, `pack`), search 5/s, another integration on the same budget; `false` turns them off.
   */
  readonly rateLimits?: HubSpotRateLimitOptions | false;
  readonly latency?: LatencyOptions;
  readonly faults?: FaultOptions;
  /** Seed for latency jitter and fault draws. */
  readonly seed?: number;
  /** A prepared portal; default: a fresh one on `clock`. */
  readonly state?: HubSpotState;
  /**
   * Sees every request first (tests install the OpenAPI request check here). A returned reason refuses
   * the request with HubSpot's 400 `VALIDATION_ERROR`; `null` lets it through.
   */
  readonly observeRequest?: (request: SandboxRequest) => string | null;
}

export interface HubSpotSandbox extends AsyncDisposable {
  /** The API root to give the SDK as `basePath`, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly state: HubSpotState;
  readonly stats: RequestStats;
  /** Scripted faults (`faults.inject('server_error', { times: 2 })`) and the random share. */
  readonly faults: FaultInjector;
  /** The request limits in force and each app's use of them (`null` with `rateLimits: false`). */
  readonly limits: HubSpotLimitsView | null;
  /** How long each answered request took, arrival to answer (latency drawn plus the work). */
  readonly answerTimes: AnswerTimes;
  stop(): Promise<void>;
}

// Order matters: literal segments (`search`, `batch`, `groups`) before `:id`-style parameters.
const ROUTES: readonly Route[] = [
  ...searchRoutes,
  ...batchRoutes,
  ...associationRoutes,
  ...ownerRoutes,
  ...propertyRoutes,
  ...pipelineRoutes,
  ...objectRoutes,
  ...accountRoutes,
  ...authRoutes,
];

/** Starts a loopback fake of the HubSpot API that the real `@hubspot/api-client` can talk to. */
export async function startHubSpotSandbox(options: HubSpotSandboxOptions = {}): Promise<HubSpotSandbox> {
  const clock = options.clock ?? systemClock;
  const state = options.state ?? new HubSpotState(clock, options.indexLagMs ?? 0);
  const privateApps = options.tokens ?? ['sandbox-token'];
  const oauth = options.oauthTokens ?? [];
  const tokens = new Set([...privateApps, ...oauth]);
  // Each token is an app of the portal; its id appears in TEN_SECONDLY_ROLLING bodies.
  const appIds = new Map([...tokens].map((t, i) => [t, 1_000_001 + i]));
  const tokenFacts = (token: string): SandboxToken | null =>
    tokens.has(token)
      ? {
          kind: oauth.includes(token) ? 'oauth' : 'private_app',
          appId: appIds.get(token) ?? 0,
          scopes: options.scopes?.[token] ?? EVERY_SCOPE,
        }
      : null;
  const limiter = options.rateLimits === false ? null : new HubSpotRateLimiter(options.rateLimits);
  const stats = new RequestStats();
  const faults = new FaultInjector(options.faults);
  const random = createRandom(options.seed ?? 7);
  const answerTimes = new AnswerTimes();

  const timed = async (req: SandboxRequest, signal: AbortSignal): Promise<SandboxReply> => {
    const arrived = clock.now();
    const reply = await handle(req, signal);
    if (!('hang' in reply)) answerTimes.record(clock.now() - arrived);
    return reply;
  };

  const handle = async (req: SandboxRequest, signal: AbortSignal): Promise<SandboxReply> => {
    const match = matchRoute(ROUTES, req.method, req.path);
    const endpoint = match?.endpoint ?? `${req.method} ${req.path}`;
    const refused = options.observeRequest?.(req) ?? null;
    if (refused !== null) return answer(endpoint, validationError(refused));
    const delay = latencyFor(options.latency, random);
    if (delay > 0) await sleep(delay, undefined, { signal });
    const now = clock.now();
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined || !tokens.has(token)) return answer(endpoint, unauthorized());
    if (!match) return answer(endpoint, routeNotFound(req.method, req.path));
    const granted = options.scopes?.[token];
    const needed = writeScopeNeeded(match.route, match.params);
    if (granted !== undefined && needed !== undefined && !granted.includes(needed))
      return answer(endpoint, missingScopes([needed]));
    const decision = limiter?.check(match.route.rateClass, token, now);
    if (decision && !decision.ok) {
      const group = { appId: appIds.get(token) ?? 0, portalId: state.account.portalId };
      return answer(endpoint, rateLimitedResponse(decision.policy, decision.headers, group), decision.policy);
    }
    const fault = faults.decide(endpoint);
    if (fault && !isAfterEffect(fault)) return faultReply(endpoint, fault);
    const usage = () => limiter?.usage(now) ?? { used: stats.snapshot().total, limit: null };
    const response = match.route.handle(req, match.params, { state, tokens: tokenFacts, now, usage });
    // `accept_then_*`: the request took effect (a task was created), then its answer is lost.
    if (fault) return faultReply(endpoint, fault);
    return answer(endpoint, { ...response, headers: { ...decision?.headers, ...response.headers } });
  };

  const answer = (endpoint: string, response: SandboxResponse, policy?: string): SandboxResponse => {
    stats.record(endpoint, response.status, policy === undefined ? {} : { rateLimitPolicy: policy });
    return { ...response, headers: { 'X-HubSpot-Correlation-Id': randomUUID(), ...response.headers } };
  };

  const faultReply = (endpoint: string, kind: FaultKind): SandboxReply => {
    if (kind === 'timeout' || kind === 'accept_then_timeout') {
      stats.record(endpoint, 0, { fault: true });
      return { hang: true, ms: faults.timeoutMs, onClientClose: () => faults.noteClientClosed(endpoint) };
    }
    const response =
      kind === 'malformed'
        ? malformed()
        : kind === 'accept_then_server_error'
          ? badGateway
          : serverError(random);
    stats.record(endpoint, response.status, { fault: true });
    return response;
  };

  const server = await startLoopbackServer(timed);
  const stop = () => server.close();
  return {
    url: server.origin,
    state,
    stats,
    faults,
    limits: limiter,
    answerTimes,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

const malformed = (): SandboxResponse => ({
  status: 200,
  raw: { contentType: 'application/json;charset=utf-8', text: MALFORMED_JSON },
});

/** What a proxy in front of HubSpot answers when it gave up waiting (the work may be done). */
const badGateway: SandboxResponse = {
  status: 502,
  raw: { contentType: 'text/html', text: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
};

function serverError(random: Random): SandboxResponse {
  if (random.chance(0.5)) return hubspotError(500, 'INTERNAL_ERROR', 'internal error');
  return badGateway;
}
