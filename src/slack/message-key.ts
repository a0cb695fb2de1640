/**
 * Every message sla-bot posts for an outbox row carries the row's key in its metadata, so a post
 * whose answer was lost can be found again instead of being sent twice (SD-1, SD-7). `event_type`
 * holds letters, digits and `_` only, as Slack's metadata rules ask.
 */
export const MESSAGE_EVENT_TYPE = 'sla_bot_message';

/** `metadata` as `chat.postMessage` takes it (`MessageMetadata` in @slack/types). */
export interface KeyMetadata {
  readonly event_type: typeof MESSAGE_EVENT_TYPE;
  readonly event_payload: { readonly key: string };
}

export const keyMetadata = (key: string): KeyMetadata => ({
  event_type: MESSAGE_EVENT_TYPE,
  event_payload: { key },
});

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The outbox key a message (from `conversations.history` with `include_all_metadata`) carries, if any. */
export function keyOf(message: unknown): string | null {
  if (!isObj(message) || !isObj(message.metadata)) return null;
  const { event_type: type, event_payload: payload } = message.metadata;
  if (type !== MESSAGE_EVENT_TYPE || !isObj(payload)) return null;
  return typeof payload.key === 'string' ? payload.key : null;
}
