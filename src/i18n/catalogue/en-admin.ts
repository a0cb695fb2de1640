/**
 * Admin alerts (issue 19): rendered when delivered, in each admin's language. Names, error texts and
 * `validate` problems inside them stay as HubSpot, Slack or the file said them.
 */
export const enAdmin = {
  'alert.outage.start':
    ':rotating_light: {system} has been failing since {since} ({error}). SLA deadlines in this period are marked as excused; reps are not blamed.',
  'alert.outage.end':
    ':white_check_mark: {system} is back (outage {from} – {until}). Missed work is being caught up.',
  'alert.downtime':
    ':rotating_light: sla-bot itself was not running from {from} to {until} ({minutes} min): no reminders or escalations went out. SLA deadlines in this period are marked as excused; missed work is being caught up now.',
  'alert.startup':
    ':rotating_light: sla-bot cannot start: {system} has been failing since {since} ({attempts, plural, one {# attempt} other {# attempts}}; last: {reason}). {next}',
  'alert.startup.keepsTrying':
    'sla-bot keeps trying (every minute) and starts as soon as {system} answers; until then no SLA messages go out.',
  'alert.startup.givesUp': 'This `sla-bot run --once` gives up now.',
  'alert.budgetLow':
    ":warning: HubSpot's daily API budget is running low: {remaining} of {limit} requests left today ({percent} %), shared by every integration of the portal. When it runs out HubSpot refuses all calls until midnight (portal time) and sla-bot stops seeing handoffs. Check Settings → Integrations → Private apps → API usage for who is using it.",
  'alert.dailyLimit':
    ":no_entry: HubSpot's daily API limit is used up: HubSpot refuses sla-bot's calls (429 DAILY), so new handoffs and calls are not seen until it counts a new day at midnight portal time, {until}. If the limit is raised sooner (an API limit increase), sla-bot notices within {every} minutes: it asks HubSpot again every {every} minutes (next {next}). SLA deadlines in the pause are excused; reps are not blamed. The limit is shared by every integration of the portal: Settings → Integrations → Private apps → API usage shows who uses it.",
  'alert.deliveryFailed': ':warning: An SLA message could not be delivered ({kind}, {key}): {error}',
  'alert.writeBackFailed':
    ':warning: HubSpot refused to take {what} ({code}: {error}). Fix: run `sla-bot hubspot-setup` to create the sla_bot_* properties and check the private app scopes.',
  'alert.reassignScope':
    ':no_entry: sla-bot cannot reassign leads: the HubSpot private app lacks the scope {scope}, which the SLA file needs for `reassign:` at {lines}. Nothing is reassigned until it is added (Settings → Integrations → Private apps → Scopes) and sla-bot restarted, or `reassign:` is taken out of the file.',
  'alert.reassignFailed':
    ':warning: HubSpot refused a reassignment ({code}: {error}); the lead keeps its owner. The SLA file says `reassign:` at {lines}.',
  'alert.writeBack.outcome': 'SLA outcome properties',
  'alert.writeBack.breach_task': 'breach call tasks',
  'alert.writeBack.retract_task': 'the completion of retracted breach tasks',
  'alert.configRejected':
    ':x: The SLA file {path} was changed but is invalid; the previous version stays in force.',
  'alert.lead': '{name} ({stage}, entered {entered})',
  'alert.lead.contact': 'contact {id}',
  'alert.owner.hubspotOwner': 'HubSpot owner {id}',
  'alert.owner.inactive':
    ':bust_in_silhouette: {lead} is owned by {who}, who is deactivated or archived in HubSpot: nobody is working this lead. Its SLA messages go to the team channel or manager meanwhile. Fix: reassign it in HubSpot: {url}',
  'alert.owner.unknown':
    ':bust_in_silhouette: {lead} is owned by HubSpot owner {ownerId}, whom HubSpot does not list (deleted user?): nobody is working this lead. Its SLA messages go to the fallbacks (team channel, manager or admins) meanwhile. Fix: reassign it in HubSpot: {url}',
  'alert.unreachable': 'Slack: {who} {why}; messages meant for them {where}. Fix: {fix}.',
  'alert.unreachable.goTo': 'go to {to}',
  'alert.unreachable.nobody': 'reach nobody',
  'alert.fix.out_of_office': 'nothing: it ends by itself',
  'alert.fix.users_not_found':
    'invite them to Slack, or map their e-mail under slack.user_overrides in the SLA file',
  'alert.fix.user_not_found': 'correct slack.user_overrides in the SLA file',
  'alert.fix.user_deactivated': 'reassign their leads in HubSpot',
  'alert.fix.account_inactive': 'check the bot token and the user in Slack',
  'alert.fix.messages_tab_disabled': 'enable the Messages tab of the app (see slack-app-manifest.yml)',
  'alert.fix.no_owner': 'assign an owner in HubSpot',
  'alert.fix.owner_inactive': 'reassign the lead in HubSpot',
  'alert.fix.owner_without_email': 'give the owner an e-mail in HubSpot',
  'alert.fix.no_team': 'add the owner to a team in the SLA file',
  'alert.fix.no_team_channel': 'set the team channel in the SLA file',
  'alert.fix.channel_not_found': 'correct the channel in the SLA file, or invite the bot',
  'alert.fix.not_in_channel': 'invite the bot to the channel (/invite @sla-bot)',
  'alert.fix.is_archived': 'point the SLA file at a live channel',
  'alert.fix.other': 'check the recipient in Slack',
  'alert.scopes':
    ':warning: Slack: the sla-bot app was installed without some of the scopes slack-app-manifest.yml asks for:',
  'alert.scopes.line': '• `{scope}`: {effect}',
  'alert.scopes.fix': 'Fix: add them under OAuth & Permissions and reinstall the app.',
  'alert.scope.channels:read': 'the SLA file\'s "#name" channels are not checked at start-up',
  'alert.scope.groups:read': 'private "#name" channels are not checked at start-up',
  'alert.scope.im:write': 'a DM whose post timed out cannot be looked for',
  'alert.scope.im:history': 'a DM whose post timed out is not sent again (at most once)',
  'alert.scope.channels:history':
    'a public-channel message whose post timed out is not sent again (at most once)',
  'alert.scope.groups:history':
    'a private-channel message whose post timed out is not sent again (at most once)',
  'alert.channel.renamed':
    ':warning: Slack: the channel #{name} named in {where} was renamed to #{now}; sla-bot keeps posting to it ({id}). Fix: write "#{now}" or {id} there.',
  'alert.channel.unknown':
    ':warning: Slack: the channel #{name} named in {where} cannot be found: it does not exist, is archived, or is private and the bot is not in it. Messages for it go to the fallback (manager, admins). Fix: correct the name (or use the channel id, C0123…), or invite @sla-bot to the private channel (/invite @sla-bot).',
  'alert.channel.scopes':
    ':warning: Slack: sla-bot cannot list channels (missing scope channels:read or groups:read), so the SLA file\'s "#name" channels are not checked and break on a rename. Fix: add both scopes to the app (slack-app-manifest.yml) and reinstall it.',
} as const;
