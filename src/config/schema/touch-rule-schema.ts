import { z } from 'zod';
import type { TouchKind } from '../../domain/policy.ts';

export const TOUCH_KINDS = ['call', 'email', 'meeting'] as const satisfies readonly TouchKind[];

/** The fields that say which logged activities count, shared by first_contact and attempts. */
export const touchRuleFields = (defaultKinds: readonly TouchKind[]) => ({
  counts: z
    .array(z.enum(TOUCH_KINDS))
    .min(1)
    .default([...defaultKinds])
    .describe(`Activity kinds that count: call, email, meeting. Default: [${defaultKinds.join(', ')}].`),
  call_outcomes: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe(
      'Call outcomes (HubSpot call disposition names, case-insensitive, e.g. Connected, Left voicemail) that count. Default: any outcome.',
    ),
  outbound_only: z
    .boolean()
    .default(true)
    .describe(
      'Only outbound calls and e-mails count (a call from the lead proves no follow-up). Default: true.',
    ),
  owner_only: z
    .boolean()
    .default(true)
    .describe("Only activities by the lead's current owner count. Default: true."),
  include_before_handoff: z
    .boolean()
    .default(false)
    .describe('Activities dated before the clock started count too. Default: false.'),
});
