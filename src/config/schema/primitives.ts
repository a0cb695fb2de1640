import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { didYouMean } from '../did-you-mean.ts';
import { DURATION_HELP, type Duration, parseDuration } from '../duration.ts';

/**
 * A schema-level message for a value of the wrong type; a missing value falls through to the
 * loader's "is required; add it".
 */
export const whenGiven =
  (message: string) =>
  (iss: { readonly input?: unknown }): string | undefined =>
    iss.input === undefined ? undefined : message;

/**
 * An issue about how fields combine (not about one value). When the same map also has an unknown
 * key, the loader drops it: the typo is the real problem (`lifecycle_stag:` → "no source").
 */
export const crossField = (
  message: string,
  path: readonly (string | number)[] = [],
  on: 'key' | 'value' = 'value',
) => ({
  code: 'custom' as const,
  message,
  path: [...path],
  params: { on, crossField: path.length },
});

/** Loose pattern for editors; the parser gives the precise message. */
const DURATION_PATTERN = '^\\s*(P[0-9DTHMS.]+|([0-9]+(\\.[0-9]+)?\\s*[smhdSMHD]\\s*)+)\\s*$';

/** `30s`, `5m`, `2h`, `3d`, `1h30m`, ISO 8601 `PT5M` → a `Duration` (days kept apart, see duration.ts). */
export const duration = (description: string) =>
  z
    .string({
      error: (iss) =>
        typeof iss.input === 'number'
          ? `${iss.input} has no unit; write ${iss.input}m, ${iss.input}s or ${iss.input}h`
          : undefined,
    })
    .transform((text, ctx) => {
      const parsed = parseDuration(text);
      if ('error' in parsed) {
        ctx.issues.push({ code: 'custom', message: parsed.error, input: text });
        return z.NEVER;
      }
      return parsed;
    })
    .meta({ description: `${description} (${DURATION_HELP})`, pattern: DURATION_PATTERN });

/** A duration that must be longer than zero. */
export const positiveDuration = (description: string) =>
  duration(description).refine((d) => d.ms > 0 || d.days > 0, { error: 'must be longer than 0s' });

const zoneNames = (): readonly string[] => Intl.supportedValuesOf('timeZone');

/** An IANA time zone such as `Europe/Amsterdam`. */
export const timeZone = (description: string) =>
  z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), {
      error: (iss) =>
        `'${String(iss.input)}' is not an IANA time zone; use a name like Europe/Amsterdam or America/New_York${didYouMean(String(iss.input), zoneNames())}`,
    })
    .describe(description);

/** A value HubSpot stores as text; YAML numbers and booleans are accepted and turned into text. */
export const scalar = (description: string) =>
  z
    .union([z.string().min(1), z.number(), z.boolean()], {
      error: whenGiven('expected a single value (text or a number), not a list or map'),
    })
    .transform(String)
    .describe(description);

/** An e-mail address, lower-cased (HubSpot owners and Slack users are matched on it). */
export const email = (description: string) =>
  z
    .email({ error: (iss) => `'${String(iss.input)}' is not an e-mail address` })
    .transform((e) => e.toLowerCase())
    .describe(description);

export const CHANNEL_HELP =
  'write "#channel-name" in quotes (an unquoted # starts a YAML comment) or a channel id like C0123ABCDE';

/** A Slack channel: `#sales-benelux` or an id `C0123ABCDE`. */
export const channel = (description: string) =>
  z
    .string()
    .regex(/^(#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{6,})$/, {
      error: (iss) => `'${String(iss.input)}' is not a Slack channel; ${CHANNEL_HELP}`,
    })
    .describe(description);

/** Names admins give calendars, teams, segments and policies. */
export const name = (what: string) =>
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    error: (iss) =>
      `'${String(iss.input)}' is not a valid ${what} name; use letters, digits, '-', '_' and '.', starting with a letter or digit`,
  });

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = (description: string) =>
  z
    .string({ error: whenGiven('expected a date written YYYY-MM-DD') })
    .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d, { zone: 'UTC' }).isValid, {
      error: (iss) => `'${String(iss.input)}' is not a date; write YYYY-MM-DD, e.g. 2026-12-25`,
    })
    .describe(description);

export const boolean = (fallback: boolean, description: string) =>
  z.boolean().default(fallback).describe(`${description} Default: ${fallback}.`);

/**
 * `auto`, or a duration of at least one second (`poll.every`). One schema, so a wrong value gets the
 * duration's own message, not a union's "matches none".
 */
export const autoOrInterval = (description: string) =>
  z
    .string({
      error: (iss) =>
        typeof iss.input === 'number'
          ? `${iss.input} has no unit; write auto, or ${iss.input}s or ${iss.input}m`
          : undefined,
    })
    .transform((text, ctx): 'auto' | Duration => {
      if (text.trim() === 'auto') return 'auto';
      const parsed = parseDuration(text);
      if ('error' in parsed) {
        ctx.issues.push({ code: 'custom', message: `${parsed.error}, or auto`, input: text });
        return z.NEVER;
      }
      if (parsed.days === 0 && parsed.ms < 1_000) {
        ctx.issues.push({ code: 'custom', message: 'must be auto or at least 1s', input: text });
        return z.NEVER;
      }
      return parsed;
    })
    .meta({
      description: `${description} (auto, or ${DURATION_HELP})`,
      pattern: `^\\s*auto\\s*$|${DURATION_PATTERN}`,
    });
