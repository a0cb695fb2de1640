import { DAY, HOUR, type Millis } from '../../domain/time.ts';
import type { MessageKey, Translator } from '../../i18n/translate.ts';
import type { ModalView } from './blocks.ts';
import { section } from './common-blocks.ts';
import { FIELD, VIEW } from './ids.ts';
import { LIMITS } from './limits.ts';
import { plain, selectInput, textInput } from './modal-parts.ts';
import { safe } from './text.ts';

/** The periods a snooze can last: `n` of a unit, said in the reader's language. */
export const SNOOZE_DURATIONS: readonly { n: number; unit: MessageKey; ms: Millis }[] = [
  { n: 1, unit: 'snooze.hours', ms: HOUR },
  { n: 4, unit: 'snooze.hours', ms: 4 * HOUR },
  { n: 1, unit: 'snooze.days', ms: DAY },
  { n: 3, unit: 'snooze.days', ms: 3 * DAY },
  { n: 1, unit: 'snooze.weeks', ms: 7 * DAY },
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
  tr: Translator,
): ModalView {
  const { t } = tr;
  return {
    type: 'modal',
    callback_id: VIEW.snooze,
    title: plain(t('snooze.title'), LIMITS.viewTitle),
    submit: plain(t('snooze.submit'), LIMITS.viewButton),
    close: plain(t('modal.cancel'), LIMITS.viewButton),
    private_metadata: JSON.stringify({ instanceId, lang: tr.lang, informal: tr.language.informal }),
    blocks: [
      section(t('snooze.intro', { lead: safe(leadName, 150) })),
      selectInput(FIELD.scope, t('snooze.scope'), scopes, scopes[0]?.value),
      selectInput(
        FIELD.duration,
        t('snooze.duration'),
        SNOOZE_DURATIONS.map((d) => ({ label: t(d.unit, { n: d.n }), value: String(d.ms) })),
        String(4 * HOUR),
      ),
      textInput(FIELD.snoozeReason, t('snooze.reason'), {
        optional: false,
        maxLength: 300,
        placeholder: t('snooze.placeholder'),
      }),
    ],
  };
}
