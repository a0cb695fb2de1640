import type { Instant } from '../../domain/time.ts';

/** Slack-looking ids: a prefix letter and upper-case base-36 digits (`U0A1B2C3D4`). */
export class IdFactory {
  private next = 1;

  make(prefix: 'U' | 'C' | 'G' | 'D' | 'V' | 'B' | 'T' | 'A' | 'Ev' | 'Q'): string {
    return `${prefix}0${(this.next++).toString(36).toUpperCase().padStart(8, '0')}`;
  }
}

/**
 * Message timestamps (`"1767184200.000100"`): seconds from the clock and a six-digit sequence, strictly
 * increasing even when the clock stands still (fake clocks in tests).
 */
export class TsFactory {
  private lastSeconds = 0;
  private lastMicros = 0;

  make(now: Instant): string {
    const seconds = Math.floor(now / 1000);
    if (seconds > this.lastSeconds) {
      this.lastSeconds = seconds;
      this.lastMicros = (now % 1000) * 1000;
    } else {
      this.lastMicros += 1;
      if (this.lastMicros > 999_999) {
        this.lastSeconds += 1;
        this.lastMicros = 0;
      }
    }
    return `${this.lastSeconds}.${String(this.lastMicros).padStart(6, '0')}`;
  }
}
