import type { Clock } from '../../src/clock/clock.ts';
import type { Instant, Millis } from '../../src/domain/time.ts';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  private current: Instant;
  constructor(start: Instant) {
    this.current = start;
  }
  now(): Instant {
    return this.current;
  }
  set(t: Instant): void {
    this.current = t;
  }
  advance(d: Millis): Instant {
    this.current += d;
    return this.current;
  }
}
