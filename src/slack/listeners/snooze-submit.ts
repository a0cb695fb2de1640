import type { App, ViewSubmitAction } from '@slack/bolt';
import type { Silence } from '../../domain/model.ts';
import type { LeadView } from '../../ports/interactions.ts';
import { FIELD, VIEW } from '../render/ids.ts';
import { SNOOZE_DURATIONS } from '../render/snooze-modal.ts';
import { localTime } from '../render/time-format.ts';
import { normalizeEmail } from '../slack-user.ts';
import { emailOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { isAdmin, teamOf } from './team-of.ts';
import { inputValue, SnoozeMeta, viewMeta } from './view-values.ts';

type Scope = Silence['scope'];

function parseScope(value: string | null): Scope | null {
  if (value?.startsWith('owner:')) return { kind: 'owner', ownerId: value.slice(6) };
  if (value?.startsWith('team:')) return { kind: 'team', team: value.slice(5) };
  return null;
}

/** Only the manager of the lead's team (for that rep or team) or an admin may snooze. */
function mayOrder(deps: ListenerDeps, email: string | null, lead: LeadView | null, scope: Scope): boolean {
  if (email === null || lead === null) return false;
  const config = deps.config();
  if (isAdmin(config, email)) return true;
  const team = teamOf(config, lead.owner?.email);
  if (team === null || normalizeEmail(team.manager) !== email) return false;
  return scope.kind === 'owner' ? scope.ownerId === lead.instance.ownerId : scope.team === team.name;
}

/** Submitting the snooze form adds a silence (idempotent per form) and confirms it to the manager. */
export function registerSnoozeSubmit(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(VIEW.snooze, async ({ ack, body, view, client }) => {
    const meta = viewMeta(view, SnoozeMeta);
    const scope = parseScope(inputValue(view, FIELD.scope));
    const duration = SNOOZE_DURATIONS.find((d) => String(d.ms) === inputValue(view, FIELD.duration));
    const reason = inputValue(view, FIELD.snoozeReason);
    if (meta === null || scope === null || duration === undefined || reason === null) {
      await ack({
        response_action: 'errors',
        errors: { [FIELD.snoozeReason.block]: 'Fill in every field.' },
      });
      return;
    }
    const email = await emailOf(body.user.id, deps);
    const lead = await deps.interactions.lead(meta.instanceId);
    if (!mayOrder(deps, email, lead, scope)) {
      const error = "Only this team's manager or an sla-bot admin can snooze escalations.";
      await ack({ response_action: 'errors', errors: { [FIELD.scope.block]: error } });
      return;
    }
    await ack();
    const now = deps.clock.now();
    const silence: Silence = {
      id: `slack:${view.id}`,
      scope,
      from: now,
      until: now + duration.ms,
      reason,
      by: email ?? `slack:${body.user.id}`,
    };
    const added = await deps.interactions.addSilence(silence);
    deps.logger.info({ silence: silence.id, scope, until: silence.until, added }, 'escalations snoozed');
    if (!added) return;
    const who = scope.kind === 'team' ? `team ${scope.team}` : 'this rep';
    const until = localTime(silence.until, deps.config().timezone);
    await client.chat.postMessage({
      channel: body.user.id,
      text: `Escalations for ${who} snoozed until ${until}: ${reason}`,
    });
  });
}
