import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../clock/clock.ts';
import type { SendResult } from '../../ports/notifier.ts';
import { classifySlackError } from '../../slack/errors.ts';
import { type Message, NO_AUTO_PARSE } from '../../slack/render/blocks.ts';
import type { DigestPoster } from './send-digests.ts';

export interface SlackDigestPosterDeps {
  readonly client: WebClient;
  /** The Slack user id of an e-mail (the Slack adapter's user directory), `null` when not in Slack. */
  readonly userIdOf: (email: string) => Promise<string | null>;
  readonly clock: Clock;
}

/** Posts digests as DMs from the app; Slack failures become retry (rate limits, 5xx) or failed. */
export function slackDigestPoster(deps: SlackDigestPosterDeps): DigestPoster {
  return {
    async post(email: string, message: Message): Promise<SendResult> {
      try {
        const user = await deps.userIdOf(email);
        if (user === null) return { status: 'failed', error: `no Slack user for ${email}` };
        const res = await deps.client.chat.postMessage({
          channel: user,
          text: message.text,
          blocks: [...message.blocks],
          ...NO_AUTO_PARSE,
          unfurl_links: false,
        });
        if (!res.ts || !res.channel)
          return { status: 'failed', error: 'Slack accepted the digest without a ts' };
        return { status: 'sent', ref: { channel: res.channel, ts: res.ts }, fallback: null };
      } catch (err) {
        const failure = classifySlackError(err);
        if (failure.kind === 'rate_limited')
          return { status: 'retry', error: failure.code, retryAt: deps.clock.now() + failure.retryAfter };
        if (failure.kind === 'transient')
          return { status: 'retry', error: failure.code, retryAt: deps.clock.now() + 30_000 };
        return { status: 'failed', error: failure.code };
      }
    },
  };
}
