import type { SlaConfig } from '../../config/types.ts';
import type { Owner } from '../../ports/crm-source.ts';
import { describeError } from '../errors.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import type { OpenInstance } from '../memory/open-instance.ts';
import { pingFingerprint } from '../shared/fingerprint.ts';
import { type OutageDeps, reportFailure } from '../shared/outage-effects.ts';
import { instanceContext } from './context.ts';
import type { DeliveryDeps } from './delivery-deps.ts';

/**
 * Re-renders handoff pings in place whose shown state changed (contacted ✓, breached, attempts n of
 * m, closed). `justClosed` are instances closed this cycle, no longer open. Settled instances not
 * kept whole already show what they say (`InstanceMemory.settle` keeps them whole until they do).
 */
export async function updatePings(
  deps: DeliveryDeps & OutageDeps,
  memory: InstanceMemory,
  owners: readonly Owner[],
  config: SlaConfig,
  justClosed: readonly OpenInstance[],
): Promise<number> {
  let updated = 0;
  const candidates = [
    ...Array.from(memory.hot.values(), (o) => ({ o, closed: false })),
    ...justClosed.map((o) => ({ o, closed: true })),
  ];
  for (const { o, closed } of candidates) {
    if (o.pingRef === null || o.evaluation === null || !deps.canSend()) continue;
    const shown = pingFingerprint(o.evaluation, closed);
    if (shown === o.pingState) continue;
    const now = deps.clock.now();
    const context = instanceContext(config, owners, o.instance, o.evaluation);
    let result: Awaited<ReturnType<typeof deps.notifier.update>>;
    try {
      result = await deps.notifier.update(o.pingRef, context, now);
    } catch (err) {
      result = { status: 'retry', error: describeError(err), retryAt: now };
    }
    if (result.status === 'retry') {
      await reportFailure(deps, 'slack', now, result.error);
      return updated;
    }
    if (result.status === 'failed')
      deps.logger.warn(
        { instanceId: o.instance.id, error: result.error },
        'handoff ping could not be updated',
      );
    // A permanent failure (message deleted) is remembered too, so it is not retried every cycle.
    await deps.store.setPing(o.instance.id, o.pingRef, shown);
    memory.setPing(o.instance.id, o.pingRef, shown);
    if (result.status === 'sent') {
      updated += 1;
      deps.events.emit('ping:updated', { instanceId: o.instance.id });
    }
  }
  return updated;
}
