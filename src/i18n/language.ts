/** The languages sla-bot speaks. `validate` messages and logs stay English. */
export const LANGS = ['en', 'nl', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * A reader's language: the catalogue, and for German whether to say "du" (a team that sets it)
 * instead of the default "Sie". Dutch always says "je"; English has no such choice.
 */
export interface Language {
  readonly code: Lang;
  readonly informal: boolean;
}

export const ENGLISH: Language = { code: 'en', informal: false };

export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

/** `en` / `nl` / `de` (any case) as a language; `null` for anything else. */
export function parseLang(value: string | null | undefined): Lang | null {
  const code = value?.trim().toLowerCase() ?? '';
  return isLang(code) ? code : null;
}

/**
 * The language of a Slack user locale (`users.info` with `include_locale`: `nl-NL`, `de-DE`, `en-US`,
 * `de-AT`…): its language subtag when we have a catalogue for it, else `null` (fall back to the team's).
 */
export const langOfLocale = (locale: string | null | undefined): Lang | null =>
  parseLang(locale?.split(/[-_]/)[0]);

/** The BCP 47 tag used to format dates and numbers for a language. */
export const LOCALE_TAG: Readonly<Record<Lang, string>> = { en: 'en-US', nl: 'nl-NL', de: 'de-DE' };
