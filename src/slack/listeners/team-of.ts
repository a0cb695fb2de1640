import type { SlaConfig, Team } from '../../config/types.ts';
import { normalizeEmail } from '../slack-user.ts';

/** The configured team an e-mail is a member of, if any. */
export function teamOf(config: SlaConfig, email: string | null | undefined): Team | null {
  if (!email) return null;
  const e = normalizeEmail(email);
  return config.teams.find((t) => t.members.some((m) => normalizeEmail(m) === e)) ?? null;
}

/** Teams this person manages. */
export const teamsManagedBy = (config: SlaConfig, email: string): Team[] =>
  config.teams.filter((t) => normalizeEmail(t.manager) === normalizeEmail(email));

export const isAdmin = (config: SlaConfig, email: string): boolean =>
  config.slack.admins.some((a) => normalizeEmail(a) === normalizeEmail(email));
