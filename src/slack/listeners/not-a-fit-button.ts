import type { App } from '@slack/bolt';
import { ACTION } from '../render/ids.ts';
import { leadName } from '../render/lead-facts.ts';
import { renderNotAFitModal } from '../render/not-a-fit-modal.ts';
import { renderNoticeModal } from '../render/notice-modal.ts';
import { onButton } from './ack-first.ts';
import type { ListenerDeps } from './deps.ts';
import { openThenFill } from './open-then-fill.ts';
import { knownReaderOf } from './reader.ts';

/** "Not a fit" opens the reason picker: at once, then filled in once the lead is looked up. */
export function registerNotAFitButton(app: App, deps: ListenerDeps): void {
  onButton(app, ACTION.notAFit, async ({ body, action, client }) => {
    if (deps.recent.seen(`${ACTION.notAFit}:${action.action_ts}:${body.user.id}`)) return;
    const container = body.container ?? {};
    const clicked = {
      channel: typeof container.channel_id === 'string' ? container.channel_id : null,
      ts: typeof container.message_ts === 'string' ? container.message_ts : null,
    };
    // The clicker's language as far as already known: no request before the modal opens.
    const t = knownReaderOf(body.user.id, deps);
    await openThenFill(
      client,
      body.trigger_id,
      t.t('notAFit.title'),
      async () => {
        const lead = await deps.interactions.lead(action.value ?? '');
        if (lead === null || lead.instance.closedAt !== null)
          return renderNoticeModal(t.t('notAFit.title'), t.t('modal.closedLead'), t);
        const config = deps.config();
        const writeBack =
          config.hubspot.writeBack.enabled && config.hubspot.writeBack.notAFitLeadStatus !== null;
        return renderNotAFitModal(
          leadName(lead.instance.lead, t),
          config.slack.notAFitReasons,
          writeBack,
          { instanceId: lead.instance.id, ...clicked },
          t,
        );
      },
      deps,
      t,
    );
  });
}
