import type { OpenInstance } from './open-instance.ts';
import { type VerdictTally, verdictOf } from './settled-instances.ts';

/**
 * Counts over the instances `InstanceMemory` keeps whole, kept as they come and go: by first-contact
 * verdict (the tally on `/metrics`, emitted with every commit) and by owner (owner problems are
 * looked for only when an owner of one may have one). Neither then needs a pass over every hot
 * instance each cycle.
 */
export class HotCounts {
  readonly #tally: VerdictTally = { pending: 0, met: 0, breached: 0, excused: 0 };
  readonly #byOwner = new Map<string, number>();

  /** Counts `o` in (a hot instance kept) or out (replaced, closed or settled). */
  count(o: OpenInstance, delta: 1 | -1): void {
    if (o.evaluation !== null) this.#tally[verdictOf(o.evaluation)] += delta;
    const ownerId = o.instance.ownerId;
    if (ownerId === null) return;
    const n = (this.#byOwner.get(ownerId) ?? 0) + delta;
    if (n > 0) this.#byOwner.set(ownerId, n);
    else this.#byOwner.delete(ownerId);
  }

  /** Counts by verdict, added to `into`. */
  addTallyTo(into: VerdictTally): void {
    for (const verdict of Object.keys(this.#tally) as (keyof VerdictTally)[])
      into[verdict] += this.#tally[verdict];
  }

  /** The owners with hot instances (each once). */
  ownerIds(): IterableIterator<string> {
    return this.#byOwner.keys();
  }
}
