import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/platform-contract.md', root), 'utf8');

interface Row {
  readonly id: string;
  readonly behaviour: string;
  readonly source: string;
  readonly enforcedBy: string;
}

/** Table rows whose first cell is a row id (`HB-1`, `SD-12`…); `\|` inside a cell is text. */
function contractRows(markdown: string): Row[] {
  const rows: Row[] = [];
  for (const line of markdown.split('\n')) {
    if (!/^\| [A-Z]{2}-\d+ \|/.test(line)) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    const [id = '', behaviour = '', source = '', enforcedBy = '', ...extra] = cells;
    expect(extra, `row ${id} has more than four cells`).toEqual([]);
    rows.push({ id, behaviour, source, enforcedBy });
  }
  return rows;
}

const rows = contractRows(doc);

/**
 * What counts as a source: a URL, the spec collection, a published package's files, an RFC, a public
 * issue or pull request, or other rows of this page (a row derived from them).
 */
const PUBLIC_SOURCE =
  /https?:\/\/|spec |PublicApiSpecs\/|@slack\/|@hubspot\/|node_modules\/|docs\.slack\.dev|api\.slack\.com|RFC \d+|PR #\d+|#\d+|\b[A-Z]{2}-\d+\b/;
const testFiles = (cell: string): string[] =>
  [...cell.matchAll(/test\/[\w./-]+\.test\.ts/g)].map((m) => m[0]);

describe('docs/platform-contract.md', () => {
  it('holds at least 40 rows, each id once', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const ids = rows.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives every row a behaviour, a public source and an enforcing test file that exists', () => {
    const problems: string[] = [];
    for (const row of rows) {
      if (row.behaviour.length < 20) problems.push(`${row.id}: no behaviour`);
      if (!PUBLIC_SOURCE.test(row.source)) problems.push(`${row.id}: no public source`);
      const files = testFiles(row.enforcedBy);
      if (files.length === 0) problems.push(`${row.id}: no enforcing test file`);
      for (const file of files)
        if (!existsSync(new URL(file, root))) problems.push(`${row.id}: ${file} does not exist`);
    }
    expect(problems).toEqual([]);
  });
});
