import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import { LANGS } from '../../i18n/language.ts';

/** The reader's language, written by the modal renderers so answers to a submission need no look-up. */
const ReaderLang = { lang: z.enum(LANGS).optional(), informal: z.boolean().optional() };

/** Reads one input of a submitted view: a select's value or a text input's text; `null` when empty. */
export function inputValue(view: ViewOutput, ids: { block: string; action: string }): string | null {
  const state = view.state.values[ids.block]?.[ids.action];
  const value = state?.selected_option?.value ?? state?.value ?? null;
  return value === null || value.trim() === '' ? null : value.trim();
}

/** Parses a view's `private_metadata` (which we wrote) against a schema; `null` when it does not fit. */
export function viewMeta<T>(view: ViewOutput, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(view.private_metadata || 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    // Not JSON: not a view we rendered.
    return null;
  }
}

export const NotAFitMeta = z.object({
  instanceId: z.string().min(1),
  channel: z.string().nullable(),
  ts: z.string().nullable(),
  ...ReaderLang,
});
export type NotAFitMeta = z.infer<typeof NotAFitMeta>;

export const SnoozeMeta = z.object({ instanceId: z.string().min(1), ...ReaderLang });
export type SnoozeMeta = z.infer<typeof SnoozeMeta>;
