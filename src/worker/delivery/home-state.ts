import type { Instant } from '../../domain/time.ts';

/** The App Home stage's memory: which reps' Home tabs are out of date, and when each was published. */
export class HomeState {
  /** Owners whose App Home tab shows outdated leads, in the order they were marked. */
  readonly dirty = new Set<string>();
  /** When each rep's Home was last published. */
  readonly shownAt = new Map<string, Instant>();
}
