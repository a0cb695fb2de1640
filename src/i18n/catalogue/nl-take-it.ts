import type { enTakeIt } from './en-take-it.ts';

/** Nederlands: "Neem ik over" op escalaties in een teamkanaal (issue 18). */
export const nlTakeIt: Record<keyof typeof enTakeIt, string> = {
  'button.takeIt': 'Neem ik over',
  'takeIt.takenBy': ':raising_hand: Overgenomen door {who} om {at}',
  'takeIt.claimed':
    'Hij is van jou: sla-bot zet {lead} binnen een minuut op jouw naam in HubSpot en stuurt je dan de overdrachtsmelding.',
  'takeIt.alreadyTaken': 'Al overgenomen door {who} om {at}; er is niets veranderd.',
  'takeIt.alreadyReassigned': 'sla-bot heeft deze lead om {at} al aan {who} gegeven; er is niets veranderd.',
  'takeIt.notTeam':
    'Alleen leden van team {team} en hun manager kunnen deze lead overnemen; er is niets veranderd.',
  'takeIt.noEmail':
    'Slack gaf me je e-mailadres niet, dus ik kan je team niet nagaan en je niet vinden in HubSpot. Vraag een admin je toe te voegen onder slack.user_overrides.',
  'takeIt.notOwner':
    'HubSpot heeft geen actieve gebruiker met je e-mailadres ({email}), dus de lead kan niet naar jou. Vraag een HubSpot-admin je toe te voegen.',
  'takeIt.yours': 'Deze lead is al van jou; er is niets veranderd.',
  'takeIt.closed': 'Deze lead is al gesloten; er valt niets over te nemen.',
  'takeIt.notFound': 'sla-bot volgt deze lead niet meer.',
  'takeIt.off':
    'Een lead overnemen vraagt HubSpot-write-back, en dat staat uit in het SLA-bestand; er is niets veranderd.',
};
