/** Runs jobs no faster than a budget allows. */
export interface RateLimiter {
  schedule<T>(job: () => Promise<T>): Promise<T>;
}
