import type { Millis } from '../../src/domain/time.ts';
import type { FakeClock } from './fake-clock.ts';

interface Sleeper {
  readonly wake: number;
  readonly ms: Millis;
  readonly resolve: () => void;
}

/**
 * Sleeps on a fake clock that end only when the test moves the clock past their wake-up time (unlike
 * `fakeSleep`, which jumps the clock at once): code under test stays "waiting" for as long as the
 * test wants, and the clock shows how long that was. No real time passes.
 */
export class ManualTimers {
  readonly #clock: FakeClock;
  #sleepers: Sleeper[] = [];
  #watchers: ((ms: Millis) => void)[] = [];

  constructor(clock: FakeClock) {
    this.#clock = clock;
  }

  readonly sleep = (ms: Millis): Promise<void> =>
    new Promise<void>((resolve) => {
      this.#sleepers.push({ wake: this.#clock.now() + ms, ms, resolve });
      for (const watch of this.#watchers.splice(0)) watch(ms);
    });

  /** Resolves (with its length) when the next sleep starts. Call it before the code that will sleep. */
  nextSleep(): Promise<Millis> {
    return new Promise((resolve) => this.#watchers.push(resolve));
  }

  /** Sleeps not yet over, by length. */
  get pending(): Millis[] {
    return this.#sleepers.map((s) => s.ms);
  }

  /** Moves the clock and ends every sleep that is now over, in wake-up order. */
  advance(ms: Millis): void {
    this.#clock.advance(ms);
    const now = this.#clock.now();
    const due = this.#sleepers.filter((s) => s.wake <= now).sort((a, b) => a.wake - b.wake);
    this.#sleepers = this.#sleepers.filter((s) => s.wake > now);
    for (const s of due) s.resolve();
  }
}
