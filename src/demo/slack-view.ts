import { DateTime } from 'luxon';
import type { Instant } from '../domain/time.ts';
import {
  currentContent,
  type MessageContent,
  type RecordedView,
  type SlackSandboxEvent,
  type SlackState,
} from '../sandbox/index.ts';
import { blocksToLineGroups, blocksToLines } from './blocks-to-text.ts';
import { editDiff } from './edit-diff.ts';
import type { MrkdwnContext } from './mrkdwn.ts';
import type { Style } from './style.ts';

export interface SlackViewDeps {
  readonly state: SlackState;
  readonly style: Style;
  /** Zone for channel messages (each DM reader sees their own Slack zone). */
  readonly zone: string;
  readonly now: () => Instant;
}

/** What one Slack event looks like in the terminal: who sees it, and what they see. */
export interface SlackView {
  /** `DM to Bram Bakker (bram@example.com)`, `#sales-benelux`, `App Home of …`. */
  readonly audience: string;
  readonly kind: 'posted' | 'edited' | 'deleted' | 'ephemeral' | 'view';
  readonly lines: readonly string[];
}

/** Reads the sandbox workspace to name people and channels, and renders what they see. */
export function createSlackView(deps: SlackViewDeps) {
  const { state, style } = deps;
  const user = (id: string) => state.directory.user(id);

  const zoneOf = (channelId: string): string => {
    const channel = state.directory.channel(channelId);
    return (channel?.kind === 'im' && channel.user ? user(channel.user)?.tz : null) ?? deps.zone;
  };

  const context = (zone: string): MrkdwnContext => ({
    style,
    userName: (id) => user(id)?.realName ?? null,
    channelName: (id) => state.directory.channel(id)?.name ?? null,
    formatDate: (at) => {
      const local = DateTime.fromMillis(at, { zone });
      const today = DateTime.fromMillis(deps.now(), { zone }).hasSame(local, 'day');
      return style.bold(local.toFormat(today ? 'HH:mm:ss' : 'ccc d LLL HH:mm:ss'));
    },
  });

  const person = (id: string): string => {
    const u = user(id);
    return u ? `${u.realName} (${u.email})` : id;
  };

  const audience = (channelId: string): string => {
    const channel = state.directory.channel(channelId);
    if (!channel) return channelId;
    if (channel.kind === 'im') return `DM to ${channel.user ? person(channel.user) : 'someone'}`;
    return `#${channel.name}`;
  };

  const lines = (content: MessageContent, zone: string) => blocksToLines(content, context(zone));

  const groups = (content: MessageContent, zone: string) => blocksToLineGroups(content, context(zone));

  const edit = (before: MessageContent, after: MessageContent, zone: string): string[] | null =>
    editDiff(groups(before, zone), groups(after, zone), style);

  /** `null` for an edit that changed nothing a reader can see. */
  return function view(event: SlackSandboxEvent): SlackView | null {
    switch (event.kind) {
      case 'posted':
        return {
          audience: audience(event.message.channel),
          kind: 'posted',
          lines: lines(event.message, zoneOf(event.message.channel)),
        };
      case 'updated': {
        const { message } = event;
        const before = message.updates.at(-2) ?? message;
        const changed = edit(before, currentContent(message), zoneOf(message.channel));
        return changed && { audience: audience(message.channel), kind: 'edited', lines: changed };
      }
      case 'deleted':
        return { audience: audience(event.message.channel), kind: 'deleted', lines: [] };
      case 'ephemeral':
        return {
          audience: `${audience(event.message.channel)}, only visible to ${person(event.message.user)}`,
          kind: 'ephemeral',
          lines: lines(event.message, zoneOf(event.message.channel)),
        };
      case 'view': {
        const v = event.view;
        const where = `${v.type === 'home' ? 'App Home of' : 'Dialog for'} ${person(v.user)}`;
        const content = (view: RecordedView) => ({
          text: null,
          blocks: Array.isArray(view.view.blocks) ? view.view.blocks : null,
          metadata: null,
        });
        // A view republished (App Home refreshes as leads change) is shown as an edit.
        const all = state.log.views;
        const earlier = all.slice(0, all.indexOf(v)).findLast((x) => x.id === v.id);
        if (!earlier) return { audience: where, kind: 'view', lines: lines(content(v), deps.zone) };
        const changed = edit(content(earlier), content(v), deps.zone);
        return changed && { audience: where, kind: 'edited', lines: changed };
      }
    }
  };
}
