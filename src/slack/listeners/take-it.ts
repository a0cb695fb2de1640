import type { App } from '@slack/bolt';
import type { Team } from '../../config/types.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { ClaimOutcome } from '../../ports/interactions.ts';
import { ACTION } from '../render/ids.ts';
import { leadName } from '../render/lead-facts.ts';
import { parseTakeItValue } from '../render/take-it.ts';
import { safe } from '../render/text.ts';
import { normalizeEmail } from '../slack-user.ts';
import { onButton } from './ack-first.ts';
import { emailOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { readerOf } from './reader.ts';
import { markTaken } from './taken-in-place.ts';

const REPLY = {
  off: 'takeIt.off',
  closed: 'takeIt.closed',
  not_found: 'takeIt.notFound',
  already_owner: 'takeIt.yours',
} as const satisfies Partial<Record<ClaimOutcome['status'], MessageKey>>;

/** Members of the team and its manager may take its leads (the SLA file's `teams:`). */
const mayTake = (team: Team, email: string): boolean =>
  [team.manager, ...team.members].some((m) => normalizeEmail(m) === normalizeEmail(email));

/**
 * "Take it" on an escalation in a team channel (issue 18): a member of the lead's team, or its
 * manager, claims the lead. The claim is recorded in the store (the first claim or reassignment of the
 * deadline wins); the channel message then says "Taken by …" at once, and the worker writes the new
 * owner to HubSpot and pings them with the history. Everyone else, and a second claim, gets an
 * ephemeral answer in their own language.
 */
export function registerTakeIt(app: App, deps: ListenerDeps): void {
  onButton(app, ACTION.takeIt, async ({ body, action, client, respond }) => {
    if (deps.recent.seen(`${ACTION.takeIt}:${action.action_ts}:${body.user.id}`)) return;
    const userId = body.user.id;
    const t = await readerOf(userId, deps);
    const reply = (key: MessageKey, values: Record<string, string> = {}) =>
      respond({ response_type: 'ephemeral', replace_original: false, text: t.t(key, values) });
    const asked = parseTakeItValue(action.value);
    if (asked === null) {
      deps.logger.warn({ value: action.value }, 'take it: a button value sla-bot does not know');
      await reply('takeIt.notFound');
      return;
    }
    const email = await emailOf(userId, deps);
    if (email === null) {
      await reply('takeIt.noEmail');
      return;
    }
    const config = deps.config();
    const team = config.teams.find((x) => x.name === asked.team) ?? null;
    if (team === null || !mayTake(team, email)) {
      deps.logger.info({ instance: asked.instanceId, team: asked.team }, 'take it refused: not in the team');
      await reply('takeIt.notTeam', { team: safe(asked.team, 80) });
      return;
    }
    const now = deps.clock.now();
    const outcome = await deps.interactions.claim({
      instanceId: asked.instanceId,
      deadline: asked.deadline,
      email,
      at: now,
    });
    deps.logger.info({ instance: asked.instanceId, status: outcome.status }, 'take it pressed');
    const zone = deps.directory.known(userId)?.zone ?? config.timezone;
    switch (outcome.status) {
      case 'claimed': {
        const clicked = body.container?.channel_id && body.container.message_ts ? body : null;
        if (clicked !== null) await markTaken(client, clicked, outcome.toName, now, team, deps);
        await reply('takeIt.claimed', { lead: safe(leadName(outcome.lead.instance.lead, t), 120) });
        return;
      }
      case 'taken':
        await reply(outcome.kind === 'claim' ? 'takeIt.alreadyTaken' : 'takeIt.alreadyReassigned', {
          who: safe(outcome.toName, 80),
          at: t.localTime(outcome.at, zone),
        });
        return;
      case 'not_an_owner':
        await reply('takeIt.notOwner', { email: safe(email, 120) });
        return;
      default:
        await reply(REPLY[outcome.status]);
    }
  });
}
