import type { enTakeIt } from './en-take-it.ts';

/** Deutsch ("Sie"; die "du"-Formen in de-du.ts): "Mir zuweisen" bei Eskalationen im Team-Channel (issue 18). */
export const deTakeIt: Record<keyof typeof enTakeIt, string> = {
  'button.takeIt': 'Mir zuweisen',
  'takeIt.takenBy': ':raising_hand: Übernommen von {who} um {at}',
  'takeIt.claimed':
    'Der Lead gehört Ihnen: sla-bot trägt {lead} innerhalb einer Minute in HubSpot auf Sie ein und schickt Ihnen dann die Übergabe-Nachricht.',
  'takeIt.alreadyTaken': 'Bereits übernommen von {who} um {at}; nichts geändert.',
  'takeIt.alreadyReassigned': 'sla-bot hat diesen Lead um {at} bereits {who} zugewiesen; nichts geändert.',
  'takeIt.notTeam':
    'Nur Mitglieder des Teams {team} und deren Manager können diesen Lead übernehmen; nichts geändert.',
  'takeIt.noEmail':
    'Slack hat mir Ihre E-Mail nicht genannt, daher kann ich weder Ihr Team prüfen noch Sie in HubSpot finden. Bitten Sie einen Admin, Sie unter slack.user_overrides einzutragen.',
  'takeIt.notOwner':
    'HubSpot hat keinen aktiven Benutzer mit Ihrer E-Mail ({email}), daher kann der Lead Ihnen nicht zugewiesen werden. Bitten Sie einen HubSpot-Admin, Sie hinzuzufügen.',
  'takeIt.yours': 'Dieser Lead gehört bereits Ihnen; nichts geändert.',
  'takeIt.closed': 'Dieser Lead ist bereits geschlossen; nichts zu übernehmen.',
  'takeIt.notFound': 'sla-bot verfolgt diesen Lead nicht mehr.',
  'takeIt.off':
    'Einen Lead zu übernehmen braucht das HubSpot-Write-back, das die SLA-Datei ausschaltet; nichts geändert.',
};
