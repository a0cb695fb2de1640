import type { Instant } from '../../../domain/time.ts';
import type { SandboxRequest, SandboxResponse } from '../../shared/http-types.ts';
import type { SlackState } from '../slack-state.ts';
import { OPENID_SCOPES } from './openid-methods.ts';

export const AUTHORIZE_PATH = '/openid/connect/authorize';
export const KEYS_PATH = '/openid/connect/keys';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

const page = (status: number, title: string, body: string): SandboxResponse => ({
  status,
  raw: {
    contentType: 'text/html; charset=utf-8',
    text: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`,
  },
});

const back = (to: string, params: Record<string, string>): SandboxResponse => {
  const url = new URL(to);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' } };
};

/** The request's parameters: the query of a GET, the form of a POST. */
const paramsOf = (req: SandboxRequest) =>
  req.method === 'POST' ? new URLSearchParams(req.body) : new URLSearchParams(req.query);

/**
 * Slack's `/openid/connect/authorize`, as a person meets it: the app must be known and the
 * redirect_uri one of its Redirect URLs, exactly ("redirect_uri did not match any configured URIs.
 * Passed URI: …"); then a page to pick who signs in (the sandbox's stand-in for being signed in to
 * Slack) or cancel; then back to the app with `code` and `state`, or `error=access_denied`.
 */
export function authorize(state: SlackState, req: SandboxRequest, now: Instant): SandboxResponse {
  if (req.method !== 'GET' && req.method !== 'POST') return page(405, 'Method not allowed', '');
  const p = paramsOf(req);
  const client = state.openid.client(p.get('client_id'));
  if (client === null) return page(400, 'Oops, something went wrong', '<p>invalid_client_id</p>');
  const passed = p.get('redirect_uri');
  const redirectUri = passed ?? (client.redirectUris.length === 1 ? (client.redirectUris[0] ?? null) : null);
  if (redirectUri === null || !client.redirectUris.includes(redirectUri))
    return page(
      400,
      'Oops, something went wrong',
      `<p>redirect_uri did not match any configured URIs. Passed URI: ${esc(passed ?? '')}</p>`,
    );
  const answer: Record<string, string> = {};
  const st = p.get('state');
  if (st !== null) answer.state = st;
  if (p.get('response_type') !== 'code')
    return back(redirectUri, { ...answer, error: 'unsupported_response_type' });
  const scopes = (p.get('scope') ?? '').split(/[\s,+]+/).filter((s) => s !== '');
  if (!scopes.includes('openid') || scopes.some((s) => !OPENID_SCOPES.includes(s)))
    return back(redirectUri, { ...answer, error: 'invalid_scope' });
  if (req.method === 'GET') {
    const keep = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce']
      .filter((k) => p.has(k))
      .map((k) => `<input type="hidden" name="${k}" value="${esc(p.get(k) ?? '')}">`)
      .join('');
    const people = state.directory
      .allUsers()
      .filter((u) => !u.deleted && !u.isBot)
      .map(
        (u) =>
          `<li><button type="submit" name="user" value="${esc(u.id)}" data-email="${esc(u.email)}">${esc(u.realName)} (${esc(u.email)})</button></li>`,
      )
      .join('');
    return page(
      200,
      `Sign in to ${state.team.name}`,
      `<p>An app asks who you are (${esc(scopes.join(', '))}). Sandbox: pick the person you are.</p><form method="post" action="${AUTHORIZE_PATH}">${keep}<ul id="people">${people}</ul><button type="submit" name="decision" value="deny">Cancel</button></form>`,
    );
  }
  if (p.get('decision') === 'deny') return back(redirectUri, { ...answer, error: 'access_denied' });
  const user = state.directory.user(p.get('user') ?? '');
  if (!user || user.deleted || user.isBot)
    return page(400, 'Oops, something went wrong', '<p>unknown user</p>');
  const code = state.openid.issueCode(
    { clientId: client.clientId, userId: user.id, redirectUri: passed, nonce: p.get('nonce'), scopes },
    now,
  );
  return back(redirectUri, { code, ...answer });
}
