import type { App, ViewOutput } from '@slack/bolt';
import type { Translator } from '../../i18n/translate.ts';
import type { NotAFitOutcome } from '../../ports/interactions.ts';
import { NO_AUTO_PARSE } from '../render/blocks.ts';
import { FIELD, VIEW } from '../render/ids.ts';
import { LIMITS } from '../render/limits.ts';
import { clip, fallbackText } from '../render/text.ts';
import { type Checked, onSubmit } from './ack-first.ts';
import { actorOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { refreshPing } from './ping-refresh.ts';
import { translatorFor } from './reader.ts';
import { inputValue, NotAFitMeta, viewMeta } from './view-values.ts';

function confirmation(outcome: NotAFitOutcome, reason: string, { t }: Translator): string | null {
  if (outcome.status !== 'recorded') return null;
  const wb = outcome.writeBack;
  const hubspot =
    wb.status === 'done'
      ? t('notAFit.hubspotDone', { status: wb.leadStatus })
      : wb.status === 'failed'
        ? t('notAFit.hubspotFailed', { error: clip(wb.error, 200) })
        : '';
  return t('notAFit.recorded', { reason, hubspot });
}

/** Checked from the payload alone; errors in the language the form was rendered in (else the file's). */
const checkNotAFit =
  (deps: Pick<ListenerDeps, 'config'>) =>
  (view: ViewOutput): Checked<{ meta: NotAFitMeta; picked: string }> => {
    const meta = viewMeta(view, NotAFitMeta);
    const { t } = translatorFor(meta, deps);
    const picked = inputValue(view, FIELD.reason);
    if (meta === null) return { ok: false, errors: { [FIELD.reason.block]: t('notAFit.outOfDate') } };
    if (picked === null) return { ok: false, errors: { [FIELD.reason.block]: t('notAFit.pick') } };
    return { ok: true, value: { meta, picked } };
  };

/** Submitting the reason picker: records the reason, closes the clock and (write-back on) recycles the lead. */
export function registerNotAFitSubmit(app: App, deps: ListenerDeps): void {
  onSubmit(app, VIEW.notAFit, checkNotAFit(deps), async ({ body, view, client }, { meta, picked }) => {
    if (deps.recent.seen(`${VIEW.notAFit}:${view.id}`)) return;
    const reasons = deps.config().slack.notAFitReasons;
    const full = reasons.find((r) => clip(r, LIMITS.optionValue) === picked) ?? picked;
    const note = inputValue(view, FIELD.note);
    const reason = note === null ? full : `${full}: ${note}`;
    const by = await actorOf(body.user.id, deps);
    const outcome = await deps.interactions.markNotAFit(meta.instanceId, reason, by, deps.clock.now());
    deps.logger.info({ instance: meta.instanceId, by, status: outcome.status }, 'not a fit submitted');
    if (outcome.status === 'recorded') {
      const clicked = meta.channel && meta.ts ? { channel: meta.channel, ts: meta.ts } : null;
      await refreshPing(client, outcome.lead, clicked, deps, translatorFor(meta, deps));
    }
    const text = confirmation(outcome, full, translatorFor(meta, deps));
    if (text !== null)
      await client.chat.postMessage({ channel: body.user.id, text: fallbackText(text), ...NO_AUTO_PARSE });
  });
}
