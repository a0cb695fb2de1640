import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/architecture.md', root), 'utf8');

const PATH = /^(?:src|test|docs|config|bench)\/[\w./-]*$/;
const FENCE = /^```[^\n]*\n([\s\S]*?)^```/gm;

/**
 * The repository paths a page names: code spans that are a path (`src/domain/`, `docs/adr/`), and
 * path-like words inside fenced blocks (the layer picture).
 */
function namedPaths(markdown: string): string[] {
  const fenced = [...markdown.matchAll(FENCE)].flatMap((m) => (m[1] ?? '').split(/\s+/));
  const prose = markdown.replace(FENCE, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  return [...new Set([...spans, ...fenced].filter((word) => PATH.test(word)))];
}

describe('docs/architecture.md', () => {
  it('reads the paths of code spans and of the picture', () => {
    const sample = [
      'See `src/domain/model.ts` and `docs/adr/`; not `Store.commitCycle` or `src/a b`.',
      '```',
      '  src/worker/   the cycle',
      '```',
    ].join('\n');
    expect(namedPaths(sample)).toEqual(['src/domain/model.ts', 'docs/adr/', 'src/worker/']);
  });

  it('names only files and folders that exist', () => {
    const paths = namedPaths(doc);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(new URL(p, root)))).toEqual([]);
  });
});
