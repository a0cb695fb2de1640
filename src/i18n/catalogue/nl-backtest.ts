import type { enBacktest } from './en-backtest.ts';

/** Dutch: `sla-bot backtest`. */
export const nlBacktest: Readonly<Record<keyof typeof enBacktest, string>> = {
  'backtest.title': 'Backtest van {proposed} tegen {current} (huidig)',
  'backtest.replayed':
    '{n} overdrachten van {since} tot {until} ({zone}) onder beide bestanden opnieuw afgespeeld.',
  'backtest.configChange': 'Wijzigingen in het bestand: {change}.',
  'backtest.noConfigChange': 'geen (dezelfde regels)',
  'backtest.hindsight':
    "'werkelijk' is wat de outbox zegt dat verstuurd is; 'huidig' en 'voorstel' spelen de opgeslagen overdrachten en contactmomenten achteraf opnieuw af",
  'backtest.counting':
    '(een belletje telt vanaf het moment dat het plaatsvond, ook als het later is gelogd). Meldingen tellen één keer, hoeveel ontvangers ook.',
  'backtest.reassign.replayed':
    "Hertoewijzingen volgen de eigen regels van de worker (wanneer de reassign: van een niveau aan de beurt is, en wie round-robin kiest) op het moment van elk niveau, oudste eerst. 'werkelijk' telt de hertoewijzingen waarover de outbox berichten stuurde (claims via “Neem ik over” niet meegeteld).",
  'backtest.reassign.unknown':
    'Niet bekend bij de backtest, dus aangenomen: elke verkoper met een HubSpot-eigenaar was bereikbaar in Slack; de round-robin van elk team begint bij de eerste verkoper; verkopers zijn gedeactiveerd zoals HubSpot nu zegt; de eigenaar die nu is opgeslagen was toen de eigenaar; alleen de eerste deadline wordt afgespeeld (niet wat een nieuwe eigenaar gedaan zou hebben).',
  'backtest.col.team': 'team',
  'backtest.col.what': 'wat',
  'backtest.col.figure': 'cijfer',
  'backtest.col.actual': 'werkelijk',
  'backtest.col.current': 'huidig',
  'backtest.col.proposed': 'voorstel',
  'backtest.col.change': 'verschil',
  'backtest.line.handoff': 'pings',
  'backtest.line.reminder': 'herinneringen',
  'backtest.line.breach': 'overschrijdingsberichten',
  'backtest.line.escalation': 'escalaties',
  'backtest.line.attempts_shortfall': 'te weinig pogingen',
  'backtest.line.overkill': 'waarschuwingen te veel pogingen',
  'backtest.line.breachedLeads': 'leads over de deadline',
  'backtest.line.untracked': 'leads niet gedekt',
  'backtest.line.reassignments': 'hertoewijzingen',
  'backtest.line.reassignNobody': 'hertoewijzingen zonder beschikbare verkoper',
  'backtest.all': 'alle',
  'backtest.noFlips': 'Geen enkele lead zou een ander oordeel krijgen.',
  'backtest.flips': 'Leads waarvan het oordeel over het eerste contact verandert (huidig → voorstel):',
  'backtest.flip': '  {from} → {to}: {n} lead(s): {ids}',
  'backtest.more': ', … nog {n} (--details toont alle)',
  'backtest.outcome.met': 'op tijd',
  'backtest.outcome.breached': 'te laat',
  'backtest.outcome.excused': 'verontschuldigd',
  'backtest.outcome.pending': 'loopt nog',
  'backtest.outcome.untracked': 'niet gevolgd',
};
