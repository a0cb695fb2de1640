import type { App, ViewSubmitAction } from '@slack/bolt';
import type { NotAFitOutcome } from '../../ports/interactions.ts';
import { FIELD, VIEW } from '../render/ids.ts';
import { clip } from '../render/text.ts';
import { actorOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { refreshPing } from './ping-refresh.ts';
import { inputValue, NotAFitMeta, viewMeta } from './view-values.ts';

function confirmation(outcome: NotAFitOutcome, reason: string): string | null {
  if (outcome.status !== 'recorded') return null;
  const wb = outcome.writeBack;
  const hubspot =
    wb.status === 'done'
      ? ` HubSpot lead status set to ${wb.leadStatus}: the lead is back in nurture.`
      : wb.status === 'failed'
        ? ` HubSpot could NOT be updated (${clip(wb.error, 200)}); please set the lead status by hand.`
        : '';
  return `Marked not a fit: "${reason}". The SLA clock is stopped and marketing sees the reason.${hubspot}`;
}

/** Submitting the reason picker: records the reason, closes the clock and (write-back on) recycles the lead. */
export function registerNotAFitSubmit(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(VIEW.notAFit, async ({ ack, body, view, client }) => {
    const meta = viewMeta(view, NotAFitMeta);
    const picked = inputValue(view, FIELD.reason);
    if (meta === null || picked === null) {
      const error =
        meta === null ? 'This form is out of date: close it and press "Not a fit" again.' : 'Pick a reason.';
      await ack({ response_action: 'errors', errors: { [FIELD.reason.block]: error } });
      return;
    }
    await ack();
    if (deps.recent.seen(`${VIEW.notAFit}:${view.id}`)) return;
    const reasons = deps.config().slack.notAFitReasons;
    const full = reasons.find((r) => clip(r, 150) === picked) ?? picked;
    const note = inputValue(view, FIELD.note);
    const reason = note === null ? full : `${full}: ${note}`;
    const by = await actorOf(body.user.id, deps);
    const outcome = await deps.interactions.markNotAFit(meta.instanceId, reason, by, deps.clock.now());
    deps.logger.info({ instance: meta.instanceId, by, status: outcome.status }, 'not a fit submitted');
    if (outcome.status === 'recorded') {
      const clicked = meta.channel && meta.ts ? { channel: meta.channel, ts: meta.ts } : null;
      await refreshPing(client, outcome.lead, clicked, deps);
    }
    const text = confirmation(outcome, full);
    if (text !== null) await client.chat.postMessage({ channel: body.user.id, text });
  });
}
