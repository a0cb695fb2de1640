import { type Style, stripAnsi } from './style.ts';

/** A message (or view) as its blocks, each block its terminal lines. */
export type LineGroups = readonly (readonly string[])[];

const plainOf = (group: readonly string[]) => group.map(stripAnsi).join('\n');
const shared = (a: readonly string[], b: readonly string[]) => {
  const bs = new Set(b.map(stripAnsi));
  return a.filter((l) => bs.has(stripAnsi(l))).length;
};

/** Pairs each changed new block with the old block it replaced: most lines in common, else same place. */
function pair(before: LineGroups, after: LineGroups): Map<readonly string[], readonly string[]> {
  const kept = new Set(after.map(plainOf));
  const unchanged = new Set(before.map(plainOf));
  const oldChanged = before.filter((g) => !kept.has(plainOf(g)));
  const newChanged = after.filter((g) => !unchanged.has(plainOf(g)));
  const matches = new Map<readonly string[], readonly string[]>();
  const used = new Set<readonly string[]>();
  const candidates = newChanged
    .flatMap((g) => oldChanged.map((o) => ({ g, o, n: shared(o, g) })))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);
  for (const { g, o } of candidates) {
    if (matches.has(g) || used.has(o)) continue;
    matches.set(g, o);
    used.add(o);
  }
  for (const g of newChanged) {
    const inPlace = before[after.indexOf(g)];
    if (matches.has(g) || !inPlace || used.has(inPlace) || !oldChanged.includes(inPlace)) continue;
    matches.set(g, inPlace);
    used.add(inPlace);
  }
  return matches;
}

/**
 * What an edit changed, block by block: a changed block with its unchanged lines as context (`  `),
 * lines gone (`- `, struck through) and lines new (`+ `); unchanged blocks are left out. `null` when
 * nothing visible changed. The message's first line leads, so the reader knows which message it is.
 */
export function editDiff(before: LineGroups, after: LineGroups, style: Style): string[] | null {
  const unchanged = new Set(before.map(plainOf));
  const kept = new Set(after.map(plainOf));
  const matches = pair(before, after);
  const replaced = new Set(matches.values());
  const out: string[] = [];
  const gone = (l: string) => style.red(`- ${style.strike(l)}`);
  const added = (l: string) => style.green(`+ ${l}`);
  for (const group of after) {
    if (unchanged.has(plainOf(group))) continue;
    const match = matches.get(group);
    if (!match) {
      out.push(...group.map(added));
      continue;
    }
    const now = new Set(group.map(stripAnsi));
    const was = new Set(match.map(stripAnsi));
    // Context first, then what went, then what came in its place.
    const removed = match.filter((l) => !now.has(stripAnsi(l))).map(gone);
    for (const line of group) {
      if (was.has(stripAnsi(line))) out.push(`  ${line}`);
      else out.push(...removed.splice(0), added(line));
    }
    out.push(...removed);
  }
  for (const group of before)
    if (!kept.has(plainOf(group)) && !replaced.has(group)) out.push(...group.map(gone));
  if (out.length === 0) return null;
  const title = after[0]?.[0] ?? '';
  return out.some((l) => stripAnsi(l).endsWith(stripAnsi(title))) ? out : [title, ...out];
}
