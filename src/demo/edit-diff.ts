import { type Style, stripAnsi } from './style.ts';

/** A message (or view) as its blocks, each block its terminal lines. */
export type LineGroups = readonly (readonly string[])[];

const plainOf = (group: readonly string[]) => group.map(stripAnsi).join('\n');
const shared = (a: readonly string[], b: readonly string[]) => {
  const bs = new Set(b.map(stripAnsi));
  return a.filter((l) => bs.has(stripAnsi(l))).length;
};

/**
 * What an edit changed, block by block: a changed block with its unchanged lines as context (`  `),
 * lines gone (`- `, struck through) and lines new (`+ `); unchanged blocks are left out. `null` when
 * nothing visible changed. The message's first line leads, so the reader knows which message it is.
 */
export function editDiff(before: LineGroups, after: LineGroups, style: Style): string[] | null {
  const unchanged = new Set(before.map(plainOf));
  const kept = new Set(after.map(plainOf));
  const oldChanged = before.filter((g) => !kept.has(plainOf(g)));
  const used = new Set<readonly string[]>();
  const out: string[] = [];
  const gone = (l: string) => style.red(`- ${style.strike(l)}`);
  const added = (l: string) => style.green(`+ ${l}`);
  for (const [index, group] of after.entries()) {
    if (unchanged.has(plainOf(group))) continue;
    // The changed old block sharing most lines with it, else the changed one in the same place.
    const inPlace = before[index];
    const match =
      oldChanged
        .filter((g) => !used.has(g) && shared(g, group) > 0)
        .sort((a, b) => shared(b, group) - shared(a, group))[0] ??
      (inPlace && oldChanged.includes(inPlace) && !used.has(inPlace) ? inPlace : undefined);
    if (!match) {
      out.push(...group.map(added));
      continue;
    }
    used.add(match);
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
  for (const group of oldChanged) if (!used.has(group)) out.push(...group.map(gone));
  if (out.length === 0) return null;
  const title = after[0]?.[0] ?? '';
  return out.some((l) => stripAnsi(l).endsWith(stripAnsi(title))) ? out : [title, ...out];
}
