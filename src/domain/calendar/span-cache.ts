import type { OpenSpan } from './open-span.ts';

/**
 * A bounded memo of spans by week number. When full, the oldest entry goes (insertion order), which
 * suits the access pattern: a burst of evaluations around "now", drifting forward.
 */
export class SpanCache {
  private readonly entries = new Map<number, OpenSpan>();
  private readonly capacity: number;
  private readonly build: (week: number) => OpenSpan;
  private lastWeek = Number.NaN;
  private lastSpan: OpenSpan | undefined;

  constructor(capacity: number, build: (week: number) => OpenSpan) {
    this.capacity = capacity;
    this.build = build;
  }

  get(week: number): OpenSpan {
    if (week === this.lastWeek && this.lastSpan !== undefined) return this.lastSpan;
    let span = this.entries.get(week);
    if (span === undefined) {
      span = this.build(week);
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next();
        if (oldest.done !== true) this.entries.delete(oldest.value);
      }
      this.entries.set(week, span);
    }
    this.lastWeek = week;
    this.lastSpan = span;
    return span;
  }

  get size(): number {
    return this.entries.size;
  }
}
