import type { StrictHttp } from '../../support/http-mock.ts';

/** The Slack Web API root used in tests (what SLACK_API_URL would say). */
export const SLACK_ORIGIN = 'https://slack.test';
export const SLACK_API_URL = `${SLACK_ORIGIN}/api/`;

export interface SlackCall {
  readonly method: string;
  readonly fields: Record<string, unknown>;
}

export interface Reply {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/** WebClient sends form fields, with nested values (blocks, view) as JSON strings; decode both. */
function decode(body: unknown): Record<string, unknown> {
  const raw: Record<string, unknown> =
    typeof body === 'string'
      ? Object.fromEntries(new URLSearchParams(body))
      : typeof body === 'object' && body !== null
        ? { ...body }
        : {};
  for (const key of ['blocks', 'view', 'metadata']) {
    const v = raw[key];
    if (typeof v === 'string') raw[key] = JSON.parse(v);
  }
  return raw;
}

/**
 * Slack Web API interceptors on the strict HTTP mock: each `on` expects exactly `times` calls and
 * records what was sent, so tests assert on the real request.
 */
export function slackApi(http: StrictHttp) {
  const calls: SlackCall[] = [];
  function on(method: string, reply: (fields: Record<string, unknown>) => Reply, times = 1): void {
    http
      .scope(SLACK_ORIGIN)
      // Every call must carry the bot token as a bearer header.
      .matchHeader('authorization', /^Bearer xoxb-/)
      .post(`/api/${method}`)
      .times(times)
      // nock 15 hands a one-argument reply function the fetch Request itself.
      .reply(async (req: Request) => {
        const fields = decode(await req.text());
        calls.push({ method, fields });
        const r = reply(fields);
        return [
          r.status ?? 200,
          JSON.stringify(r.body),
          { 'content-type': 'application/json', ...(r.headers ?? {}) },
        ];
      });
  }
  const ok = (method: string, body: Record<string, unknown> = {}, times = 1) =>
    on(method, () => ({ body: { ok: true, ...body } }), times);
  const fail = (method: string, error: string, times = 1) =>
    on(method, () => ({ body: { ok: false, error } }), times);
  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  /** `users.lookupByEmail` answered from a directory (absent e-mails: `users_not_found`), `times` calls. */
  const people = (directory: Record<string, Record<string, unknown>>, times: number) =>
    on(
      'users.lookupByEmail',
      (f) => {
        const user = directory[String(f.email)];
        return { body: user ? { ok: true, user } : { ok: false, error: 'users_not_found' } };
      },
      times,
    );
  return { calls, on, ok, fail, callsTo, people };
}

export const slackUser = (id: string, email: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: email.split('@')[0],
  deleted: false,
  tz: 'Europe/Amsterdam',
  profile: { email },
  ...extra,
});

export const posted = (channel: string, ts = '1767184200.000100') => ({ ok: true, channel, ts });
