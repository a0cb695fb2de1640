import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOMAIN = join(ROOT, 'src/domain');

/**
 * Packages the pure core may use. Nothing else: no `node:` module either (the domain does no I/O);
 * the layers above hand it what it needs, and the types it shares with them live in `src/domain`.
 */
const ALLOWED_PACKAGES: ReadonlySet<string> = new Set(['luxon']);

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/**
 * The module specifiers a TypeScript file names: imports and re-exports (type-only ones too),
 * side-effect imports and dynamic `import()`. Comment lines are skipped.
 */
function specifiers(source: string): string[] {
  const code = source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');
  const pattern = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])(.+?)\1|\bimport\s*(?:\(\s*)?(['"])(.+?)\3/g;
  return [...code.matchAll(pattern)].map((m) => m[2] ?? m[4] ?? '');
}

/** Why `specifier`, imported by `file`, leaves the domain; `null` when it stays inside. */
function leaves(file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    const target = relative(DOMAIN, resolve(dirname(file), specifier));
    return target.startsWith('..') || isAbsolute(target)
      ? `reaches ${relative(ROOT, join(DOMAIN, target))}`
      : null;
  }
  return ALLOWED_PACKAGES.has(specifier) ? null : `uses the package ${specifier}`;
}

describe('the domain imports nothing above it', () => {
  it('reads every kind of import', () => {
    const source = [
      "import type { A } from './a.ts';",
      'import {',
      '  type B,',
      '  c,',
      "} from '../b.ts';",
      "export * from './d.ts';",
      "export type { E } from './e.ts';",
      "import 'node:fs';",
      "const f = await import('../../f.ts');",
      "// import { g } from 'g'",
      " * import { h } from 'h'",
      "const text = 'import nothing from here';",
    ].join('\n');
    expect(specifiers(source)).toEqual(['./a.ts', '../b.ts', './d.ts', './e.ts', 'node:fs', '../../f.ts']);
  });

  it('tells an import that stays inside from one that leaves', () => {
    const file = join(DOMAIN, 'sla/transitions.ts');
    expect(leaves(file, '../model.ts')).toBeNull();
    expect(leaves(file, './instance-book.ts')).toBeNull();
    expect(leaves(file, 'luxon')).toBeNull();
    expect(leaves(file, '../../config/types.ts')).toBe('reaches src/config/types.ts');
    expect(leaves(file, '../../ports/crm-source.ts')).toBe('reaches src/ports/crm-source.ts');
    expect(leaves(file, 'zod')).toBe('uses the package zod');
    expect(leaves(file, 'node:fs')).toBe('uses the package node:fs');
  });

  it('every file under src/domain imports only src/domain and its allowed packages', () => {
    const domainFiles = files(DOMAIN);
    expect(domainFiles.length).toBeGreaterThan(50);
    const problems = domainFiles.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const why = leaves(file, specifier);
        return why === null ? [] : [`${relative(ROOT, file)}: '${specifier}' ${why}`];
      }),
    );
    expect(
      problems,
      'move the types the domain needs into src/domain; the layers above import them from there',
    ).toEqual([]);
  });
});
