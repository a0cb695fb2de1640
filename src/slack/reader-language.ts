import type { SlaConfig, Team } from '../config/types.ts';
import { ENGLISH, type Language, langOfLocale } from '../i18n/language.ts';
import { normalizeEmail } from './slack-user.ts';

/**
 * Which language a reader gets (issue 19; docs/adr/0015-message-catalogues.md):
 *   1. a person: their Slack locale (`users.info` with `include_locale`) when we have a catalogue for it;
 *   2. else their team's `language:` in the SLA file (a rep's team, or the team they manage);
 *   3. else the file's top-level `language:`; else English.
 * Channels get their team's language (a team channel) or the file's (any other channel).
 * German is "Sie" unless the team (or file) sets `informal: true`; that choice also applies to a
 * reader whose Slack locale is German.
 */
export const fileLanguage = (config: Pick<SlaConfig, 'language'>): Language => config.language ?? ENGLISH;

export const teamLanguage = (config: Pick<SlaConfig, 'language'>, team: Team | null): Language =>
  team?.language ?? fileLanguage(config);

/** The team a person belongs to: as a rep first, else as its manager. */
export function teamOfPerson(
  config: Pick<SlaConfig, 'teams'>,
  email: string | null | undefined,
): Team | null {
  if (!email) return null;
  const e = normalizeEmail(email);
  return (
    config.teams.find((t) => t.members.some((m) => normalizeEmail(m) === e)) ??
    config.teams.find((t) => normalizeEmail(t.manager) === e) ??
    null
  );
}

/** A person's language: Slack locale, else team, else file (see above). */
export function personLanguage(
  config: Pick<SlaConfig, 'language' | 'teams'>,
  email: string | null | undefined,
  slackLocale: string | null | undefined,
): Language {
  const fallback = teamLanguage(config, teamOfPerson(config, email));
  const code = langOfLocale(slackLocale);
  return code === null ? fallback : { code, informal: fallback.informal };
}

/** A channel's language: the team's whose channel it is, else the file's. */
export function channelLanguage(config: Pick<SlaConfig, 'language' | 'teams'>, channel: string): Language {
  const team = config.teams.find((t) => t.channel === channel) ?? null;
  return teamLanguage(config, team);
}
