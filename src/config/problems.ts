import type { SlaConfig } from './types.ts';

/** One thing wrong with an SLA file, pointing at the YAML node that is wrong (1-based line and column). */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** What is wrong, and how to fix it. */
  readonly message: string;
}

/**
 * A loaded file, or why it cannot be used. Warnings (valid, but probably not meant) come with
 * either: `validate` prints them with the problems, the worker logs them and runs.
 */
export type LoadResult =
  | { readonly ok: true; readonly config: SlaConfig; readonly warnings: readonly ConfigProblem[] }
  | {
      readonly ok: false;
      readonly problems: readonly ConfigProblem[];
      readonly warnings: readonly ConfigProblem[];
    };

/** A path into the parsed YAML: map keys and sequence indexes, e.g. `['policies', 0, 'stage']`. */
export type YamlPath = readonly (string | number)[];

/**
 * A problem before it is placed in the file. `on: 'key'` points at the key itself (unknown or
 * duplicate keys), `'value'` (the default) at the value, or at the enclosing map when the key is missing.
 */
export interface PathProblem {
  readonly path: YamlPath;
  readonly message: string;
  readonly on?: 'key' | 'value';
}

/** `FILE:LINE:COL: message`, the format editors and CI annotate. */
export const formatProblem = (p: ConfigProblem): string => `${p.file}:${p.line}:${p.col}: ${p.message}`;

/** `FILE:LINE:COL: warning: message`, as compilers and CI annotations mark warnings. */
export const formatWarning = (p: ConfigProblem): string =>
  `${p.file}:${p.line}:${p.col}: warning: ${p.message}`;

/** Sorted by position; the same problem reported twice (e.g. through a YAML alias) is kept once. */
export function sortProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message))
    .filter((p) => {
      const key = formatProblem(p);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** `policies[0].first_contact.within` — how messages name a place in the file. */
export function displayPath(path: YamlPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Prefixes a message with the path it is about (nothing at the top level). */
export const at = (path: YamlPath, message: string): string =>
  path.length === 0 ? message : `${displayPath(path)}: ${message}`;
