/**
 * Keys that occur more than once in the same object of one JSON log line. `JSON.parse` keeps only the
 * last of them, so this reads the raw text: pino writes a child logger's bindings and a line's own
 * metadata side by side, and a key given in both appears twice.
 */
export function duplicateKeys(line: string): string[] {
  const duplicates: string[] = [];
  // One entry per open object (its keys so far) or array (`null`).
  const open: (Set<string> | null)[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '"') {
      let end = i + 1;
      while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
      const keys = open.at(-1);
      if (keys && /^\s*:/.test(line.slice(end + 1))) {
        const key = JSON.parse(line.slice(i, end + 1)) as string;
        if (keys.has(key)) duplicates.push(key);
        keys.add(key);
      }
      i = end + 1;
      continue;
    }
    if (ch === '{') open.push(new Set());
    else if (ch === '[') open.push(null);
    else if (ch === '}' || ch === ']') open.pop();
    i += 1;
  }
  return duplicates;
}

/** Each non-empty line of raw JSON-lines log output with the keys it repeats, for those that do. */
export const linesWithDuplicateKeys = (raw: string): { line: string; keys: string[] }[] =>
  raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ line, keys: duplicateKeys(line) }))
    .filter((l) => l.keys.length > 0);
