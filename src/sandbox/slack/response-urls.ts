import type { Instant } from '../../domain/time.ts';
import { isRecord, type SandboxResponse } from '../shared/http-types.ts';
import { directoryLookups, messageMarkup, textParsing } from './content-markup.ts';
import { checkBlocks } from './methods/chat-content.ts';
import { RESPONSE_URL_MAX_USES, type SlackState } from './slack-state.ts';

const text = (status: number, body: string): SandboxResponse => ({
  status,
  raw: { contentType: 'text/plain', text: body },
});

/**
 * A POST to a `response_url` (what Bolt's `respond()` sends): replaces or deletes the original
 * message, or posts an ephemeral / in-channel reply. Limited to 5 uses within 30 minutes.
 */
export function handleResponseUrl(state: SlackState, kind: string, id: string, raw: string, now: Instant) {
  const url = state.responseUrl(id);
  if (!url || url.kind !== kind) return text(404, 'invalid_url');
  if (now >= url.expiresAt) return text(404, 'expired_url');
  if (url.uses >= RESPONSE_URL_MAX_USES) return text(404, 'used_url');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return text(400, 'invalid_payload');
  }
  if (!isRecord(body)) return text(400, 'invalid_payload');
  const blocks = checkBlocks(body.blocks ?? null);
  if (blocks !== null && 'error' in blocks) return text(400, 'invalid_blocks');
  url.uses += 1;
  state.responses.push({ urlId: id, at: now, body });

  const original = url.channel && url.messageTs ? state.log.find(url.channel, url.messageTs) : null;
  const said = typeof body.text === 'string' ? body.text : null;
  // `parse` is not honoured here (bolt-python#733): bare URLs in the text are always linkified.
  const parsing = textParsing(null, body.link_names === true, directoryLookups(state.directory));
  const content = { text: said, blocks, metadata: null, markup: messageMarkup(said, blocks, parsing) };
  if (body.delete_original === true && original) state.log.remove(original, now);
  else if (body.replace_original === true && original)
    state.log.update(original, { ...content, at: now, via: 'response_url' });
  else if (body.response_type === 'in_channel' && url.channel) {
    state.log.post({
      ...content,
      channel: url.channel,
      ts: state.ts.make(now),
      threadTs: typeof body.thread_ts === 'string' ? body.thread_ts : null,
      replyBroadcast: false,
      postedAt: now,
      updates: [],
      deletedAt: null,
    });
  } else {
    state.log.postEphemeral({
      ...content,
      channel: url.channel ?? '',
      user: url.user,
      ts: state.ts.make(now),
      at: now,
      via: 'response_url',
    });
  }
  return { status: 200, body: { ok: true } } satisfies SandboxResponse;
}
