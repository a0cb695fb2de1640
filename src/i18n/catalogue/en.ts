/**
 * The English catalogue of everything sla-bot says in Slack: the reference for keys and arguments
 * (`nl.ts` and `de.ts` must have the same keys, with the same `{arguments}`: test/i18n/catalogues.test.ts).
 * ICU MessageFormat subset (src/i18n/message-format.ts). Emoji and mrkdwn stay in the texts; values
 * are inserted as the renderer passes them (already escaped).
 */
export const en = {
  'duration.s': '{s}s',
  'duration.m': '{m}m',
  'duration.ms': '{m}m{ss}s',
  'duration.h': '{h}h',
  'duration.hm': '{h}h{mm}m',
  'duration.d': '{d}d',
  'duration.dh': '{d}d{h}h',

  'button.hubspot': 'Open in HubSpot',
  'button.onIt': 'On it',
  'button.notAFit': 'Not a fit',
  'button.snooze': 'Snooze escalations',

  'lead.name.lead': 'Lead {id}',
  'lead.name.contact': 'Contact {id}',
  'lead.title.roleCompany': '{name}, {role} at {company}',
  'lead.title.company': '{name} at {company}',
  'lead.title.role': '{name}, {role}',
  'lead.field.phone': 'Phone',
  'lead.field.email': 'E-mail',
  'lead.field.missing': '_not in HubSpot_',
  'lead.field.stage': 'Stage',
  'lead.field.score': ' · score {score}',
  'lead.field.contactBy': 'Contact by',
  'lead.field.source': 'Source',
  'lead.field.why': 'Why this lead',
  'lead.field.attempts': 'Attempts required',
  'lead.field.country': 'Country',

  'note.owner': ' (owner: {owner})',
  'note.late': ':snail: This message was due {late} ago; sla-bot, HubSpot or Slack was delayed.',
  'note.fallback': 'Meant for {who}; you are getting it instead.',
  'note.fallbackWhy': 'Meant for {who}, who {why}; you are getting it instead.',

  'ping.header': 'New {stage}: {name}',
  'ping.intro.self':
    'You have a new {stage} lead. Contact them within {within}{attempts, plural, =0 {} one { and make # call attempt} other { and make # call attempts}}.',
  'ping.intro.other':
    'New {stage} lead for {owner}. Contact them within {within}{attempts, plural, =0 {} one { and make # call attempt} other { and make # call attempts}}.',
  'ping.details': '*Lead details*',
  'ping.text': 'New {stage} lead: {lead}. Contact by {time}.',

  'status.closed': ':white_check_mark: Closed: {why}.',
  'status.waiting': ':hourglass_flowing_sand: Waiting for first contact, deadline {deadline}.',
  'status.met.attempt': ':white_check_mark: First attempt in {took} ✓',
  'status.met.reached': ':white_check_mark: Contacted in {took} ✓',
  'status.breached.none':
    ':red_circle: Breached: deadline {deadline} passed with no contact logged yet.{excuse}',
  'status.breached.attempt': ':red_circle: Breached: first attempt {late} late.{excuse}',
  'status.breached.reached': ':red_circle: Breached: contacted {late} late.{excuse}',
  'status.excused': ' The deadline fell in an outage of HubSpot or Slack: not counted against you.',
  'status.onIt': ':wave: On it: {who} at {at}.',
  'status.attempts.met': ':telephone_receiver: Attempts {made} of {required} ✓',
  'status.attempts.short': ':telephone_receiver: Attempts {made} of {required}: window closed {short} short.',
  'status.attempts.open': ':telephone_receiver: Attempts {made} of {required}, window ends {end}.',
  'status.overkill':
    ':warning: More than {atMost, plural, one {# attempt} other {# attempts}}: time to stop chasing this one.',

  'reminder.headline': ':alarm_clock: *{left} left* to contact {lead}{owner}. Deadline {deadline}.{phone}',
  'reminder.call': ' Call {phone}.',
  'reminder.text': '{left} left to contact {lead}: deadline {time}.',

  'breach.headline':
    ':red_circle: *First-contact deadline missed by {late}* for {lead}{owner}. It was {deadline}. Please contact them now.',
  'breach.excused': 'The deadline fell in an outage of HubSpot or Slack, so it is not counted against you.',
  'breach.text': 'First-contact deadline for {lead} missed by {late} (was {time}).',

  'escalation.headline':
    ':rotating_light: {owner}{team} {what}: {lead}. The deadline was {deadline}, {late} ago.',
  'escalation.team': ' (team {team})',
  'escalation.what.none': 'has not contacted this lead',
  'escalation.what.attempt': 'made a first attempt on this lead late',
  'escalation.what.reached': 'contacted this lead late',
  'escalation.lead': '*Lead*',
  'escalation.level':
    'Escalation level {level}{repeat, plural, =0 {} other {, reminder #}} · policy {policy}',
  'escalation.excused': 'The deadline fell in an outage of HubSpot or Slack: the rep is not blamed for it.',
  'escalation.acked': 'The rep pressed "On it" but no contact is logged in HubSpot yet.',
  'escalation.text': 'SLA escalation: {lead} not contacted; deadline was {time} ({late} ago).',

  'attempts.shortfall':
    ':telephone_receiver: *Attempts {made} of {required}* for {lead}{owner}: the attempts window closed {short} short.',
  'attempts.shortfall.text': '{lead}: {made} of {required} attempts when the window closed.',
  'attempts.overkill':
    ':warning: *{made, plural, one {# attempt} other {# attempts}}* on {lead}{owner}; the SLA says at most {atMost}. Consider recycling the lead to nurture instead of calling again.',
  'attempts.overkill.text':
    '{lead}: {made, plural, one {# attempt} other {# attempts}}, more than the {atMost} allowed.',

  'reassigned.previousOwner':
    ':arrows_counterclockwise: *Reassigned to {to}* after {waited} without contact: {lead}. It is theirs to call now.',
  'reassigned.manager':
    ":arrows_counterclockwise: *{from}'s lead reassigned to {to}* after {waited} without contact: {lead}.",
  'reassigned.text': '{lead}: reassigned from {from} to {to} after {waited} without contact.',
  'reassigned.claimed.previousOwner':
    ':raising_hand: *{to} took over your lead* after {waited} without contact: {lead}. It is theirs to call now.',
  'reassigned.claimed.manager':
    ':raising_hand: *{to} took over a lead from {from}* after {waited} without contact: {lead}.',
  'reassigned.claimed.text': '{lead}: {to} took over from {from} after {waited} without contact.',
  'ping.reassignedFrom': ':arrows_counterclockwise: Reassigned from {from} after {waited} without contact',
  'reassigned.escalation':
    ':arrows_counterclockwise: Reassigned from {from} to {to} after {waited} without contact',

  'closed.none': 'closed',
  'closed.progressed': 'moved to a later stage',
  'closed.regressed': 'moved back to an earlier stage',
  'closed.recycled': 'back to marketing (recycled)',
  'closed.deleted': 'deleted in HubSpot',
  'closed.not_a_fit': 'marked not a fit',
  'closed.merged': 'merged into contact {contact}',
  'closed.notAFitBy': 'marked not a fit by {by}',
  'ending.ownerRemoved': 'the owner was removed in HubSpot',
  'ending.assigned': 'assigned to {owner}',
  'ending.reassigned': 'reassigned to {owner}',

  'settled.resolved.attempt': 'First attempt by {owner} at {at} ({late} late)',
  'settled.resolved.reached': 'Contacted by {owner} at {at} ({late} late)',
  'settled.corrected.attempt': 'Correction: first attempt logged at {at} — within the deadline; no breach',
  'settled.corrected.reached': 'Correction: contact logged at {at} — within the deadline; no breach',
  'settled.attemptsMet': 'Correction: {made} of {required} attempts logged within the window',
  'settled.done.attempt': 'Done: first attempt at {at}',
  'settled.done.reached': 'Done: contacted at {at}',
  'settled.noLongerNeeded': 'No longer needed: {why}',
  'settled.closed': 'Closed: {why}',
  'settled.about.breach': 'first-contact deadline {deadline} was missed',
  'settled.about.escalation':
    'first-contact deadline {deadline} · escalation level {level}{repeat, plural, =0 {} other {, reminder #}} · policy {policy}',
  'settled.about.reminder': 'reminder before the deadline {deadline}',
  'settled.about.shortfall': 'attempts window closed with {made} of {required}',
  'settled.about.reassigned': 'reassigned from {from} to {to}',
  'settled.about.overkill':
    '{made, plural, one {# attempt} other {# attempts}}, more than the {atMost} allowed',

  'unreachable.out_of_office': 'is out of office',
  'unreachable.not_in_slack': 'is not found in Slack',
  'unreachable.deactivated': 'is deactivated in Slack',
  'unreachable.account_inactive': 'belongs to an inactive Slack account',
  'unreachable.messages_tab_disabled': 'cannot get direct messages from the app',
  'unreachable.no_owner': 'has no owner',
  'unreachable.owner_inactive': 'is deactivated in HubSpot',
  'unreachable.owner_without_email': 'has no e-mail in HubSpot',
  'unreachable.no_team': 'is in no team',
  'unreachable.no_team_channel': 'has no channel',
  'unreachable.channel_not_found': 'does not exist or is private',
  'unreachable.not_in_channel': 'does not include the bot',
  'unreachable.is_archived': 'is archived',
  'unreachable.other': 'cannot be reached ({code})',

  'admin.title': ':gear: *sla-bot admin alert*',
  'admin.text': 'sla-bot admin alert: {text}',
} as const;

export type MessageKey = keyof typeof en;
