import { isRecord } from '../shared/http-types.ts';
import { type Delivered, deliverInteraction, type SignedRequest, signInteraction } from './delivery.ts';
import type { SlackUser } from './directory.ts';
import type { SlackInteraction } from './interaction.ts';
import { currentContent } from './message-log.ts';
import { messageJson } from './shapes.ts';
import type { SlackState } from './slack-state.ts';

export type { Delivered, SignedRequest } from './delivery.ts';
export type { SlackInteraction } from './interaction.ts';

export interface Interactions {
  /** A click on a button of a message the bot posted (found by `actionId` in its current blocks). */
  clickButton(input: { user: string; channel: string; ts: string; actionId: string }): SlackInteraction;
  slashCommand(input: { user: string; command: string; text?: string; channel?: string }): SlackInteraction;
  appHomeOpened(input: { user: string; tab?: 'home' | 'messages' }): SlackInteraction;
  /** Submitting a modal opened with `views.open`; `values` is `state.values` (block → action → value). */
  submitView(input: {
    user: string;
    viewId: string;
    values: Record<string, Record<string, unknown>>;
  }): SlackInteraction;
  /** The signed HTTP request Slack would send (headers and raw body). */
  toHttpRequest(
    interaction: SlackInteraction,
    signingSecret: string,
    timestampSeconds?: number,
  ): SignedRequest;
  /**
   * Sends it to the app's HTTP endpoint (e.g. Bolt's `/slack/events`) and judges the answer as
   * Slack would: late (3 s, on the sandbox clock or in real time), non-200 or, for a modal, not
   * understood → `shownError`; a modal answered with `update`/`push`/`clear`/nothing changes here.
   */
  deliver(
    url: string,
    interaction: SlackInteraction,
    signingSecret: string,
    timestampSeconds?: number,
  ): Promise<Delivered>;
}

interface Found {
  readonly blockId: string;
  readonly element: Record<string, unknown>;
}

function findAction(blocks: readonly unknown[] | null, actionId: string): Found | null {
  for (const [index, block] of (blocks ?? []).entries()) {
    if (!isRecord(block)) continue;
    const blockId = typeof block.block_id === 'string' ? block.block_id : `b${index}`;
    const candidates = Array.isArray(block.elements) ? block.elements : [block.accessory];
    const element = candidates.find(
      (e): e is Record<string, unknown> => isRecord(e) && e.action_id === actionId,
    );
    if (element) return { blockId, element };
  }
  return null;
}

export function createInteractions(state: SlackState, origin: string): Interactions {
  const person = (idOrEmail: string): SlackUser => {
    const user = state.directory.user(idOrEmail) ?? state.directory.userByEmail(idOrEmail);
    if (!user) throw new RangeError(`sandbox: no Slack user ${idOrEmail}`);
    return user;
  };
  const userJson = (u: SlackUser) => ({ id: u.id, username: u.name, name: u.name, team_id: state.team.id });
  const team = () => ({ id: state.team.id, domain: state.team.domain });
  const actionTs = () => state.ts.make(state.clock.now());

  return {
    clickButton({ user, channel, ts, actionId }) {
      const who = person(user);
      const message = state.log.find(channel, ts);
      if (!message || message.deletedAt !== null)
        throw new RangeError(`sandbox: no message ${channel}/${ts}`);
      const found = findAction(currentContent(message).blocks, actionId);
      if (!found)
        throw new RangeError(`sandbox: message ${channel}/${ts} has no element with action_id ${actionId}`);
      const url = state.issueResponseUrl('actions', who.id, message.channel, message.ts);
      const { element } = found;
      return {
        kind: 'interactivity',
        body: {
          type: 'block_actions',
          user: userJson(who),
          api_app_id: state.bot.appId,
          token: 'sandbox-verification-token',
          container: {
            type: 'message',
            message_ts: message.ts,
            channel_id: message.channel,
            is_ephemeral: false,
          },
          trigger_id: state.issueTrigger(who.id),
          team: team(),
          enterprise: null,
          is_enterprise_install: false,
          channel: {
            id: message.channel,
            name: state.directory.channel(message.channel)?.name ?? message.channel,
          },
          message: messageJson(message, state),
          state: { values: {} },
          response_url: `${origin}/actions/${url.id}`,
          actions: [
            {
              type: element.type ?? 'button',
              action_id: actionId,
              block_id: found.blockId,
              text: element.text,
              ...(element.value === undefined ? {} : { value: element.value }),
              ...(element.style === undefined ? {} : { style: element.style }),
              action_ts: actionTs(),
            },
          ],
        },
      };
    },

    slashCommand({ user, command, text = '', channel }) {
      const who = person(user);
      const where = channel
        ? state.directory.channel(channel)
        : state.directory.dmWith(who.id, state.clock.now()).channel;
      if (!where) throw new RangeError(`sandbox: no Slack channel ${channel ?? ''}`);
      const url = state.issueResponseUrl('commands', who.id, where.id, null);
      return {
        kind: 'command',
        body: {
          token: 'sandbox-verification-token',
          team_id: state.team.id,
          team_domain: state.team.domain,
          channel_id: where.id,
          channel_name: where.kind === 'im' ? 'directmessage' : where.name,
          user_id: who.id,
          user_name: who.name,
          command,
          text,
          api_app_id: state.bot.appId,
          is_enterprise_install: 'false',
          response_url: `${origin}/commands/${url.id}`,
          trigger_id: state.issueTrigger(who.id),
        },
      };
    },

    appHomeOpened({ user, tab = 'home' }) {
      const who = person(user);
      const dm = state.directory.dmWith(who.id, state.clock.now()).channel;
      const home = state.log.homeOf(who.id);
      return {
        kind: 'event',
        body: {
          token: 'sandbox-verification-token',
          team_id: state.team.id,
          api_app_id: state.bot.appId,
          event: {
            type: 'app_home_opened',
            user: who.id,
            channel: dm.id,
            tab,
            event_ts: actionTs(),
            ...(home
              ? { view: { id: home.id, type: 'home', hash: home.hash, blocks: home.view.blocks ?? [] } }
              : {}),
          },
          type: 'event_callback',
          event_id: state.ids.make('Ev'),
          event_time: Math.floor(state.clock.now() / 1000),
          authorizations: [
            {
              enterprise_id: null,
              team_id: state.team.id,
              user_id: state.bot.userId,
              is_bot: true,
              is_enterprise_install: false,
            },
          ],
          is_ext_shared_channel: false,
        },
      };
    },

    submitView({ user, viewId, values }) {
      const who = person(user);
      const view = state.log.view(viewId);
      if (!view) throw new RangeError(`sandbox: no view ${viewId}`);
      if (view.closed) throw new RangeError(`sandbox: view ${viewId} is closed; nobody can submit it`);
      return {
        kind: 'interactivity',
        body: {
          type: 'view_submission',
          team: team(),
          user: userJson(who),
          api_app_id: state.bot.appId,
          token: 'sandbox-verification-token',
          trigger_id: state.issueTrigger(who.id),
          view: {
            id: view.id,
            team_id: state.team.id,
            type: view.type,
            blocks: view.view.blocks ?? [],
            private_metadata: view.view.private_metadata ?? '',
            callback_id: view.view.callback_id ?? '',
            state: { values },
            hash: view.hash,
            title: view.view.title,
            app_id: state.bot.appId,
            bot_id: state.bot.botId,
          },
          response_urls: [],
          is_enterprise_install: false,
        },
      };
    },

    toHttpRequest: (interaction, signingSecret, timestampSeconds) =>
      signInteraction(state, interaction, signingSecret, timestampSeconds),
    deliver: (url, interaction, signingSecret, timestampSeconds) =>
      deliverInteraction(state, url, interaction, signingSecret, timestampSeconds),
  };
}
