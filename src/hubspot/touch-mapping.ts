import type { SlaConfig } from '../config/types.ts';
import type { Touch } from '../domain/model.ts';
import type { TouchKind } from '../domain/policy.ts';
import type { Properties } from './schemas.ts';
import { parseInstant, parseNumber, text } from './values.ts';

export interface EngagementType {
  readonly kind: TouchKind;
  readonly objectType: 'calls' | 'emails' | 'meetings';
  readonly properties: readonly string[];
}

const COMMON = ['hs_timestamp', 'hubspot_owner_id', 'hs_lastmodifieddate'];

export const ENGAGEMENTS: Readonly<Record<TouchKind, EngagementType>> = {
  call: {
    kind: 'call',
    objectType: 'calls',
    properties: [...COMMON, 'hs_call_direction', 'hs_call_status', 'hs_call_disposition', 'hs_call_duration'],
  },
  email: {
    kind: 'email',
    objectType: 'emails',
    properties: [...COMMON, 'hs_email_direction', 'hs_email_status'],
  },
  meeting: {
    kind: 'meeting',
    objectType: 'meetings',
    properties: [...COMMON, 'hs_meeting_start_time', 'hs_meeting_end_time', 'hs_meeting_outcome'],
  },
};

/** Calls always (attempts are calls); e-mails and meetings only where a policy counts them. */
export function engagementTypes(config: SlaConfig): EngagementType[] {
  const kinds = new Set<TouchKind>(['call']);
  for (const policy of config.policies) {
    for (const kind of policy.firstContact.counts.kinds) kinds.add(kind);
    for (const kind of policy.attempts?.counts.kinds ?? []) kinds.add(kind);
  }
  return (['call', 'email', 'meeting'] as const).filter((k) => kinds.has(k)).map((k) => ENGAGEMENTS[k]);
}

const DIRECTIONS: Readonly<Record<string, 'outbound' | 'inbound'>> = {
  OUTBOUND: 'outbound',
  INBOUND: 'inbound',
  EMAIL: 'outbound',
  FORWARDED_EMAIL: 'outbound',
  INCOMING_EMAIL: 'inbound',
};

export type TouchMapping =
  | { readonly ok: true; readonly touch: Touch }
  | { readonly ok: false; readonly reason: string };

/** One engagement as a touch on one contact; disposition GUIDs become their names. */
export function toTouch(
  type: EngagementType,
  id: string,
  contactId: string,
  props: Properties,
  dispositionName: (guid: string) => string,
): TouchMapping {
  const at =
    parseInstant(props.hs_timestamp) ??
    (type.kind === 'meeting' ? parseInstant(props.hs_meeting_start_time) : null);
  if (at === null)
    return { ok: false, reason: `unparseable hs_timestamp: ${JSON.stringify(props.hs_timestamp ?? null)}` };
  const direction =
    DIRECTIONS[(props.hs_call_direction ?? props.hs_email_direction ?? '').toUpperCase()] ?? null;
  const disposition = text(props.hs_call_disposition);
  let durationMs = parseNumber(props.hs_call_duration);
  if (type.kind === 'meeting') {
    const start = parseInstant(props.hs_meeting_start_time);
    const end = parseInstant(props.hs_meeting_end_time);
    durationMs = start !== null && end !== null && end >= start ? end - start : null;
  }
  return {
    ok: true,
    touch: {
      id: `${type.kind}:${id}`,
      kind: type.kind,
      contactId,
      at,
      ownerId: text(props.hubspot_owner_id),
      direction,
      status: text(props.hs_call_status) ?? text(props.hs_email_status) ?? text(props.hs_meeting_outcome),
      outcome: disposition === null ? null : dispositionName(disposition),
      durationMs,
    },
  };
}
