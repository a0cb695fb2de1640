import type { RenderContext } from './render-context.ts';
import { safe } from './text.ts';

/**
 * An escalation whose lead a level's `reassign:` moved for its deadline (issue 18): "Reassigned from
 * Bram to Eva after 5m without contact" (mrkdwn), so whoever has the escalation reads the reassignment
 * in it, updated in place; `null` when not reassigned.
 */
export function reassignedLine(rc: RenderContext): string | null {
  const moved = rc.context.reassignedTo ?? null;
  if (moved === null) return null;
  return rc.t.t('reassigned.escalation', {
    from: safe(moved.fromName, 80),
    to: safe(moved.toName, 80),
    waited: rc.t.duration(moved.waited),
  });
}
