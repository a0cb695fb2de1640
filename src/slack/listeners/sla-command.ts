import type { App } from '@slack/bolt';
import type { Translator } from '../../i18n/translate.ts';
import type { InstanceView } from '../../ports/interactions.ts';
import { byUrgencyThenScore } from '../lead-urgency.ts';
import type { Message } from '../render/blocks.ts';
import { renderLeadListMessage } from '../render/lead-list-message.ts';
import { fitEscaped } from '../render/text.ts';
import { onCommand } from './ack-first.ts';
import { emailOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { readerOf } from './reader.ts';
import { isAdmin, teamsManagedBy } from './team-of.ts';

async function answer(text: string, userId: string, deps: ListenerDeps): Promise<Message> {
  const now = deps.clock.now();
  const config = deps.config();
  const arg = text.trim().toLowerCase();
  const email = arg === 'help' ? null : await emailOf(userId, deps);
  const tr: Translator = await readerOf(userId, deps);
  const { t } = tr;
  const help = t('sla.help');
  if (arg === 'help') return { text: help, blocks: [] };
  if (email === null) return { text: t('sla.noEmail'), blocks: [] };
  const list = (title: string, leads: readonly InstanceView[], showOwner: boolean) =>
    renderLeadListMessage(title, byUrgencyThenScore(leads, now), {
      now,
      zone: config.timezone,
      t: tr,
      showOwner,
      stageLabel: (key) => config.stages.find((s) => s.key === key)?.label ?? key,
    });
  if (arg === 'team') {
    const teams = isAdmin(config, email) ? config.teams : teamsManagedBy(config, email);
    if (teams.length === 0) return { text: t('sla.teamOnlyManagers', { help }), blocks: [] };
    const leads = (await Promise.all(teams.map((t) => deps.interactions.openLeadsOfTeam(t.name)))).flat();
    return list(t('sla.teamTitle', { teams: teams.map((team) => team.name).join(', ') }), leads, true);
  }
  if (arg !== '') return { text: t('sla.unknown', { arg: fitEscaped(text.trim(), 100), help }), blocks: [] };
  return list(t('sla.mineTitle'), await deps.interactions.openLeadsOf(email), false);
}

/** `/sla` and `/sla team`: acknowledged at once, answered privately through the response URL. */
export function registerSlaCommand(app: App, deps: ListenerDeps): void {
  onCommand(app, '/sla', async ({ command, respond }) => {
    const message = await answer(command.text ?? '', command.user_id, deps);
    await respond({
      response_type: 'ephemeral',
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: [...message.blocks] } : {}),
    });
  });
}
