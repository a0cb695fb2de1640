import type { MessageKey, Translator } from '../i18n/translate.ts';

/** Why an intended recipient cannot get a message; `code` keys the once-only admin alert. */
export interface Unreachable {
  readonly who: string;
  readonly code: string;
  readonly why: string;
  readonly fix: string;
}

const REASONS: Record<string, { why: string; fix: string }> = {
  out_of_office: { why: 'is out of office', fix: 'nothing: it ends by itself' },
  users_not_found: {
    why: 'is not found in Slack',
    fix: 'invite them to Slack, or map their e-mail under slack.user_overrides in the SLA file',
  },
  user_not_found: { why: 'is not found in Slack', fix: 'correct slack.user_overrides in the SLA file' },
  user_deactivated: { why: 'is deactivated in Slack', fix: 'reassign their leads in HubSpot' },
  user_disabled: { why: 'is deactivated in Slack', fix: 'reassign their leads in HubSpot' },
  account_inactive: {
    why: 'belongs to an inactive Slack account',
    fix: 'check the bot token and the user in Slack',
  },
  messages_tab_disabled: {
    why: 'cannot get direct messages from the app',
    fix: 'enable the Messages tab of the app (see slack-app-manifest.yml)',
  },
  no_owner: { why: 'has no owner', fix: 'assign an owner in HubSpot' },
  owner_inactive: { why: 'is deactivated in HubSpot', fix: 'reassign the lead in HubSpot' },
  owner_without_email: { why: 'has no e-mail in HubSpot', fix: 'give the owner an e-mail in HubSpot' },
  no_team: { why: 'is in no team', fix: 'add the owner to a team in the SLA file' },
  no_team_channel: { why: 'has no channel', fix: 'set the team channel in the SLA file' },
  channel_not_found: {
    why: 'does not exist or is private',
    fix: 'correct the channel in the SLA file, or invite the bot',
  },
  not_in_channel: {
    why: 'does not include the bot',
    fix: 'invite the bot to the channel (/invite @sla-bot)',
  },
  is_archived: { why: 'is archived', fix: 'point the SLA file at a live channel' },
};

export function unreachable(who: string, code: string): Unreachable {
  const base = code.split(':')[0] ?? code;
  const reason = REASONS[base] ?? { why: `cannot be reached (${code})`, fix: 'check the recipient in Slack' };
  return { who, code, ...reason };
}

/** Codes with their own wording in the catalogues (`unreachable.<code>`); others say "cannot be reached". */
const SAID: Readonly<Record<string, MessageKey>> = {
  out_of_office: 'unreachable.out_of_office',
  users_not_found: 'unreachable.not_in_slack',
  user_not_found: 'unreachable.not_in_slack',
  user_deactivated: 'unreachable.deactivated',
  user_disabled: 'unreachable.deactivated',
  account_inactive: 'unreachable.account_inactive',
  messages_tab_disabled: 'unreachable.messages_tab_disabled',
  no_owner: 'unreachable.no_owner',
  owner_inactive: 'unreachable.owner_inactive',
  owner_without_email: 'unreachable.owner_without_email',
  no_team: 'unreachable.no_team',
  no_team_channel: 'unreachable.no_team_channel',
  channel_not_found: 'unreachable.channel_not_found',
  not_in_channel: 'unreachable.not_in_channel',
  is_archived: 'unreachable.is_archived',
};

/** `Unreachable.why` in a reader's language (the banner on a fallback copy). */
export function whyUnreachable(code: string, t: Translator): string {
  const key = SAID[code.split(':')[0] ?? code];
  return key === undefined ? t.t('unreachable.other', { code }) : t.t(key);
}

/** Codes whose fix has its own wording in the catalogues (`alert.fix.<code>`). */
const FIX: Readonly<Record<string, MessageKey>> = {
  out_of_office: 'alert.fix.out_of_office',
  users_not_found: 'alert.fix.users_not_found',
  user_not_found: 'alert.fix.user_not_found',
  user_deactivated: 'alert.fix.user_deactivated',
  user_disabled: 'alert.fix.user_deactivated',
  account_inactive: 'alert.fix.account_inactive',
  messages_tab_disabled: 'alert.fix.messages_tab_disabled',
  no_owner: 'alert.fix.no_owner',
  owner_inactive: 'alert.fix.owner_inactive',
  owner_without_email: 'alert.fix.owner_without_email',
  no_team: 'alert.fix.no_team',
  no_team_channel: 'alert.fix.no_team_channel',
  channel_not_found: 'alert.fix.channel_not_found',
  not_in_channel: 'alert.fix.not_in_channel',
  is_archived: 'alert.fix.is_archived',
};

/** `Unreachable.fix` in a reader's language (the admin alert about the person or channel). */
export function fixUnreachable(code: string, t: Translator): string {
  return t.t(FIX[code.split(':')[0] ?? code] ?? 'alert.fix.other');
}
