import { DAY, HOUR, type Millis } from '../../domain/time.ts';
import type { ModalView } from './blocks.ts';
import { section } from './common-blocks.ts';
import { FIELD, VIEW } from './ids.ts';
import { plain, selectInput, textInput } from './modal-parts.ts';
import { safe } from './text.ts';

export const SNOOZE_DURATIONS: readonly { label: string; ms: Millis }[] = [
  { label: '1 hour', ms: HOUR },
  { label: '4 hours', ms: 4 * HOUR },
  { label: '1 day', ms: DAY },
  { label: '3 days', ms: 3 * DAY },
  { label: '1 week', ms: 7 * DAY },
];

export interface SnoozeScopeOption {
  readonly label: string;
  /** `owner:<HubSpot owner id>` or `team:<team name>`. */
  readonly value: string;
}

/** A manager's snooze of escalations (a silence), for a rep or a team, with a reason. */
export function renderSnoozeModal(
  leadName: string,
  scopes: readonly SnoozeScopeOption[],
  instanceId: string,
): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.snooze,
    title: plain('Snooze escalations', 24),
    submit: plain('Snooze', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify({ instanceId }),
    blocks: [
      section(
        `Escalations about *${safe(leadName, 150)}* and similar leads stop for the period you pick. ` +
          'Reminders to the rep continue; the snooze and its reason appear in reports.',
      ),
      selectInput(FIELD.scope, 'Snooze for', scopes, scopes[0]?.value),
      selectInput(
        FIELD.duration,
        'For how long',
        SNOOZE_DURATIONS.map((d) => ({ label: d.label, value: String(d.ms) })),
        String(4 * HOUR),
      ),
      textInput(FIELD.snoozeReason, 'Reason', {
        optional: false,
        maxLength: 300,
        placeholder: 'e.g. rep at a trade fair',
      }),
    ],
  };
}
