import { z } from 'zod';

/** The fields of a Slack user object we read (users.info, users.lookupByEmail); tolerant of gaps. */
export const SlackUserPayload = z.object({
  id: z.string().min(1),
  deleted: z.boolean().nullish(),
  is_bot: z.boolean().nullish(),
  tz: z.string().nullish(),
  /** Only with `include_locale=true` on users.info (IETF tag such as `nl-NL`; SD-19). */
  locale: z.string().nullish(),
  real_name: z.string().nullish(),
  profile: z
    .object({
      email: z.string().nullish(),
      real_name: z.string().nullish(),
      display_name: z.string().nullish(),
    })
    .nullish(),
});
export type SlackUserPayload = z.infer<typeof SlackUserPayload>;

export const SlackUserResponse = z.object({ user: SlackUserPayload });
export type SlackUserResponse = z.infer<typeof SlackUserResponse>;

/** A Slack user as the adapter uses it. */
export interface SlackUser {
  readonly id: string;
  readonly email: string | null;
  /** Their name as Slack shows it (real name, else display name); `null` when the profile has none. */
  readonly name: string | null;
  /** IANA zone from the profile; `null` when Slack does not say. */
  readonly zone: string | null;
  /** Deactivated: messages to them are never read. */
  readonly deleted: boolean;
  /** Their Slack language (`nl-NL`), from users.info with `include_locale`; `null` when not asked or not said. */
  readonly locale: string | null;
}

export const toSlackUser = (p: SlackUserPayload): SlackUser => ({
  id: p.id,
  email: p.profile?.email ? normalizeEmail(p.profile.email) : null,
  name: nameOf(p),
  zone: p.tz ?? null,
  deleted: p.deleted === true,
  locale: p.locale ?? null,
});

/** The first non-blank of the profile's real name, the user's real name and the display name. */
function nameOf(p: SlackUserPayload): string | null {
  for (const name of [p.profile?.real_name, p.real_name, p.profile?.display_name]) {
    const trimmed = name?.trim();
    if (trimmed) return trimmed;
  }
  return null;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
