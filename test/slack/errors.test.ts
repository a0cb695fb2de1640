import { describe, expect, it } from 'vitest';
import { classifySlackError, SlackCallError } from '../../src/slack/errors.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { slackHarness } from './support/harness.ts';
import { SLACK_ORIGIN, slackApi } from './support/slack-http.ts';

describe('classifying Slack errors from real WebClient calls', () => {
  const http = useStrictHttp();

  async function failureOf(reply: () => void) {
    reply();
    const { client } = slackHarness();
    const err = await client.chat.postMessage({ channel: 'C1', text: 'hi' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, 'the call should have failed').not.toBeNull();
    return classifySlackError(err);
  }

  it.each([
    'channel_not_found',
    'not_in_channel',
    'account_inactive',
    'users_not_found',
    'messages_tab_disabled',
    'is_archived',
    'user_not_found',
    'user_disabled',
  ])('%s is a recipient problem: routed to the fallback, never retried', async (code) => {
    const api = slackApi(http);
    expect(await failureOf(() => api.fail('chat.postMessage', code))).toEqual({ kind: 'unreachable', code });
  });

  it.each(['invalid_auth', 'token_revoked', 'invalid_blocks', 'msg_too_long', 'missing_scope'])(
    '%s is permanent: neither retried nor re-routed',
    async (code) => {
      const api = slackApi(http);
      expect(await failureOf(() => api.fail('chat.postMessage', code))).toEqual({ kind: 'permanent', code });
    },
  );

  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])(
    '%s in the body is transient',
    async (code) => {
      const api = slackApi(http);
      expect(await failureOf(() => api.fail('chat.postMessage', code))).toEqual({ kind: 'transient', code });
    },
  );

  it('an HTTP 429 carries its Retry-After in milliseconds', async () => {
    const api = slackApi(http);
    const f = await failureOf(() =>
      api.on('chat.postMessage', () => ({
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': '7' },
      })),
    );
    expect(f).toEqual({ kind: 'rate_limited', code: 'ratelimited', retryAfter: 7000 });
  });

  it('a 429 without a usable Retry-After still counts as a rate limit, with a one-second wait', async () => {
    const api = slackApi(http);
    const f = await failureOf(() =>
      api.on('chat.postMessage', () => ({ status: 429, body: { ok: false, error: 'ratelimited' } })),
    );
    expect(f).toEqual({ kind: 'rate_limited', code: 'ratelimited', retryAfter: 1000 });
  });

  it.each(['ratelimited', 'rate_limited'])('"%s" in a 200 body is a rate limit too', async (code) => {
    const api = slackApi(http);
    const f = await failureOf(() =>
      api.on('chat.postMessage', () => ({
        body: { ok: false, error: code },
        headers: { 'retry-after': '3' },
      })),
    );
    expect(f).toEqual({ kind: 'rate_limited', code, retryAfter: 3000 });
  });

  it('a 200 rate-limit body without a header waits one second', async () => {
    const api = slackApi(http);
    expect(await failureOf(() => api.fail('chat.postMessage', 'ratelimited'))).toEqual({
      kind: 'rate_limited',
      code: 'ratelimited',
      retryAfter: 1000,
    });
  });

  it('a 503 from Slack is transient, a 400 is not', async () => {
    const api = slackApi(http);
    expect(await failureOf(() => api.on('chat.postMessage', () => ({ status: 503, body: {} })))).toEqual({
      kind: 'transient',
      code: 'http_503',
    });
    expect(await failureOf(() => api.on('chat.postMessage', () => ({ status: 400, body: {} })))).toEqual({
      kind: 'permanent',
      code: 'http_400',
    });
  });

  it('a network failure is transient', async () => {
    http.scope(SLACK_ORIGIN).post('/api/chat.postMessage').replyWithError('socket hang up');
    const { client } = slackHarness();
    const err = await client.chat.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
    expect(classifySlackError(err)).toEqual({ kind: 'transient', code: 'request_error' });
  });

  it('a SlackCallError keeps its classification and says whether to retry', () => {
    const e = new SlackCallError('users.info', { kind: 'transient', code: 'internal_error' }, 5);
    expect(classifySlackError(e)).toEqual({ kind: 'transient', code: 'internal_error' });
    expect(e.retryable).toBe(true);
    expect(new SlackCallError('x', { kind: 'permanent', code: 'invalid_auth' }, null).retryable).toBe(false);
  });

  it('anything else is permanent, not silently retried', () => {
    expect(classifySlackError(new TypeError('boom'))).toEqual({
      kind: 'permanent',
      code: 'unexpected_error',
    });
  });
});
