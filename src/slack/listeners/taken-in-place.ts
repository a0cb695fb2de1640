import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Team } from '../../config/types.ts';
import type { Instant } from '../../domain/time.ts';
import { translator } from '../../i18n/translate.ts';
import { classifySlackError } from '../errors.ts';
import { channelLanguage, teamLanguage } from '../reader-language.ts';
import { type Block, NO_AUTO_PARSE } from '../render/blocks.ts';
import { context } from '../render/common-blocks.ts';
import { TAKE_IT_BLOCK, takenByLine } from '../render/take-it.ts';
import type { ListenerDeps } from './deps.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The clicked escalation, updated in place right after a claim (issue 18): its "Take it" block replaced
 * by "Taken by Eva at 10:42", in the channel's language and the SLA file's zone, everything else as
 * Slack has it. The worker renders the same line in every later update of the message
 * (`withTakenBy`), so it stays. A failure here costs only the immediate update, never the claim.
 */
export async function markTaken(
  client: WebClient,
  body: BlockAction<ButtonAction>,
  who: string,
  at: Instant,
  team: Team,
  deps: Pick<ListenerDeps, 'config' | 'logger'>,
): Promise<void> {
  const channel = body.container?.channel_id;
  const ts = body.container?.message_ts;
  const message: unknown = body.message;
  if (typeof channel !== 'string' || typeof ts !== 'string' || !isRecord(message)) return;
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Block[]) : [];
  if (!blocks.some((b) => isRecord(b) && b.block_id === TAKE_IT_BLOCK)) return;
  const config = deps.config();
  const language = team.channel ? channelLanguage(config, team.channel) : teamLanguage(config, team);
  const line = context([takenByLine(translator(language), config.timezone, who, at)]);
  try {
    await client.chat.update({
      channel,
      ts,
      text: typeof message.text === 'string' ? message.text : '',
      blocks: blocks.map((b) => (isRecord(b) && b.block_id === TAKE_IT_BLOCK ? line : b)),
      ...NO_AUTO_PARSE,
    });
  } catch (err) {
    deps.logger.warn(
      { err, code: classifySlackError(err).code, channel, ts },
      'could not mark the escalation taken in place',
    );
  }
}
