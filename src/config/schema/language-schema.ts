import { z } from 'zod';
import { LANGS } from '../../i18n/language.ts';
import { whenGiven } from './primitives.ts';

const HELP = 'use en, nl or de';

const code = z.enum(LANGS, {
  error: (iss) => `'${String(iss.input)}' is not a language sla-bot speaks; ${HELP}`,
});

/**
 * `language: nl`, or `language: { code: de, informal: true }` for "du" in German ("Sie" by default;
 * Dutch always says "je"). See src/slack/reader-language.ts for who reads which language.
 */
export const LanguageSetting = (description: string) =>
  z
    .union(
      [
        code.describe(`The language: en, nl or de. ${description}`),
        z
          .strictObject({
            code: code.describe('The language: en, nl or de.'),
            informal: z
              .boolean()
              .default(false)
              .describe('German only: true says "du" instead of "Sie". Default: false.'),
          })
          .refine((v) => !v.informal || v.code === 'de', {
            error: 'informal applies to German only (Dutch always says "je"); remove it or use code: de',
            path: ['informal'],
          })
          .describe('The language, and for German the form of address.'),
      ],
      {
        error: (iss) =>
          typeof iss.input === 'string'
            ? `'${iss.input}' is not a language sla-bot speaks; ${HELP}`
            : whenGiven(`expected a language (${HELP}) or { code: de, informal: true }`)(iss),
      },
    )
    .transform((v) => (typeof v === 'string' ? { code: v, informal: false } : v))
    .describe(description);
