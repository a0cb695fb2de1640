import type { Lang } from '../../i18n/language.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { ModalView } from './blocks.ts';
import { section } from './common-blocks.ts';
import { FIELD, VIEW } from './ids.ts';
import { LIMITS } from './limits.ts';
import { plain, selectInput, textInput } from './modal-parts.ts';
import { safe } from './text.ts';

/** Where the "Not a fit" click came from, carried through the modal (with the reader's language). */
export interface NotAFitMeta {
  readonly instanceId: string;
  readonly channel: string | null;
  readonly ts: string | null;
  readonly lang?: Lang;
  readonly informal?: boolean;
}

/** The short reason picker behind "Not a fit". */
export function renderNotAFitModal(
  leadName: string,
  reasons: readonly string[],
  writeBack: boolean,
  meta: NotAFitMeta,
  tr: Translator,
): ModalView {
  const { t } = tr;
  const reasonInput =
    reasons.length > 0
      ? selectInput(
          FIELD.reason,
          t('notAFit.reason'),
          reasons.map((r) => ({ label: r, value: r })),
        )
      : textInput(FIELD.reason, t('notAFit.reason'), { optional: false, maxLength: 150 });
  return {
    type: 'modal',
    callback_id: VIEW.notAFit,
    title: plain(t('notAFit.title'), LIMITS.viewTitle),
    submit: plain(t('notAFit.save'), LIMITS.viewButton),
    close: plain(t('modal.cancel'), LIMITS.viewButton),
    private_metadata: JSON.stringify({ ...meta, lang: tr.lang, informal: tr.language.informal }),
    blocks: [
      section(t('notAFit.intro', { lead: safe(leadName, 150), loop: writeBack ? t('notAFit.loop') : '' })),
      reasonInput,
      textInput(FIELD.note, t('notAFit.note'), { optional: true, maxLength: 500 }),
    ],
  };
}
