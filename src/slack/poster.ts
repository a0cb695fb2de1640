import type { WebClient } from '@slack/web-api';
import { type Instant, SECOND } from '../domain/time.ts';
import type { MessageRef, SendResult } from '../ports/notifier.ts';
import { classifySlackError, mayHaveTakenEffect, SlackCallError } from './errors.ts';
import { isBudgetWait } from './find-posted.ts';
import { keyMetadata } from './message-key.ts';
import { type Message, NO_AUTO_PARSE } from './render/blocks.ts';
import { CHANNEL_SPACING, type QueueOutcome, type SendQueue } from './send-queue.ts';

/** Runs before a post, inside its channel's turn; throws to stop it (the worker's claim, ADR 0012). */
export type BeforePost = () => Promise<void>;

/** What a post's turn in the queue came to: posted, or stopped by `BeforePost` (its error kept). */
type Turn = { readonly ref: MessageRef } | { readonly stopped: unknown };

/**
 * Posting, updating and deleting through the per-channel queue; a message counts only when Slack
 * accepted it. A post with an outbox `key` carries it in its metadata, and a failure after which Slack
 * may have accepted it comes back `in_doubt` instead of being retried blindly (SD-2). `before` runs
 * immediately before the request, after the channel's pacing: when it throws, nothing is posted and
 * its error is thrown to the caller as it was (not classified as a Slack failure, not retried).
 */
export function createPoster(client: WebClient, queue: SendQueue) {
  async function post(
    channel: string,
    message: Message,
    key: string | null = null,
    before: BeforePost | null = null,
  ): Promise<QueueOutcome<MessageRef>> {
    const out = await queue.run(`chat:${channel}`, CHANNEL_SPACING, async (): Promise<Turn> => {
      if (before !== null) {
        try {
          await before();
        } catch (stopped) {
          return { stopped };
        }
      }
      return { ref: await postNow(channel, message, key) };
    });
    if (!out.ok) return out;
    if ('stopped' in out.value) throw out.value.stopped;
    return { ok: true, value: out.value.ref };
  }

  async function postNow(channel: string, message: Message, key: string | null): Promise<MessageRef> {
    const res = await client.chat
      .postMessage({
        channel,
        text: message.text,
        blocks: [...message.blocks],
        ...NO_AUTO_PARSE,
        unfurl_links: false,
        unfurl_media: false,
        ...(key === null ? {} : { metadata: keyMetadata(key) }),
      })
      .catch((err: unknown) => {
        if (key === null || !mayHaveTakenEffect(err)) throw err;
        const { code } = classifySlackError(err);
        throw new SlackCallError('chat.postMessage', { kind: 'in_doubt', code }, null);
      });
    if (!res.ts || !res.channel) {
      throw new SlackCallError('chat.postMessage', { kind: 'permanent', code: 'accepted_without_ts' }, null);
    }
    return { channel: res.channel, ts: res.ts };
  }

  /**
   * Replaces a message the app posted (`chat.update`, SD-13, SD-28), paced like posts. `before` runs
   * inside the channel's turn, immediately before the request, as for `post`: when it throws, nothing
   * is changed and its error is thrown to the caller.
   */
  async function update(
    ref: MessageRef,
    message: Message,
    before: BeforePost | null = null,
  ): Promise<QueueOutcome<MessageRef>> {
    const out = await queue.run(`chat:${ref.channel}`, CHANNEL_SPACING, async (): Promise<Turn> => {
      if (before !== null) {
        try {
          await before();
        } catch (stopped) {
          return { stopped };
        }
      }
      await client.chat.update({
        channel: ref.channel,
        ts: ref.ts,
        text: message.text,
        blocks: [...message.blocks],
        ...NO_AUTO_PARSE,
      });
      return { ref };
    });
    if (!out.ok) return out;
    if ('stopped' in out.value) throw out.value.stopped;
    return { ok: true, value: out.value.ref };
  }

  /**
   * Deletes a message this app posted (`chat.delete`, SD-27). One already gone (`message_not_found`)
   * counts as deleted.
   */
  async function remove(ref: MessageRef): Promise<QueueOutcome<MessageRef>> {
    const out = await queue.run(`chat:${ref.channel}`, CHANNEL_SPACING, async () => {
      await client.chat.delete({ channel: ref.channel, ts: ref.ts });
      return ref;
    });
    if (!out.ok && out.failure.code === 'message_not_found') return { ok: true, value: ref };
    return out;
  }

  return { post, update, remove };
}

export type Poster = ReturnType<typeof createPoster>;

/** A post that may have gone through is looked for this long after (Slack has it by then if at all). */
const IN_DOUBT_RECHECK = 5 * SECOND;

/** A failed queue outcome as the worker's `SendResult`: retry when it may pass, failed otherwise. */
export function failureResult(
  outcome: Extract<QueueOutcome<unknown>, { ok: false }>,
  now: Instant,
  what: string,
): SendResult {
  const error = `${outcome.failure.code}${what ? `: ${what}` : ''}`;
  if (outcome.failure.kind === 'in_doubt') {
    const retryAt = outcome.retryAt ?? now + IN_DOUBT_RECHECK;
    if (isBudgetWait(outcome.failure))
      return { status: 'retry', error, retryAt, inDoubt: true, waiting: true };
    return { status: 'retry', error, retryAt, inDoubt: true };
  }
  if (outcome.failure.kind === 'unconfirmed') return { status: 'unconfirmed', error };
  if (outcome.failure.kind === 'rate_limited' || outcome.failure.kind === 'transient') {
    return { status: 'retry', error, retryAt: outcome.retryAt ?? now + 30 * SECOND };
  }
  return { status: 'failed', error };
}

/** A `SlackCallError` thrown while resolving recipients, as a `SendResult`. */
export function callErrorResult(err: SlackCallError, now: Instant): SendResult {
  return failureResult({ ok: false, failure: err.failure, retryAt: err.retryAt }, now, err.message);
}
