import type { Evaluation } from '../domain/evaluation.ts';
import type { SlaInstance } from '../domain/model.ts';
import { firstContactAt, firstContactStatus } from '../domain/sla/first-contact-outcome.ts';
import { MINUTE } from '../domain/time.ts';

export const WRITE_BACK_GROUP = { name: 'sla_bot', label: 'SLA bot' } as const;

export interface WriteBackProperty {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly type: 'string' | 'number' | 'datetime' | 'enumeration';
  readonly fieldType: 'text' | 'number' | 'date' | 'select';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

/** Contact properties sla-bot writes when write-back is on (`sla-bot hubspot-setup` creates them). */
export const WRITE_BACK_PROPERTIES: readonly WriteBackProperty[] = [
  {
    name: 'sla_bot_status',
    label: 'SLA first-contact status',
    description: 'First-contact SLA of the latest handoff, as judged by sla-bot.',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { value: 'pending', label: 'Pending' },
      { value: 'at_risk', label: 'At risk' },
      { value: 'met', label: 'Met' },
      { value: 'breached', label: 'Breached' },
      { value: 'excused', label: 'Breached (excused: outage)' },
    ],
  },
  {
    name: 'sla_bot_stage',
    label: 'SLA stage',
    description: 'The configured stage of the latest handoff (mql, sal, sql…).',
    type: 'string',
    fieldType: 'text',
  },
  {
    name: 'sla_bot_entered_at',
    label: 'SLA handoff time',
    description: 'When the lead entered the stage.',
    type: 'datetime',
    fieldType: 'date',
  },
  {
    name: 'sla_bot_deadline',
    label: 'SLA first-contact deadline',
    description: 'When first contact was due.',
    type: 'datetime',
    fieldType: 'date',
  },
  {
    name: 'sla_bot_first_contact_at',
    label: 'SLA first contact',
    description: 'When the first counted touch happened.',
    type: 'datetime',
    fieldType: 'date',
  },
  {
    name: 'sla_bot_minutes_to_first_contact',
    label: 'SLA minutes to first contact',
    description: 'Business minutes from the clock start to the first counted touch.',
    type: 'number',
    fieldType: 'number',
  },
  {
    name: 'sla_bot_call_attempts',
    label: 'SLA call attempts',
    description: 'Attempts counted in the attempts window.',
    type: 'number',
    fieldType: 'number',
  },
  {
    name: 'sla_bot_attempts_required',
    label: 'SLA attempts required',
    description: 'Attempts the policy requires.',
    type: 'number',
    fieldType: 'number',
  },
  {
    name: 'sla_bot_attempts_status',
    label: 'SLA attempts status',
    description: 'Whether enough attempts were made in the window.',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { value: 'open', label: 'Window open' },
      { value: 'met', label: 'Met' },
      { value: 'short', label: 'Short' },
    ],
  },
  {
    name: 'sla_bot_not_a_fit_reason',
    label: 'SLA not-a-fit reason',
    description: 'Why sales sent the lead back to marketing.',
    type: 'string',
    fieldType: 'text',
  },
];

/** The property values for one instance's current evaluation (strings, as HubSpot takes them). */
export function outcomeProperties(instance: SlaInstance, evaluation: Evaluation): Record<string, string> {
  const fc = evaluation.firstContact;
  const status = firstContactStatus(fc);
  const contactAt = firstContactAt(fc);
  const took =
    fc.state === 'met' ? fc.took : contactAt === null ? null : Math.max(0, contactAt - evaluation.clockStart);
  const props: Record<string, string> = {
    sla_bot_status: status,
    sla_bot_stage: instance.stage,
    sla_bot_entered_at: String(instance.enteredAt),
    sla_bot_deadline: String(fc.deadline),
    sla_bot_first_contact_at: contactAt === null ? '' : String(contactAt),
    sla_bot_minutes_to_first_contact: took === null ? '' : String(Math.round((took / MINUTE) * 10) / 10),
  };
  if (evaluation.attempts) {
    props.sla_bot_call_attempts = String(evaluation.attempts.made);
    props.sla_bot_attempts_required = String(evaluation.attempts.required);
    props.sla_bot_attempts_status = evaluation.attempts.state;
  }
  return props;
}
