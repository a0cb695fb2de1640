/**
 * Shares one string object among equal short strings: the same country, source, stage, call
 * outcome or owner id read for 100,000 leads is kept once instead of once per lead (strings
 * parsed from the store or the CRM are separate objects even when equal).
 *
 * Bounded: strings longer than `maxLength` are returned as they are, and when `maxEntries`
 * distinct strings are held the table starts over (strings already shared stay shared; values
 * that repeat come back at once, one-off ids and e-mail addresses are let go).
 */
export class Interner {
  readonly #table = new Map<string, string>();
  readonly #maxLength: number;
  readonly #maxEntries: number;

  constructor(options: { readonly maxLength?: number; readonly maxEntries?: number } = {}) {
    this.#maxLength = options.maxLength ?? 64;
    this.#maxEntries = options.maxEntries ?? 50_000;
  }

  /** The shared string equal to `s` (`s` itself the first time it is seen, or when too long). */
  intern(s: string): string {
    if (s.length > this.#maxLength) return s;
    const shared = this.#table.get(s);
    if (shared !== undefined) return shared;
    if (this.#table.size >= this.#maxEntries) this.#table.clear();
    this.#table.set(s, s);
    return s;
  }

  /** `intern` passing `null` through. */
  maybe<T extends string | null>(s: T): T {
    return (s === null ? s : this.intern(s)) as T;
  }

  /** Distinct strings held now (at most `maxEntries`). */
  get size(): number {
    return this.#table.size;
  }
}
