import type { App, ViewOutput } from '@slack/bolt';
import type { Silence } from '../../domain/model.ts';
import type { Millis } from '../../domain/time.ts';
import type { InstanceView } from '../../ports/interactions.ts';
import { NO_AUTO_PARSE } from '../render/blocks.ts';
import { FIELD, VIEW } from '../render/ids.ts';
import { renderNoticeModal } from '../render/notice-modal.ts';
import { SNOOZE_DURATIONS } from '../render/snooze-modal.ts';
import { fallbackText } from '../render/text.ts';
import { normalizeEmail } from '../slack-user.ts';
import { type Checked, onSubmit } from './ack-first.ts';
import { emailOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { translatorFor } from './reader.ts';
import { isAdmin, teamOf } from './team-of.ts';
import { inputValue, SnoozeMeta, viewMeta } from './view-values.ts';

type Scope = Silence['scope'];

interface SnoozeForm {
  readonly meta: SnoozeMeta;
  readonly scope: Scope;
  readonly duration: Millis;
  readonly reason: string;
}

function parseScope(value: string | null): Scope | null {
  if (value?.startsWith('owner:')) return { kind: 'owner', ownerId: value.slice(6) };
  if (value?.startsWith('team:')) return { kind: 'team', team: value.slice(5) };
  return null;
}

/**
 * The form alone decides the answer. Who may snooze needs look-ups (Slack user, store, HubSpot
 * owners) that can take longer than Slack waits, so the form turns into "Snoozing…" at once and
 * the verdict follows with `views.update`.
 */
const checkSnooze =
  (deps: Pick<ListenerDeps, 'config'>) =>
  (view: ViewOutput): Checked<SnoozeForm> => {
    const meta = viewMeta(view, SnoozeMeta);
    const tr = translatorFor(meta, deps);
    const scope = parseScope(inputValue(view, FIELD.scope));
    const duration = SNOOZE_DURATIONS.find((d) => String(d.ms) === inputValue(view, FIELD.duration));
    const reason = inputValue(view, FIELD.snoozeReason);
    if (meta === null || scope === null || duration === undefined || reason === null)
      return { ok: false, errors: { [FIELD.snoozeReason.block]: tr.t('snooze.fillIn') } };
    return {
      ok: true,
      value: { meta, scope, duration: duration.ms, reason },
      answer: {
        response_action: 'update',
        view: renderNoticeModal(tr.t('snooze.title'), tr.t('snooze.working'), tr),
      },
    };
  };

/** Only the manager of the lead's team (for that rep or team) or an admin may snooze. */
function mayOrder(
  deps: ListenerDeps,
  email: string | null,
  lead: InstanceView | null,
  scope: Scope,
): boolean {
  if (email === null || lead === null) return false;
  const config = deps.config();
  if (isAdmin(config, email)) return true;
  const team = teamOf(config, lead.owner?.email);
  if (team === null || normalizeEmail(team.manager) !== email) return false;
  return scope.kind === 'owner' ? scope.ownerId === lead.instance.ownerId : scope.team === team.name;
}

/** Submitting the snooze form adds a silence (idempotent per form) and confirms it to the manager. */
export function registerSnoozeSubmit(app: App, deps: ListenerDeps): void {
  onSubmit(app, VIEW.snooze, checkSnooze(deps), async ({ body, view, client }, form) => {
    const { scope, reason } = form;
    const tr = translatorFor(form.meta, deps);
    const say = (text: string) =>
      client.views.update({ view_id: view.id, view: renderNoticeModal(tr.t('snooze.title'), text, tr) });
    const email = await emailOf(body.user.id, deps);
    const lead = await deps.interactions.lead(form.meta.instanceId);
    if (!mayOrder(deps, email, lead, scope)) {
      deps.logger.info({ instance: form.meta.instanceId, user: body.user.id }, 'snooze refused');
      await say(tr.t('snooze.refused'));
      return;
    }
    const now = deps.clock.now();
    const silence: Silence = {
      id: `slack:${view.id}`,
      scope,
      from: now,
      until: now + form.duration,
      reason,
      by: email ?? `slack:${body.user.id}`,
    };
    const added = await deps.interactions.addSilence(silence);
    deps.logger.info({ silence: silence.id, scope, until: silence.until, added }, 'escalations snoozed');
    const until = tr.localTime(silence.until, deps.config().timezone);
    const text =
      scope.kind === 'team'
        ? tr.t('snooze.done.team', { team: scope.team, until, reason })
        : tr.t('snooze.done.rep', { until, reason });
    await say(text);
    if (added)
      await client.chat.postMessage({ channel: body.user.id, text: fallbackText(text), ...NO_AUTO_PARSE });
  });
}
