import type { Instant } from '../../domain/time.ts';
import type { WatchedInstance, WatchedInstances } from '../../ports/crm-source.ts';

/** What orders an open instance: its lead (`contact:123`) and when it entered its stage. */
export interface InstancePlace {
  readonly id: string;
  readonly lead: Pick<WatchedInstance['lead'], 'objectType' | 'objectId'>;
  readonly enteredAt: Instant;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `contact:123` → its object type and id (the type never holds a colon). */
function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

/**
 * The open instances in lead-key order (`contact:123` < `lead:9`, then by stage entry), kept as
 * the open set changes so the read-back of open leads costs what it reads, not what is open: the
 * next leads of its round and the recent ones are found without listing, keying or sorting every
 * open lead each poll. Parallel arrays, no object per instance.
 */
export class InstanceOrder implements WatchedInstances {
  readonly #ids: string[] = [];
  readonly #types: InstancePlace['lead']['objectType'][] = [];
  readonly #objects: string[] = [];
  readonly #entered: number[] = [];
  #leads = 0;
  readonly #resolve: (id: string) => WatchedInstance | undefined;

  /** @param resolve the open instance with this id, as the read-back sees it */
  constructor(resolve: (id: string) => WatchedInstance | undefined) {
    this.#resolve = resolve;
  }

  /** Distinct leads (several instances of one lead count once). */
  get size(): number {
    return this.#leads;
  }

  /** Instances held. */
  get instances(): number {
    return this.#ids.length;
  }

  add(p: InstancePlace): void {
    const at = this.#search(p.lead.objectType, p.lead.objectId, p.enteredAt, p.id);
    if (this.#ids[at] === p.id) return;
    const shared = this.#sameLead(at - 1, p) || this.#sameLead(at, p);
    this.#ids.splice(at, 0, p.id);
    this.#types.splice(at, 0, p.lead.objectType);
    this.#objects.splice(at, 0, p.lead.objectId);
    this.#entered.splice(at, 0, p.enteredAt);
    if (!shared) this.#leads += 1;
  }

  /**
   * Adds many at once (a start loading every open instance): sorted once, not inserted one by one
   * (100,000 inserts into arrays of up to 100,000 would move billions of slots).
   */
  addAll(places: Iterable<InstancePlace>): void {
    const all: InstancePlace[] = [];
    const seen = new Set(this.#ids);
    for (let i = 0; i < this.#ids.length; i += 1)
      all.push({
        id: this.#ids[i] as string,
        lead: { objectType: this.#types[i] ?? 'contact', objectId: this.#objects[i] as string },
        enteredAt: this.#entered[i] as number,
      });
    for (const p of places)
      if (!seen.has(p.id)) {
        seen.add(p.id);
        all.push(p);
      }
    all.sort(
      (a, b) =>
        compareText(a.lead.objectType, b.lead.objectType) ||
        compareText(a.lead.objectId, b.lead.objectId) ||
        a.enteredAt - b.enteredAt ||
        compareText(a.id, b.id),
    );
    this.#ids.length = 0;
    this.#types.length = 0;
    this.#objects.length = 0;
    this.#entered.length = 0;
    this.#leads = 0;
    for (const p of all) {
      const last = this.#ids.length - 1;
      if (!this.#sameLead(last, p)) this.#leads += 1;
      this.#ids.push(p.id);
      this.#types.push(p.lead.objectType);
      this.#objects.push(p.lead.objectId);
      this.#entered.push(p.enteredAt);
    }
  }

  remove(p: InstancePlace): void {
    const at = this.#search(p.lead.objectType, p.lead.objectId, p.enteredAt, p.id);
    if (this.#ids[at] !== p.id) return;
    this.#ids.splice(at, 1);
    this.#types.splice(at, 1);
    this.#objects.splice(at, 1);
    this.#entered.splice(at, 1);
    if (!(this.#sameLead(at - 1, p) || this.#sameLead(at, p))) this.#leads -= 1;
  }

  next(after: string | null, count: number): string[] {
    const out: string[] = [];
    const n = this.#ids.length;
    if (count <= 0 || n === 0) return out;
    let start = 0;
    if (after !== null) {
      const [type, object] = splitKey(after);
      start = this.#search(type, object, Number.POSITIVE_INFINITY, '\uffff');
    }
    for (let step = 0; step < n && out.length < count; step += 1) {
      const i = (start + step) % n;
      // One key per lead: at the last of its instances (the round wraps at the end of the array).
      if (i + 1 < n && this.#types[i + 1] === this.#types[i] && this.#objects[i + 1] === this.#objects[i])
        continue;
      out.push(`${this.#types[i]}:${this.#objects[i]}`);
    }
    return out;
  }

  /**
   * The leads with an instance that entered its stage at `since` or later: a pass over the parallel
   * arrays (no instance is looked up, no key made for the others); a lead's instances are adjacent,
   * so each lead comes once.
   */
  recent(since: Instant): string[] {
    const keys: string[] = [];
    let last = -1;
    for (let i = 0; i < this.#ids.length; i += 1) {
      if ((this.#entered[i] ?? 0) < since) continue;
      if (last < 0 || this.#types[last] !== this.#types[i] || this.#objects[last] !== this.#objects[i])
        keys.push(`${this.#types[i]}:${this.#objects[i]}`);
      last = i;
    }
    return keys;
  }

  get(key: string): WatchedInstance | undefined {
    const [type, object] = splitKey(key);
    const end = this.#search(type, object, Number.POSITIVE_INFINITY, '\uffff');
    const last = end - 1;
    if (last < 0 || this.#types[last] !== type || this.#objects[last] !== object) return undefined;
    const id = this.#ids[last];
    return id === undefined ? undefined : this.#resolve(id);
  }

  #sameLead(i: number, p: InstancePlace): boolean {
    return (
      i >= 0 &&
      i < this.#ids.length &&
      this.#types[i] === p.lead.objectType &&
      this.#objects[i] === p.lead.objectId
    );
  }

  /** The first position not before (type, object, enteredAt, id). */
  #search(type: string, object: string, enteredAt: number, id: string): number {
    let lo = 0;
    let hi = this.#ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c =
        compareText(this.#types[mid] ?? '', type) ||
        compareText(this.#objects[mid] ?? '', object) ||
        (this.#entered[mid] ?? 0) - enteredAt ||
        compareText(this.#ids[mid] ?? '', id);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
