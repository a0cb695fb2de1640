import type { Instant, Millis } from '../../domain/time.ts';

/** Counts events in a rolling time window (rate limits). Times come from the caller's clock. */
export class RollingWindow {
  private readonly events: Instant[] = [];
  private head = 0;
  readonly size: Millis;

  constructor(size: Millis) {
    this.size = size;
  }

  private prune(now: Instant): void {
    while (this.head < this.events.length && (this.events[this.head] ?? now) <= now - this.size)
      this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events.splice(0, this.head);
      this.head = 0;
    }
  }

  count(now: Instant): number {
    this.prune(now);
    return this.events.length - this.head;
  }

  add(now: Instant): void {
    this.events.push(now);
  }

  /** When the oldest event in the window leaves it (a slot frees up); `now` when the window is empty. */
  nextSlotAt(now: Instant): Instant {
    this.prune(now);
    const oldest = this.events[this.head];
    return oldest === undefined ? now : oldest + this.size;
  }
}
