import type { App } from '@slack/bolt';
import type { MessageKey } from '../../i18n/translate.ts';
import { ACTION } from '../render/ids.ts';
import { onButton } from './ack-first.ts';
import { clickerOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { refreshPing } from './ping-refresh.ts';
import { readerOf } from './reader.ts';

const REPLY = {
  recorded: 'onIt.recorded',
  duplicate: 'onIt.duplicate',
  closed: 'onIt.closed',
  not_found: 'onIt.notFound',
} as const satisfies Record<string, MessageKey>;

/** "On it": acknowledges the lead (stops reminders, not the clock), recorded with who and when. */
export function registerOnIt(app: App, deps: ListenerDeps): void {
  onButton(app, ACTION.onIt, async ({ body, action, client, respond }) => {
    if (deps.recent.seen(`${ACTION.onIt}:${action.action_ts}:${body.user.id}`)) return;
    const { by, name } = await clickerOf(body.user.id, deps);
    const t = await readerOf(body.user.id, deps);
    const outcome = await deps.interactions.acknowledge(action.value ?? '', by, deps.clock.now(), name);
    deps.logger.info({ instance: action.value, by, status: outcome.status }, 'on it pressed');
    if (outcome.status === 'recorded') {
      const clicked =
        body.container?.channel_id && body.container.message_ts && action.block_id === 'lead_actions'
          ? { channel: String(body.container.channel_id), ts: String(body.container.message_ts) }
          : null;
      await refreshPing(client, outcome.lead, clicked, deps, t);
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text: t.t(REPLY[outcome.status]) });
  });
}
