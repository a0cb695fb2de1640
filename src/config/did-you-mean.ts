/** Levenshtein distance (insert, delete, substitute; transposition counts as 2). Case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: at most a third of the
 * word's length in edits (at least 1, at most 3), or the same word with `-`/`_`/case differences.
 */
export function closest(word: string, candidates: Iterable<string>): string | null {
  const normal = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = normal(candidate) === normal(word) ? 0 : editDistance(word, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `"; did you mean 'within'?"`, or `''` when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === null ? '' : `; did you mean '${match}'?`;
}
