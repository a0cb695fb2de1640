/**
 * How long a sandbox took to answer each request, in ms, in the order answered: from the request's
 * arrival to its answer on the sandbox's clock (the drawn latency plus the work), 429s and injected
 * 5xx included; held (timed-out) requests are not answered, so not listed. Benchmarks read its
 * percentiles to show the latency their figures were measured under.
 */
export class AnswerTimes {
  readonly #ms: number[] = [];

  record(ms: number): void {
    this.#ms.push(ms);
  }

  /** Requests answered so far. */
  get count(): number {
    return this.#ms.length;
  }

  /** The answer times from the `from`-th answer on (a `count` read earlier), or all of them. */
  since(from = 0): readonly number[] {
    return this.#ms.slice(from);
  }
}
