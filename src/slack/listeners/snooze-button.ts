import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ownerPlainName } from '../owner-name.ts';
import { ACTION } from '../render/ids.ts';
import { leadName } from '../render/lead-facts.ts';
import { renderSnoozeModal, type SnoozeScopeOption } from '../render/snooze-modal.ts';
import type { ListenerDeps } from './deps.ts';
import { teamOf } from './team-of.ts';

/** "Snooze escalations" on an escalation opens the silence form (rep or team, period, reason). */
export function registerSnoozeButton(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.snooze, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (deps.recent.seen(`${ACTION.snooze}:${action.action_ts}:${body.user.id}`)) return;
    const lead = await deps.interactions.lead(action.value ?? '');
    const team = teamOf(deps.config(), lead?.owner?.email);
    const scopes: SnoozeScopeOption[] = [
      ...(lead?.instance.ownerId
        ? [{ label: `Only ${ownerPlainName(lead.owner)}`, value: `owner:${lead.instance.ownerId}` }]
        : []),
      ...(team ? [{ label: `The whole team ${team.name}`, value: `team:${team.name}` }] : []),
    ];
    if (lead === null || scopes.length === 0) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'This lead has no owner or team to snooze.',
      });
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: renderSnoozeModal(leadName(lead.instance.lead), scopes, lead.instance.id),
    });
  });
}
