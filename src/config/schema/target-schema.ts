import { z } from 'zod';
import type { Target as TargetValue } from '../../domain/policy.ts';
import { didYouMean } from '../did-you-mean.ts';
import { whenGiven } from './primitives.ts';

const KEYWORDS = ['owner', 'manager', 'team_channel'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CHANNEL = /^(#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{6,})$/;

export const TARGET_HELP =
  'use owner, manager, team_channel, an e-mail address, or a Slack channel in quotes ("#sales-leads") or by id';

/** `owner` | `manager` | `team_channel` | `anna@example.com` | `"#sales-leads"` | `C0123ABCDE`. */
export function parseTarget(text: string): TargetValue | null {
  const t = text.trim();
  if (t === 'owner' || t === 'manager' || t === 'team_channel') return { kind: t };
  if (EMAIL.test(t)) return { kind: 'user', email: t.toLowerCase() };
  if (CHANNEL.test(t)) return { kind: 'channel', channel: t };
  return null;
}

export const Target = z
  .string({ error: whenGiven(`expected a target; ${TARGET_HELP}`) })
  .transform((text, ctx) => {
    const target = parseTarget(text);
    if (target) return target;
    ctx.issues.push({
      code: 'custom',
      input: text,
      message: `'${text}' is not a target${didYouMean(text, KEYWORDS)}; ${TARGET_HELP}`,
    });
    return z.NEVER;
  })
  .meta({
    description: `Who is notified: ${TARGET_HELP}.`,
    anyOf: [{ enum: [...KEYWORDS] }, { format: 'email' }, { pattern: CHANNEL.source }],
  });
