import { describe, expect, it } from 'vitest';
import { classifySlackError, mayHaveTakenEffect, SlackCallError } from '../../src/slack/errors.ts';
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

  describe('whether a failed post may have been posted anyway (SD-2)', () => {
    async function errorOf(reply: () => void): Promise<unknown> {
      reply();
      const { client } = slackHarness();
      return client.chat.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
    }

    it.each([
      ['a 500', 500],
      ['a 502', 502],
      ['a 503', 503],
    ])('%s: maybe (Slack may have posted before failing)', async (_what, status) => {
      const api = slackApi(http);
      expect(
        mayHaveTakenEffect(await errorOf(() => api.on('chat.postMessage', () => ({ status, body: {} })))),
      ).toBe(true);
    });

    it.each(['internal_error', 'fatal_error', 'service_unavailable'])(
      '%s: maybe ("it\'s possible some aspect of the operation succeeded")',
      async (code) => {
        const api = slackApi(http);
        expect(mayHaveTakenEffect(await errorOf(() => api.fail('chat.postMessage', code)))).toBe(true);
      },
    );

    it('a dropped connection or timeout after sending: maybe', async () => {
      http.scope(SLACK_ORIGIN).post('/api/chat.postMessage').replyWithError('socket hang up');
      expect(mayHaveTakenEffect(await errorOf(() => {}))).toBe(true);
    });

    it('a refused connection: no (the request never reached Slack)', async () => {
      http
        .scope(SLACK_ORIGIN)
        .post('/api/chat.postMessage')
        .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
      const err = await errorOf(() => {});
      expect(classifySlackError(err)).toEqual({ kind: 'transient', code: 'request_error' });
      expect(mayHaveTakenEffect(err)).toBe(false);
    });

    it.each(['channel_not_found', 'ratelimited', 'request_timeout', 'invalid_blocks'])(
      '%s: no (Slack answered that it did not post)',
      async (code) => {
        const api = slackApi(http);
        expect(mayHaveTakenEffect(await errorOf(() => api.fail('chat.postMessage', code)))).toBe(false);
      },
    );

    it('a 429 or a 400: no', async () => {
      const api = slackApi(http);
      const limited = await errorOf(() =>
        api.on('chat.postMessage', () => ({
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': '1' },
        })),
      );
      expect(mayHaveTakenEffect(limited)).toBe(false);
      expect(
        mayHaveTakenEffect(
          await errorOf(() => api.on('chat.postMessage', () => ({ status: 400, body: {} }))),
        ),
      ).toBe(false);
    });
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
