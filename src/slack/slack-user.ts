import { z } from 'zod';

/** The fields of a Slack user object we read (users.info, users.lookupByEmail); tolerant of gaps. */
export const SlackUserPayload = z.object({
  id: z.string().min(1),
  deleted: z.boolean().nullish(),
  is_bot: z.boolean().nullish(),
  tz: z.string().nullish(),
  profile: z.object({ email: z.string().nullish() }).nullish(),
});
export type SlackUserPayload = z.infer<typeof SlackUserPayload>;

export const SlackUserResponse = z.object({ user: SlackUserPayload });
export type SlackUserResponse = z.infer<typeof SlackUserResponse>;

/** A Slack user as the adapter uses it. */
export interface SlackUser {
  readonly id: string;
  readonly email: string | null;
  /** IANA zone from the profile; `null` when Slack does not say. */
  readonly zone: string | null;
  /** Deactivated: messages to them are never read. */
  readonly deleted: boolean;
}

export const toSlackUser = (p: SlackUserPayload): SlackUser => ({
  id: p.id,
  email: p.profile?.email ? normalizeEmail(p.profile.email) : null,
  zone: p.tz ?? null,
  deleted: p.deleted === true,
});

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
