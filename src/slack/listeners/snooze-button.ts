import type { App } from '@slack/bolt';
import { ownerPlainName } from '../owner-name.ts';
import { ACTION } from '../render/ids.ts';
import { leadName } from '../render/lead-facts.ts';
import { renderNoticeModal } from '../render/notice-modal.ts';
import { renderSnoozeModal, type SnoozeScopeOption } from '../render/snooze-modal.ts';
import { onButton } from './ack-first.ts';
import type { ListenerDeps } from './deps.ts';
import { openThenFill } from './open-then-fill.ts';
import { knownReaderOf } from './reader.ts';
import { teamOf } from './team-of.ts';

/** "Snooze escalations" on an escalation opens the silence form (rep or team, period, reason). */
export function registerSnoozeButton(app: App, deps: ListenerDeps): void {
  onButton(app, ACTION.snooze, async ({ body, action, client }) => {
    if (deps.recent.seen(`${ACTION.snooze}:${action.action_ts}:${body.user.id}`)) return;
    // The clicker's language as far as already known: no request before the modal opens.
    const t = knownReaderOf(body.user.id, deps);
    await openThenFill(
      client,
      body.trigger_id,
      t.t('snooze.title'),
      async () => {
        const lead = await deps.interactions.lead(action.value ?? '');
        const team = teamOf(deps.config(), lead?.owner?.email);
        const scopes: SnoozeScopeOption[] = [
          ...(lead?.instance.ownerId
            ? [
                {
                  label: t.t('snooze.onlyOwner', { owner: ownerPlainName(lead.owner) }),
                  value: `owner:${lead.instance.ownerId}`,
                },
              ]
            : []),
          ...(team
            ? [{ label: t.t('snooze.wholeTeam', { team: team.name }), value: `team:${team.name}` }]
            : []),
        ];
        if (lead === null || scopes.length === 0)
          return renderNoticeModal(t.t('snooze.title'), t.t('snooze.nobody'), t);
        return renderSnoozeModal(leadName(lead.instance.lead, t), scopes, lead.instance.id, t);
      },
      deps,
      t,
    );
  });
}
