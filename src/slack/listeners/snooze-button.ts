import type { App } from '@slack/bolt';
import { ownerPlainName } from '../owner-name.ts';
import { ACTION } from '../render/ids.ts';
import { leadName } from '../render/lead-facts.ts';
import { renderNoticeModal } from '../render/notice-modal.ts';
import { renderSnoozeModal, type SnoozeScopeOption } from '../render/snooze-modal.ts';
import { onButton } from './ack-first.ts';
import type { ListenerDeps } from './deps.ts';
import { openThenFill } from './open-then-fill.ts';
import { teamOf } from './team-of.ts';

const TITLE = 'Snooze escalations';

/** "Snooze escalations" on an escalation opens the silence form (rep or team, period, reason). */
export function registerSnoozeButton(app: App, deps: ListenerDeps): void {
  onButton(app, ACTION.snooze, async ({ body, action, client }) => {
    if (deps.recent.seen(`${ACTION.snooze}:${action.action_ts}:${body.user.id}`)) return;
    await openThenFill(
      client,
      body.trigger_id,
      TITLE,
      async () => {
        const lead = await deps.interactions.lead(action.value ?? '');
        const team = teamOf(deps.config(), lead?.owner?.email);
        const scopes: SnoozeScopeOption[] = [
          ...(lead?.instance.ownerId
            ? [{ label: `Only ${ownerPlainName(lead.owner)}`, value: `owner:${lead.instance.ownerId}` }]
            : []),
          ...(team ? [{ label: `The whole team ${team.name}`, value: `team:${team.name}` }] : []),
        ];
        if (lead === null || scopes.length === 0)
          return renderNoticeModal(TITLE, 'This lead has no owner or team to snooze.');
        return renderSnoozeModal(leadName(lead.instance.lead), scopes, lead.instance.id);
      },
      deps,
    );
  });
}
