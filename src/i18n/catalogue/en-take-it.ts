/** English: "Take it" on escalations in a team channel (issue 18). */
export const enTakeIt = {
  'button.takeIt': 'Take it',
  'takeIt.takenBy': ':raising_hand: Taken by {who} at {at}',
  'takeIt.claimed':
    'It’s yours: sla-bot gives {lead} to you in HubSpot within a minute, then sends you the handoff ping.',
  'takeIt.alreadyTaken': 'Already taken by {who} at {at}; nothing changed.',
  'takeIt.alreadyReassigned': 'sla-bot already reassigned this lead to {who} at {at}; nothing changed.',
  'takeIt.notTeam': 'Only members of team {team} and its manager can take this lead; nothing changed.',
  'takeIt.noEmail':
    'Slack did not tell me your e-mail, so I cannot check your team or find you in HubSpot. Ask an admin to add you under slack.user_overrides.',
  'takeIt.notOwner':
    'HubSpot has no active user with your e-mail ({email}), so the lead cannot be given to you. Ask a HubSpot admin to add you.',
  'takeIt.yours': 'This lead is already yours; nothing changed.',
  'takeIt.closed': 'This lead is already closed; nothing to take.',
  'takeIt.notFound': 'sla-bot no longer tracks this lead.',
  'takeIt.off': 'Taking a lead needs HubSpot write-back, which the SLA file turns off; nothing changed.',
} as const;
