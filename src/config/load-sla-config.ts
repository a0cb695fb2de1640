import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { configWarnings } from './config-warnings.ts';
import { describeField } from './json-schema.ts';
import { type ConfigProblem, type LoadResult, type PathProblem, sortProblems } from './problems.ts';
import { checkReferences } from './references.ts';
import { resolveConfig } from './resolve/resolve-config.ts';
import { SlaFile } from './schema/sla-file.ts';
import { yamlProblems } from './yaml-problems.ts';
import { commentedOutValue, isMapDocument, locate, parseYaml, type YamlSource } from './yaml-source.ts';
import { issueMessage, issuesToProblems } from './zod-issues.ts';

/**
 * Parses and checks an SLA file: YAML syntax → strict schema → references → resolved `SlaConfig`.
 * Every problem found is reported at once, sorted by position, as `FILE:LINE:COL: message`. Only a
 * YAML syntax error stops early (duplicate keys do not), and is reported alone: past it the structure
 * cannot be trusted. Warnings (valid, but probably not meant) are found on any file that reads as YAML.
 */
export function loadSlaConfigText(text: string, file: string): LoadResult {
  const source = parseYaml(text);
  const syntax = yamlProblems(source);
  const yaml = syntax.map(({ line, col, message }): ConfigProblem => ({ file, line, col, message }));
  if (syntax.some((p) => p.fatal)) return failed(yaml);
  const data = toData(source);
  if ('unusable' in data) return failed([...yaml, { file, line: 1, col: 1, message: data.unusable }]);
  const place = placer(source, file);
  const warnings = sortProblems(configWarnings(data.value).map(place));
  const parsed = SlaFile.safeParse(data.value, { error: issueMessage, reportInput: true });
  const found = [
    ...(parsed.success ? [] : issuesToProblems(parsed.error.issues, describeField)),
    ...checkReferences(data.value),
  ];
  if (!parsed.success || yaml.length > 0 || found.length > 0)
    return failed([...yaml, ...found.map(place)], warnings);
  const resolved = resolveConfig(parsed.data, {
    file,
    locate: (path) => ({ file, ...locate(source, { path, on: 'key' }) }),
  });
  if ('problems' in resolved) return failed(resolved.problems.map(place), warnings);
  return { ok: true, config: resolved.config, warnings };
}

const failed = (problems: readonly ConfigProblem[], warnings: readonly ConfigProblem[] = []): LoadResult => ({
  ok: false,
  problems: sortProblems(problems),
  warnings,
});

/** Reads and loads a file; `path` is resolved against `cwd` but reported as given. */
export async function loadSlaConfigFile(
  path: string,
  options: { readonly cwd?: string } = {},
): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(resolve(options.cwd ?? '.', path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file; check the path, or set SLA_CONFIG'
        : code === 'EISDIR'
          ? 'is a directory, not an SLA file'
          : `cannot be read (${code ?? String(error)})`;
    return { ok: false, problems: [{ file: path, line: 1, col: 1, message: why }], warnings: [] };
  }
  return loadSlaConfigText(text, path);
}

/**
 * The document as plain data, when it is a map of keys. A YAML alias bomb (aliases expanding
 * without bound) is refused rather than expanded.
 */
function toData(source: YamlSource): { readonly value: unknown } | { readonly unusable: string } {
  if (!isMapDocument(source)) {
    const what = source.document.contents === null ? 'the file is empty' : 'the file is not a map of keys';
    return { unusable: `${what}; start from config/sla.yaml, which lists every key` };
  }
  try {
    return { value: source.document.toJS({ maxAliasCount: 1_000 }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { unusable: 'YAML aliases (*name) expand to too much data; use fewer, or write the values out' };
  }
}

const placer =
  (source: YamlSource, file: string) =>
  (problem: PathProblem): ConfigProblem => {
    const comment = commentedOutValue(source, problem.path);
    const hint =
      comment === null
        ? ''
        : ` ('#${comment}' was read as a YAML comment; put the value in quotes: "#${comment}")`;
    return { file, ...locate(source, problem), message: problem.message + hint };
  };
