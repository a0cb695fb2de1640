import type { Translator } from '../../i18n/translate.ts';
import type { Resolved } from '../recipients.ts';
import { recipientLabel } from '../recipients.ts';
import { whyUnreachable } from '../unreachable.ts';
import { safe } from './text.ts';

/**
 * The banner on a copy that reaches someone other than the intended recipient: who it was meant for
 * and, when known, why they did not get it (`code`: an `Unreachable` code, said in the reader's language).
 */
export const fallbackNote = (who: string, code: string | null, t: Translator): string =>
  code === null
    ? t.t('note.fallback', { who: safe(who, 120) })
    : t.t('note.fallbackWhy', { who: safe(who, 120), why: safe(whyUnreachable(code, t), 200) });

/**
 * The note a handoff ping outside the owner's DM keeps when it is updated in place: rebuilt from
 * resolving the owner again, so while the reason lasts it is the note the first post carried. When
 * the owner can be reached by now (invited to Slack, back from leave, or the DM itself was refused),
 * the reason is no longer known and only whose lead it is remains.
 */
export const pingFallbackNote = (owner: Resolved, t: Translator): string =>
  owner.ok
    ? fallbackNote(recipientLabel(owner.recipient), null, t)
    : fallbackNote(owner.unreachable.who, owner.unreachable.code, t);
