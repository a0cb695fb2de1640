import type { Translator } from '../../i18n/translate.ts';
import type { ModalView } from './blocks.ts';
import { LIMITS } from './limits.ts';
import { plain } from './modal-parts.ts';

/**
 * A modal that only says something, in plain text (no mrkdwn, so nothing in it can mention anyone):
 * opened at once with the click's `trigger_id` ("Loading…") while the look-ups run, then replaced
 * with `views.update` by the real form or by the answer.
 */
export function renderNoticeModal(title: string, text: string, t: Translator): ModalView {
  return {
    type: 'modal',
    title: plain(title, LIMITS.viewTitle),
    close: plain(t.t('modal.close'), LIMITS.viewButton),
    blocks: [{ type: 'section', text: plain(text, LIMITS.sectionText) }],
  };
}
