import type { Report } from '../../domain/reports/index.ts';
import type { Instant, Millis } from '../../domain/time.ts';

/**
 * Recent reports by filter set: a dashboard page and its click-throughs reuse one computation
 * (a 10,000-lead report takes about a second). Concurrent requests for the same filters share it.
 */
export class ReportCache {
  readonly #ttl: Millis;
  readonly #max: number;
  readonly #entries = new Map<string, { at: Instant; report: Promise<Report> }>();

  constructor(ttl: Millis, max = 16) {
    this.#ttl = ttl;
    this.#max = max;
  }

  get(key: string, now: Instant, compute: () => Promise<Report>): Promise<Report> {
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.#ttl) return hit.report;
    const report = compute();
    this.#entries.set(key, { at: now, report });
    // A failed computation is not kept: the next request tries again.
    report.catch(() => {
      if (this.#entries.get(key)?.report === report) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return report;
  }
}
