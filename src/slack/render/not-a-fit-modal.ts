import type { ModalView } from './blocks.ts';
import { section } from './common-blocks.ts';
import { FIELD, VIEW } from './ids.ts';
import { plain, selectInput, textInput } from './modal-parts.ts';
import { safe } from './text.ts';

/** Where the "Not a fit" click came from, carried through the modal. */
export interface NotAFitMeta {
  readonly instanceId: string;
  readonly channel: string | null;
  readonly ts: string | null;
}

/** The short reason picker behind "Not a fit". */
export function renderNotAFitModal(
  leadName: string,
  reasons: readonly string[],
  writeBack: boolean,
  meta: NotAFitMeta,
): ModalView {
  const loop = writeBack ? ' The lead goes back to nurture in HubSpot.' : '';
  const reasonInput =
    reasons.length > 0
      ? selectInput(
          FIELD.reason,
          'Reason',
          reasons.map((r) => ({ label: r, value: r })),
        )
      : textInput(FIELD.reason, 'Reason', { optional: false, maxLength: 150 });
  return {
    type: 'modal',
    callback_id: VIEW.notAFit,
    title: plain('Not a fit', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(meta),
    blocks: [
      section(
        `Why is *${safe(leadName, 150)}* not a fit? Marketing sees the reason as feedback on lead quality.${loop}`,
      ),
      reasonInput,
      textInput(FIELD.note, 'Note for marketing', { optional: true, maxLength: 500 }),
    ],
  };
}
