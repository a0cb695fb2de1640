import type { Timing } from '../../src/hubspot/retry-policy.ts';

/**
 * Waits return at once (and are recorded); a request's time limit (a sleep with a signal) runs until
 * the test calls `expire()`, so a test can let a request reach a server before it times out.
 */
export class ManualTiming implements Timing {
  readonly waits: number[] = [];
  private readonly limits = new Set<() => void>();
  random = (): number => 0.5;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (!signal) {
      this.waits.push(ms);
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const expire = () => {
        this.limits.delete(expire);
        resolve();
      };
      this.limits.add(expire);
      signal.addEventListener('abort', () => this.limits.delete(expire), { once: true });
    });
  };

  /** Time limits running now (requests in flight). */
  get running(): number {
    return this.limits.size;
  }

  /** Expires the time limit of every request in flight. */
  expire(): void {
    for (const expire of [...this.limits]) expire();
  }
}
