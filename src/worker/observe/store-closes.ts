import type { CloseReason } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { Store } from '../../ports/store.ts';

export interface ClosedOutside {
  readonly instanceId: string;
  readonly at: Instant;
  readonly reason: CloseReason;
}

/**
 * The store as the Slack app gets it: the same store, except that a successful `closeInstance`
 * ("Not a fit") is announced, so the worker in this process stops judging the instance at once.
 * Another process's worker learns it from the store before it would send anything for that lead.
 */
export function announceCloses(store: Store, onClosed: (closed: ClosedOutside) => void): Store {
  const closeInstance = async (
    instanceId: string,
    at: Instant,
    reason: CloseReason,
    detail: string | null = null,
  ): Promise<boolean> => {
    const closed = await store.closeInstance(instanceId, at, reason, detail);
    if (closed) onClosed({ instanceId, at, reason });
    return closed;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'closeInstance') return closeInstance;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
