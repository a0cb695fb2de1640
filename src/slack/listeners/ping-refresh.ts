import type { WebClient } from '@slack/web-api';
import { type Translator, translator } from '../../i18n/translate.ts';
import type { InstanceView } from '../../ports/interactions.ts';
import type { InstanceContext, MessageRef } from '../../ports/notifier.ts';
import { classifySlackError, SlackCallError } from '../errors.ts';
import { ownerPlainName } from '../owner-name.ts';
import { teamLanguage } from '../reader-language.ts';
import { createRecipientResolver } from '../recipients.ts';
import { NO_AUTO_PARSE } from '../render/blocks.ts';
import { pingFallbackNote } from '../render/fallback-note.ts';
import { renderPing } from '../render/ping.ts';
import { mention } from '../render/text.ts';
import { normalizeEmail } from '../slack-user.ts';
import type { ListenerDeps } from './deps.ts';

/**
 * Re-renders the handoff ping right after a button changed the state (On it, Not a fit), so the
 * person who clicked sees it at once; the worker keeps updating it as verdicts change.
 */
export async function refreshPing(
  client: WebClient,
  lead: InstanceView,
  clicked: MessageRef | null,
  deps: Pick<ListenerDeps, 'config' | 'clock' | 'logger' | 'directory'>,
  clicker: Translator | null = null,
): Promise<void> {
  const ref = lead.pingRef ?? clicked;
  if (ref === null || lead.evaluation === null) return;
  const config = deps.config();
  const ownerEmail = lead.owner?.email ? normalizeEmail(lead.owner.email) : null;
  const team = ownerEmail
    ? (config.teams.find((t) => t.members.some((m) => normalizeEmail(m) === ownerEmail)) ?? null)
    : null;
  const context: InstanceContext = {
    instance: lead.instance,
    evaluation: lead.evaluation,
    owner: lead.owner,
    team,
    policyName: lead.instance.policyName,
    attemptsRequired: lead.evaluation.attempts?.required ?? null,
  };
  const now = deps.clock.now();
  let fallbackNote: string | null = null;
  let t: Translator;
  try {
    const dm = ref.channel.startsWith('D');
    if (dm && clicker !== null && clicked?.channel === ref.channel) {
      // Clicked in the DM the ping is in: the person who clicked is its reader.
      t = clicker;
    } else {
      const owner = await createRecipientResolver(deps).owner(lead.owner, now);
      // The ping's reader: the owner in their DM; a channel copy reads the team's language.
      t = translator(dm && owner.ok ? owner.recipient.language : teamLanguage(config, team));
      // A ping outside a DM was a fallback copy: it keeps the note it was posted with.
      if (!dm) fallbackNote = pingFallbackNote(owner, t);
    }
  } catch (err) {
    if (!(err instanceof SlackCallError)) throw err;
    // Without the note the update would say less than the first post; the worker's next update fixes it.
    deps.logger.warn(
      { err, code: err.failure.code, instance: lead.instance.id },
      'could not look the owner up to update the ping in place',
    );
    return;
  }
  const message = renderPing({
    context,
    now,
    zone: config.timezone,
    t,
    ownerName: mention(null, ownerPlainName(lead.owner)),
    stageLabel: config.stages.find((s) => s.key === lead.instance.stage)?.label ?? lead.instance.stage,
    fallbackNote,
  });
  try {
    await client.chat.update({
      channel: ref.channel,
      ts: ref.ts,
      text: message.text,
      blocks: [...message.blocks],
      ...NO_AUTO_PARSE,
    });
  } catch (err) {
    // The state is recorded; only the immediate visual update failed. The worker's next update fixes it.
    deps.logger.warn(
      { err, code: classifySlackError(err).code, instance: lead.instance.id },
      'could not update the ping in place',
    );
  }
}
