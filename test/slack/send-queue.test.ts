import { WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { SECOND } from '../../src/domain/time.ts';
import { createSendQueue } from '../../src/slack/send-queue.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { fakeSleep, silentLogger } from './support/harness.ts';

const platform = (error: string) => new WebAPIPlatformError({ ok: false, error });

function setup() {
  const clock = new FakeClock(1_000_000);
  const { sleep, sleeps } = fakeSleep(clock);
  const queue = createSendQueue({ clock, logger: silentLogger(), sleep });
  return { clock, sleeps, queue };
}

describe('the per-channel send queue', () => {
  it('spaces messages to one channel about a second apart', async () => {
    const { clock, queue } = setup();
    const at: number[] = [];
    const send = () => queue.run('chat:C1', SECOND, async () => at.push(clock.now()));
    await Promise.all([send(), send(), send()]);
    expect(at).toEqual([1_000_000, 1_001_000, 1_002_000]);
  });

  it('does not hold one channel back for another', async () => {
    const { clock, queue } = setup();
    const at: Record<string, number> = {};
    await Promise.all([
      queue.run('chat:C1', SECOND, async () => (at.c1 = clock.now())),
      queue.run('chat:C2', SECOND, async () => (at.c2 = clock.now())),
    ]);
    expect(at).toEqual({ c1: 1_000_000, c2: 1_000_000 });
  });

  it('waits out a short rate limit, then succeeds', async () => {
    const { clock, sleeps, queue } = setup();
    let calls = 0;
    const out = await queue.run('chat:C1', SECOND, async () => {
      calls++;
      if (calls === 1) throw new WebAPIRateLimitedError(3);
      return clock.now();
    });
    expect(out).toEqual({ ok: true, value: 1_003_000 });
    expect(sleeps).toEqual([3000]);
  });

  it('treats "ratelimited" in a 200 body like a 429', async () => {
    const { sleeps, queue } = setup();
    let calls = 0;
    const out = await queue.run('chat:C1', SECOND, async () => {
      if (++calls === 1) throw platform('ratelimited');
      return 'ok';
    });
    expect(out).toEqual({ ok: true, value: 'ok' });
    expect(sleeps).toEqual([1000]);
  });

  it('hands a long Retry-After back to the caller instead of blocking', async () => {
    const { queue } = setup();
    const out = await queue.run('chat:C1', SECOND, async () => {
      throw new WebAPIRateLimitedError(60);
    });
    expect(out).toEqual({
      ok: false,
      failure: { kind: 'rate_limited', code: 'ratelimited', retryAfter: 60_000 },
      retryAt: 1_060_000,
    });
  });

  it('later sends to a rate-limited channel wait for the same window', async () => {
    const { clock, queue } = setup();
    await queue.run('chat:C1', SECOND, async () => {
      throw new WebAPIRateLimitedError(60);
    });
    clock.advance(10 * SECOND);
    let called = false;
    const out = await queue.run('chat:C1', SECOND, async () => {
      called = true;
    });
    expect(called).toBe(false);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.retryAt).toBe(1_060_000);
  });

  it('retries transient errors with doubling backoff, then says when to try again', async () => {
    const { sleeps, queue } = setup();
    let calls = 0;
    const out = await queue.run('chat:C1', SECOND, async () => {
      calls++;
      throw new WebAPIRequestError(new Error('ECONNRESET'));
    });
    expect(calls).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(out).toEqual({
      ok: false,
      failure: { kind: 'transient', code: 'request_error' },
      retryAt: 1_007_000,
    });
  });

  it('recovers when a transient error clears on the second attempt', async () => {
    const { queue } = setup();
    let calls = 0;
    const out = await queue.run('chat:C1', SECOND, async () => {
      if (++calls === 1) throw platform('internal_error');
      return 'sent';
    });
    expect(out).toEqual({ ok: true, value: 'sent' });
    expect(calls).toBe(2);
  });

  it.each([
    'channel_not_found',
    'not_in_channel',
    'account_inactive',
    'users_not_found',
    'messages_tab_disabled',
  ])('never retries %s', async (code) => {
    const { queue } = setup();
    let calls = 0;
    const out = await queue.run('chat:C1', SECOND, async () => {
      calls++;
      throw platform(code);
    });
    expect(calls).toBe(1);
    expect(out).toEqual({ ok: false, failure: { kind: 'unreachable', code }, retryAt: null });
  });

  it('keeps a lane going after a failed call', async () => {
    const { queue } = setup();
    const first = queue.run('chat:C1', SECOND, async () => {
      throw platform('invalid_blocks');
    });
    const second = queue.run('chat:C1', SECOND, async () => 'second');
    expect((await first).ok).toBe(false);
    expect(await second).toEqual({ ok: true, value: 'second' });
  });
});
