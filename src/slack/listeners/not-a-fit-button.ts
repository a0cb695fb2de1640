import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION } from '../render/ids.ts';
import { leadName } from '../render/lead-facts.ts';
import { renderNotAFitModal } from '../render/not-a-fit-modal.ts';
import type { ListenerDeps } from './deps.ts';

/** "Not a fit" opens the reason picker (the trigger id is valid for three seconds: look up little). */
export function registerNotAFitButton(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.notAFit, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (deps.recent.seen(`${ACTION.notAFit}:${action.action_ts}:${body.user.id}`)) return;
    const lead = await deps.interactions.lead(action.value ?? '');
    if (lead === null || lead.instance.closedAt !== null) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'This lead is already closed; nothing to do.',
      });
      return;
    }
    const config = deps.config();
    const writeBack = config.hubspot.writeBack.enabled && config.hubspot.writeBack.notAFitLeadStatus !== null;
    const container = body.container ?? {};
    const view = renderNotAFitModal(leadName(lead.instance.lead), config.slack.notAFitReasons, writeBack, {
      instanceId: lead.instance.id,
      channel: typeof container.channel_id === 'string' ? container.channel_id : null,
      ts: typeof container.message_ts === 'string' ? container.message_ts : null,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
