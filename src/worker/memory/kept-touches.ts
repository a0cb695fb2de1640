import type { Touch } from '../../domain/model.ts';
import { internTouch } from './intern-records.ts';
import type { Interner } from './interner.ts';

/**
 * The touches the worker keeps in memory: those of contacts with an unsettled open instance,
 * complete (all the store holds and what the last cycle brought), since such an instance is judged
 * again at each of its due moments. Other contacts' touches are read from the store when needed.
 */
export class KeptTouches {
  readonly #touches = new Map<string, Touch[]>();
  /** How many unsettled open instances each contact has (the contacts whose touches are kept). */
  readonly #unsettled = new Map<string, number>();
  readonly #strings: Interner;

  constructor(strings: Interner) {
    this.#strings = strings;
  }

  /** Counts an unsettled instance of the contact in (or out); at zero its touches go. */
  count(contactId: string, delta: 1 | -1): void {
    const n = (this.#unsettled.get(contactId) ?? 0) + delta;
    if (n > 0) this.#unsettled.set(contactId, n);
    else {
      this.#unsettled.delete(contactId);
      this.#touches.delete(contactId);
    }
  }

  /** The contact's touches when kept (all of them); `null`: read them from the store. */
  of(contactId: string): readonly Touch[] | null {
    return this.#touches.get(contactId) ?? null;
  }

  /** Contacts whose touches are kept. */
  get size(): number {
    return this.#touches.size;
  }

  /**
   * Keeps a contact's complete touches (as just read from the store, with the cycle's) when it has
   * an unsettled open instance and they are not kept yet.
   */
  hold(contactId: string, touches: readonly Touch[]): void {
    if (!this.#unsettled.has(contactId) || this.#touches.has(contactId)) return;
    this.#touches.set(
      contactId,
      touches.map((t) => internTouch(this.#strings, t)),
    );
  }

  /** Adds new or changed touches of the contacts whose touches are kept (the store has the others'). */
  add(touches: readonly Touch[]): void {
    for (const t of touches) {
      const kept = this.#touches.get(t.contactId);
      if (kept === undefined) continue;
      const shared = internTouch(this.#strings, t);
      const at = kept.findIndex((k) => k.id === t.id);
      if (at < 0) kept.push(shared);
      else kept[at] = shared;
    }
  }
}
