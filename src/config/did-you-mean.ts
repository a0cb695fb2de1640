/**
 * Edit distance between two words, case-insensitive: insertions, deletions, substitutions and swaps of
 * two neighbouring letters (`lable` → `label`) each count 1 (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: t.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const up = rows[i - 1] ?? [];
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[s.length]?.[t.length] ?? 0;
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: at most a third of the
 * word's length in edits (at least 1, at most `maxDistance`), or the same word but for `-`, `_`,
 * spaces and case.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance = 3): string | null {
  const normal = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(word.length / 3)));
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
export function didYouMean(word: string, candidates: Iterable<string>, maxDistance = 3): string {
  const match = closest(word, candidates, maxDistance);
  return match === null ? '' : `; did you mean '${match}'?`;
}
