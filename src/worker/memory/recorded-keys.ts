import { Interner } from './interner.ts';

/** Marks a key kept whole because it does not start with its instance's id. */
const WHOLE = '\u0000';

/**
 * Notification keys this process has recorded in the outbox, so that an evaluation that changed
 * does not insert its earlier notifications again. Only a saving: the outbox's unique keys are
 * what keeps a message from going out twice, so forgetting a key never re-sends anything.
 *
 * Kept per open instance and forgotten when it closes (`forget`), so the set does not grow with
 * every lead ever seen. An instance's keys start with its id; each is kept as the rest of the key
 * (`:handoff:…`, `:reminder:0`, `:breach`), one shared string for all instances. Keys recorded
 * without an instance (admin alerts) are kept whole until `forget` names them.
 */
export class RecordedKeys {
  readonly #byInstance = new Map<string, string[]>();
  readonly #other = new Set<string>();
  readonly #rests = new Interner({ maxEntries: 10_000 });

  has(key: string, instanceId: string | null = null): boolean {
    if (instanceId === null) return this.#other.has(key);
    return this.#byInstance.get(instanceId)?.includes(this.#rest(key, instanceId)) ?? false;
  }

  add(key: string, instanceId: string | null = null): void {
    if (instanceId === null) {
      this.#other.add(key);
      return;
    }
    const rest = this.#rest(key, instanceId);
    const keys = this.#byInstance.get(instanceId);
    if (keys === undefined) this.#byInstance.set(instanceId, [rest]);
    else if (!keys.includes(rest)) keys.push(rest);
  }

  /** Forgets the keys of a closed instance, and these keys recorded without one. */
  forget(instanceId: string, others: readonly string[] = []): void {
    this.#byInstance.delete(instanceId);
    for (const key of others) this.#other.delete(key);
  }

  /** Keys held (for tests and diagnostics). */
  get size(): number {
    let n = this.#other.size;
    for (const keys of this.#byInstance.values()) n += keys.length;
    return n;
  }

  #rest(key: string, instanceId: string): string {
    return this.#rests.intern(key.startsWith(instanceId) ? key.slice(instanceId.length) : WHOLE + key);
  }
}
