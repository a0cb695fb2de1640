import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../clock/clock.ts';
import { systemClock } from '../../clock/system-clock.ts';
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
import { createRandom } from '../shared/random.ts';
import { RequestStats } from '../shared/request-stats.ts';
import { parseArgs, str } from './args.ts';
import { createInteractions, type Interactions } from './interact.ts';
import { DEFAULT_SCOPES, METHODS } from './method-table.ts';
import type { MethodContext, MethodOutcome, MethodSpec } from './methods/method.ts';
import { AUTHORIZE_PATH, authorize, KEYS_PATH } from './openid/authorize-page.ts';
import { openidConnectToken, openidConnectUserInfo } from './openid/openid-methods.ts';
import { SlackRateLimiter, type SlackRateLimitOptions } from './rate-limits.ts';
import { handleResponseUrl } from './response-urls.ts';
import { SlackState } from './slack-state.ts';

/** Sign in with Slack's methods: their tier, and no bot token (client credentials, or the user's token). */
const OPENID_TIERS: Readonly<Record<string, 3 | 4>> = {
  'openid.connect.token': 4,
  'openid.connect.userInfo': 3,
};

export interface SlackSandboxOptions {
  readonly clock?: Clock;
  /** Accepted bot tokens. Default `['xoxb-sandbox']`. */
  readonly tokens?: readonly string[];
  /** Scopes of those tokens (`missing_scope` otherwise). Default: `DEFAULT_SCOPES`. */
  readonly scopes?: readonly string[];
  readonly rateLimits?: SlackRateLimitOptions | false;
  readonly latency?: LatencyOptions;
  readonly faults?: FaultOptions;
  readonly seed?: number;
  readonly state?: SlackState;
  /**
   * Sees every request first, before it is answered (tests: who calls which method when, e.g. to
   * stop the calling process mid-request). Cannot change the answer.
   */
  readonly observeRequest?: (request: SandboxRequest) => void;
}

export interface SlackSandbox extends AsyncDisposable {
  /** The Web API root for `slackApiUrl`, ending in `/api/`. */
  readonly url: string;
  readonly state: SlackState;
  readonly stats: RequestStats;
  readonly faults: FaultInjector;
  /** Builders (and signed delivery) of the payloads Slack sends the app: clicks, commands, events. */
  readonly interact: Interactions;
  /**
   * The next `times` calls of `method` are held `ms` (real time), then carried out and answered as
   * usual — also when their client gave up or died meanwhile: a request on its way is not undone
   * (SD-2, SD-3). A restarted process can thus look for a post before the post lands.
   */
  slowNext(method: string, ms: number, times?: number): void;
  stop(): Promise<void>;
}

const json = (body: unknown, headers: Record<string, string> = {}): SandboxResponse => ({
  status: 200,
  body,
  headers,
});

/** Starts a loopback fake of the Slack Web API for `@slack/web-api` and `@slack/bolt`. */
export async function startSlackSandbox(options: SlackSandboxOptions = {}): Promise<SlackSandbox> {
  const clock = options.clock ?? systemClock;
  const state = options.state ?? new SlackState(clock);
  const tokens = new Set(options.tokens ?? ['xoxb-sandbox']);
  const scopes = new Set(options.scopes ?? DEFAULT_SCOPES);
  const limiter = new SlackRateLimiter(
    options.rateLimits === false ? { messagesPerSecond: null, tiers: false } : options.rateLimits,
  );
  const stats = new RequestStats();
  const faults = new FaultInjector(options.faults);
  const random = createRandom(options.seed ?? 11);
  const scopeHeader = { 'x-oauth-scopes': [...scopes].join(',') };

  const callOpenId = (name: string, tier: 3 | 4, req: SandboxRequest): SandboxReply => {
    const args = parseArgs(req);
    if ('invalidJson' in args) return json({ ok: false, error: 'invalid_json' });
    const now = clock.now();
    const wait = limiter.method(name, tier, now);
    if (wait !== null) return limited(wait, {}, false);
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? str(args, 'token');
    return render(
      name === 'openid.connect.token'
        ? openidConnectToken(state, args, req.headers.authorization, now)
        : openidConnectUserInfo(state, token),
      {},
    );
  };

  const callMethod = (name: string, req: SandboxRequest): SandboxReply => {
    const openIdTier = OPENID_TIERS[name];
    if (openIdTier !== undefined) return callOpenId(name, openIdTier, req);
    const spec = METHODS[name];
    if (!spec) return json({ ok: false, error: 'unknown_method', req_method: name });
    const args = parseArgs(req);
    if ('invalidJson' in args) return json({ ok: false, error: 'invalid_json' });
    const now = clock.now();
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? str(args, 'token');
    if (token === null) return json({ ok: false, error: 'not_authed' });
    if (!tokens.has(token)) return json({ ok: false, error: 'invalid_auth' });
    if (state.accountInactive) return json({ ok: false, error: 'account_inactive' });
    const headers = { ...scopeHeader, 'x-accepted-oauth-scopes': spec.scope ?? '' };
    if (spec.scope !== null && !scopes.has(spec.scope))
      return json(
        { ok: false, error: 'missing_scope', needed: spec.scope, provided: [...scopes].join(',') },
        headers,
      );
    const tierWait = limiter.method(name, spec.tier, now);
    if (tierWait !== null) return limited(tierWait, headers, false);
    const scripted = state.takeFailure(name);
    if (scripted !== null) return json({ ok: false, error: scripted }, headers);
    const fault = faults.decide(name);
    if (fault !== null && isAfterEffect(fault))
      return acceptThenFail(fault, spec, { state, now, args, limiter, scopes }, headers);
    if (fault === 'timeout') return { hang: true, ms: faults.timeoutMs };
    if (fault === 'malformed')
      return { status: 200, raw: { contentType: 'application/json', text: MALFORMED_JSON } };
    if (fault === 'server_error')
      return { status: 503, raw: { contentType: 'text/html', text: '<html>503 Service Unavailable</html>' } };
    return render(spec.handle({ state, now, args, limiter, scopes }), headers);
  };

  /** The call takes effect (the message is posted), then its answer is lost: held, or a 503 instead. */
  const acceptThenFail = (
    fault: FaultKind,
    spec: MethodSpec,
    ctx: MethodContext,
    headers: Record<string, string>,
  ): SandboxReply => {
    const outcome = spec.handle(ctx);
    if (outcome.kind !== 'ok') return render(outcome, headers);
    if (fault === 'accept_then_timeout') return { hang: true, ms: faults.timeoutMs };
    return { status: 503, raw: { contentType: 'text/html', text: '<html>503 Service Unavailable</html>' } };
  };

  const limited = (
    retryAfter: number,
    headers: Record<string, string>,
    messageLimit: boolean,
  ): SandboxResponse =>
    messageLimit && limiter.mode === 'body'
      ? json({ ok: false, error: 'rate_limited' }, headers)
      : {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { ...headers, 'Retry-After': String(retryAfter) },
        };

  const render = (outcome: MethodOutcome, headers: Record<string, string>): SandboxResponse => {
    if (outcome.kind === 'rate_limited') return limited(outcome.retryAfter, headers, true);
    if (outcome.kind === 'error') return json({ ok: false, error: outcome.error, ...outcome.extra }, headers);
    return json({ ok: true, ...outcome.body }, headers);
  };

  /** Holds of `slowNext`, per method: the next call waits the first one. */
  const slow = new Map<string, number[]>();
  const slowNext = (method: string, ms: number, times = 1): void => {
    slow.set(method, [...(slow.get(method) ?? []), ...Array.from({ length: times }, () => ms)]);
  };

  const handle = async (req: SandboxRequest, signal: AbortSignal): Promise<SandboxReply> => {
    options.observeRequest?.(req);
    const delay = latencyFor(options.latency, random);
    if (delay > 0) await sleep(delay, undefined, { signal });
    const [, area, rest] = /^\/(api|actions|commands)\/(.+)$/.exec(req.path) ?? [];
    // Only the server stopping ends a hold: the client going away does not (the call still lands).
    const held = area === 'api' && rest ? slow.get(rest)?.shift() : undefined;
    if (held !== undefined) await sleep(held, undefined, { signal });
    const endpoint =
      area === 'api' ? (rest ?? '') : area ? `${area} response_url` : `${req.method} ${req.path}`;
    const reply: SandboxReply =
      area === 'api' && rest
        ? callMethod(rest, req)
        : area && rest
          ? handleResponseUrl(state, area, rest, req.body, clock.now())
          : req.path === AUTHORIZE_PATH
            ? authorize(state, req, clock.now())
            : req.path === KEYS_PATH
              ? json(state.openid.jwks())
              : { status: 404, raw: { contentType: 'text/plain', text: 'not_found' } };
    const body = 'body' in reply && typeof reply.body === 'object' && reply.body !== null ? reply.body : {};
    const error = 'error' in body ? String(body.error) : null;
    const status = 'hang' in reply ? 0 : reply.status;
    const rateLimited =
      status === 429 || error === 'rate_limited' ? { rateLimitPolicy: error ?? 'ratelimited' } : {};
    const fault = 'hang' in reply || status >= 500 || ('raw' in reply && reply.raw?.text === MALFORMED_JSON);
    stats.record(endpoint, status, { ...rateLimited, fault, error });
    return reply;
  };

  const server = await startLoopbackServer(handle);
  const stop = () => server.close();
  const url = `${server.origin}/api/`;
  return {
    url,
    state,
    stats,
    faults,
    interact: createInteractions(state, server.origin),
    slowNext,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
