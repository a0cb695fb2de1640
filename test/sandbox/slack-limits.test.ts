import { describe, expect, it } from 'vitest';
import type { SlackSandboxOptions } from '../../src/sandbox/index.ts';
import { slack, slackClient } from './helpers.ts';

async function workspace(options: SlackSandboxOptions = {}) {
  const sandbox = await slack(options);
  const rep = sandbox.state.addUser({ email: 'bram@example.com' });
  const channel = sandbox.state.addChannel({ name: 'sales', members: [rep.id] });
  return { sandbox, rep, channel, web: slackClient(sandbox.url) };
}

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the Slack call to fail');
}

describe('Slack sandbox rate limits and faults, as @slack/web-api sees them', () => {
  it('allows about one message per second per channel and answers 429 with Retry-After beyond it', async () => {
    const { web, sandbox, rep, channel } = await workspace();
    await web.chat.postMessage({ channel: channel.id, text: 'one' });
    const limited = await failure(web.chat.postMessage({ channel: channel.id, text: 'two' }));
    expect(limited).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 });
    await expect(web.chat.postMessage({ channel: rep.id, text: 'another channel' })).resolves.toMatchObject({
      ok: true,
    });
    sandbox.clock.advance(1_000);
    await expect(web.chat.postMessage({ channel: channel.id, text: 'two, later' })).resolves.toMatchObject({
      ok: true,
    });
    expect(sandbox.stats.snapshot().byEndpoint['chat.postMessage']).toMatchObject({
      count: 4,
      statuses: { '200': 3, '429': 1 },
      rateLimited: 1,
    });
    expect(sandbox.state.messagesIn('sales').map((m) => m.text)).toEqual(['one', 'two, later']);
  });

  it('allows a short burst when configured', async () => {
    const { web, channel } = await workspace({ rateLimits: { burst: 3 } });
    for (const text of ['a', 'b', 'c']) await web.chat.postMessage({ channel: channel.id, text });
    expect(await failure(web.chat.postMessage({ channel: channel.id, text: 'd' }))).toMatchObject({
      retryAfter: 1,
    });
  });

  it('can answer the message limit as HTTP 200 rate_limited instead', async () => {
    const { web, channel } = await workspace({ rateLimits: { mode: 'body' } });
    await web.chat.postMessage({ channel: channel.id, text: 'one' });
    expect(await failure(web.chat.postMessage({ channel: channel.id, text: 'two' }))).toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'rate_limited' },
    });
  });

  it('limits other methods per minute by tier', async () => {
    const { web, sandbox } = await workspace({ rateLimits: { tiers: { 3: 2 } } });
    await web.users.lookupByEmail({ email: 'bram@example.com' });
    await web.users.lookupByEmail({ email: 'bram@example.com' });
    const limited = await failure(web.users.lookupByEmail({ email: 'bram@example.com' }));
    expect(limited).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 60 });
    sandbox.clock.advance(60_000);
    await expect(web.users.lookupByEmail({ email: 'bram@example.com' })).resolves.toMatchObject({ ok: true });
  });

  it('sends a numeric Retry-After header with the 429', async () => {
    const { sandbox, channel } = await workspace();
    const post = () =>
      fetch(`${sandbox.url}chat.postMessage`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer xoxb-sandbox',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ channel: channel.id, text: 'x' }),
      });
    await post();
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('answers an injected server error with a non-200 the client reports as an HTTP error', async () => {
    const { web, sandbox, rep } = await workspace();
    sandbox.faults.inject('server_error', { endpoint: 'chat.postMessage' });
    expect(await failure(web.chat.postMessage({ channel: rep.id, text: 'x' }))).toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 503,
    });
    expect(sandbox.state.dmsTo(rep.id)).toHaveLength(0);
  });

  it('times a request out when the fake holds it and the client has a timeout', async () => {
    const { sandbox, rep } = await workspace({ faults: { timeoutMs: null } });
    sandbox.faults.inject('timeout');
    const impatient = slackClient(sandbox.url, { timeout: 50 });
    expect(await failure(impatient.chat.postMessage({ channel: rep.id, text: 'x' }))).toMatchObject({
      code: 'slack_webapi_request_error',
    });
  });
});
