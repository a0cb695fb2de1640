import { z } from 'zod';
import { wallClock } from '../duration.ts';
import { crossField, duration, positiveDuration } from './primitives.ts';
import { Reassign } from './reassign-schema.ts';
import { Target } from './target-schema.ts';

export const EscalationLevel = z
  .strictObject({
    at: z
      .literal('breach')
      .optional()
      .describe('`at: breach` fires when the first-contact deadline passes (same as after: 0s).'),
    after: duration(
      'Wall-clock time after the breach at which this level fires. Default: 0s (at the breach).',
    ).optional(),
    notify: z.array(Target).min(1).describe('Who gets this escalation.'),
    repeat: z
      .strictObject({
        every: positiveDuration('Wall-clock interval between repeats.'),
        times: z.number().int().min(1).max(100).describe('How many more times at most (1–100).'),
      })
      .optional()
      .describe('Repeat while the lead is still uncontacted. Default: no repeat.'),
    reassign: Reassign.optional(),
  })
  .superRefine((level, ctx) => {
    if (level.at !== undefined && level.after !== undefined) {
      ctx.addIssue(crossField("give either 'at: breach' or 'after: <duration>', not both", ['after'], 'key'));
    }
  })
  .describe(
    'One escalation level: when (after the breach), whom to notify and, opt-in, to whom to reassign the lead.',
  );
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const Escalate = z
  .array(EscalationLevel)
  .superRefine((levels, ctx) => {
    levels.forEach((level, i) => {
      const previous = levels[i - 1];
      if (previous && afterOf(level) < afterOf(previous)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'after'],
          message: `fires before level ${i - 1} (${previous.after?.text ?? '0s'}); list levels in the order they fire`,
        });
      }
    });
  })
  .prefault([{ at: 'breach', notify: ['manager'] }])
  .describe(
    'Escalation levels after a first-contact breach, in the order they fire. Default: the manager, at the breach. [] for none.',
  );

const afterOf = (level: EscalationLevel): number => (level.after ? wallClock(level.after) : 0);
