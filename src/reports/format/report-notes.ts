import type { ReportNote } from '../../domain/reports/index.ts';
import { type MessageKey, type Translator, translator } from '../../i18n/translate.ts';

const KEY: Readonly<Record<ReportNote['code'], MessageKey>> = {
  'no-deal-data': 'report.note.noDealData',
  'deals-unread': 'report.note.dealsUnread',
  'no-owner-directory': 'report.note.noOwnerDirectory',
};

/** A report note (a code and its values, from the domain) in the reader's language. */
export function noteText(t: Translator, note: ReportNote): string {
  switch (note.code) {
    case 'deals-unread':
      return t.t(KEY[note.code], { n: t.number(note.leads) });
    default:
      return t.t(KEY[note.code]);
  }
}

/** The English text of a note: what the JSON has always carried, for scripts. */
export const englishNote = (note: ReportNote): string => noteText(translator(), note);
