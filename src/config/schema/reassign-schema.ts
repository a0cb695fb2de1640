import { z } from 'zod';
import type { ReassignTo } from '../../domain/policy.ts';
import { didYouMean } from '../did-you-mean.ts';
import { whenGiven } from './primitives.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEAM = /^team:([A-Za-z0-9][A-Za-z0-9_-]*)$/;

export const REASSIGN_TO_HELP =
  "use round_robin (the next rep of the owner's team), team:<name> (the next rep of that team) or a rep's e-mail address";

/** `round_robin` | `team:benelux` | `eva@example.com`. */
export function parseReassignTo(text: string): ReassignTo | null {
  const t = text.trim();
  if (t === 'round_robin') return { kind: 'round_robin' };
  const team = TEAM.exec(t);
  if (team?.[1] !== undefined) return { kind: 'team', team: team[1] };
  if (EMAIL.test(t)) return { kind: 'person', email: t.toLowerCase() };
  return null;
}

const ReassignTarget = z
  .string({ error: whenGiven(`expected where to reassign the lead; ${REASSIGN_TO_HELP}`) })
  .transform((text, ctx) => {
    const to = parseReassignTo(text);
    if (to) return to;
    ctx.issues.push({
      code: 'custom',
      input: text,
      message: `'${text}' is not a reassignment target${didYouMean(text, ['round_robin'])}; ${REASSIGN_TO_HELP}`,
    });
    return z.NEVER;
  })
  .meta({
    description: `Whom the lead goes to: ${REASSIGN_TO_HELP}.`,
    anyOf: [{ const: 'round_robin' }, { pattern: TEAM.source }, { format: 'email' }],
  });

/** `reassign: { to: round_robin, max: 1 }` on an escalation level (issue 18; opt-in, never the default). */
export const Reassign = z
  .strictObject({
    to: ReassignTarget,
    max: z
      .number()
      .int()
      .min(1)
      .max(3)
      .default(1)
      .describe(
        'At most this many times sla-bot reassigns one lead (all levels of the policy together). Default: 1.',
      ),
  })
  .describe(
    "Reassign the lead in HubSpot when this level fires (once per deadline): to the next rep who is not out of office, is reachable in Slack, active in HubSpot, inside their team's calendar and has not owned the lead before. Needs hubspot.write_back.enabled and the crm.objects.contacts.write scope. Default: no reassignment.",
  );
export type Reassign = z.infer<typeof Reassign>;
