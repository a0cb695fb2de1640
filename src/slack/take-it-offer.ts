import type { SlaConfig } from '../config/types.ts';
import type { NotificationReason } from '../domain/evaluation.ts';
import type { InstanceContext } from '../ports/notifier.ts';

/**
 * Whether a copy of a message offers "Take it" (issue 18): an escalation of an open lead with a team,
 * read in that team's channel (`inTeamChannel`), while HubSpot write-back is on (the claim is written
 * as the lead's owner). The renderer shows "Taken by …" instead once someone took it.
 */
export const offersTakeIt = (
  config: Pick<SlaConfig, 'hubspot'>,
  reason: NotificationReason,
  context: InstanceContext,
  inTeamChannel: boolean,
): boolean =>
  inTeamChannel &&
  reason.kind === 'escalation' &&
  config.hubspot.writeBack.enabled &&
  context.team !== null &&
  context.instance.closedAt === null;
