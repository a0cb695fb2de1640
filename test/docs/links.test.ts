import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

const filesUnder = (dir: string, ext: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => relative(root, join(e.parentPath, e.name)));

const PAGES = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...filesUnder('docs', '.md')];

/** Relative link targets of a Markdown page: `[text](target)`, without anchors, not URLs. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  return targets.filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#')).map((t) => t.replace(/#.*$/, ''));
}

/** Paths a page names in code spans (`docs/architecture.md`, `src/worker/`). */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  return spans.filter((s) => /^(?:src|test|docs|config|bench)\/[\w./-]*$/.test(s) && !/\*|NNNN/.test(s));
}

describe('documentation links', () => {
  it('finds links and paths in a sample', () => {
    const sample = 'See [the docs](docs/hubspot.md#scopes), [web](https://x.example) and `docs/adr/`.';
    expect(relativeLinks(sample)).toEqual(['docs/hubspot.md']);
    expect(namedPaths(sample)).toEqual(['docs/adr/']);
  });

  it.each(PAGES)('%s links only to files that exist', (page) => {
    const text = readFileSync(join(root, page), 'utf8');
    const missing = relativeLinks(text).filter((t) => !existsSync(join(root, dirname(page), t)));
    expect(missing).toEqual([]);
  });

  it('CONTRIBUTING.md names only paths that exist', () => {
    const text = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
    expect(namedPaths(text).filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it('no source comment cites a document the repository does not have', () => {
    const cited = filesUnder('src', '.ts').flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/\b([\w-]+\.md)\b/g)]
        .map((m) => m[1] ?? '')
        .filter((doc) => !['', 'docs', 'docs/adr'].some((dir) => existsSync(join(root, dir, doc))))
        .map((doc) => `${file}: ${doc}`),
    );
    expect(cited).toEqual([]);
  });
});
