import type { App } from '@slack/bolt';
import type { InstanceView } from '../../ports/interactions.ts';
import { byUrgencyThenScore } from '../lead-urgency.ts';
import type { Message } from '../render/blocks.ts';
import { renderLeadListMessage } from '../render/lead-list-message.ts';
import { fitEscaped } from '../render/text.ts';
import { onCommand } from './ack-first.ts';
import { emailOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { isAdmin, teamsManagedBy } from './team-of.ts';

const HELP =
  "`/sla` shows your open leads with time left and attempts; `/sla team` shows your team's (managers).";

async function answer(text: string, userId: string, deps: ListenerDeps): Promise<Message> {
  const now = deps.clock.now();
  const config = deps.config();
  const arg = text.trim().toLowerCase();
  if (arg === 'help') return { text: HELP, blocks: [] };
  const email = await emailOf(userId, deps);
  if (email === null) {
    return {
      text: 'Slack did not tell me your e-mail, so I cannot match you with a HubSpot owner. Ask an admin to add you under slack.user_overrides.',
      blocks: [],
    };
  }
  const list = (title: string, leads: readonly InstanceView[], showOwner: boolean) =>
    renderLeadListMessage(title, byUrgencyThenScore(leads, now), {
      now,
      zone: config.timezone,
      showOwner,
      stageLabel: (key) => config.stages.find((s) => s.key === key)?.label ?? key,
    });
  if (arg === 'team') {
    const teams = isAdmin(config, email) ? config.teams : teamsManagedBy(config, email);
    if (teams.length === 0) return { text: `Only managers can use \`/sla team\`. ${HELP}`, blocks: [] };
    const leads = (await Promise.all(teams.map((t) => deps.interactions.openLeadsOfTeam(t.name)))).flat();
    return list(`Open leads of ${teams.map((t) => t.name).join(', ')}`, leads, true);
  }
  if (arg !== '') return { text: `I do not know "${fitEscaped(text.trim(), 100)}". ${HELP}`, blocks: [] };
  return list('Your open leads', await deps.interactions.openLeadsOf(email), false);
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
