import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ConfigProblem, type LoadResult, type PathProblem, sortProblems } from './problems.ts';
import { checkReferences } from './references.ts';
import { resolveConfig } from './resolve/resolve-config.ts';
import { SlaFile } from './schema/sla-file.ts';
import { isMapDocument, yamlProblems } from './yaml-problems.ts';
import { commentedOutValue, locate, parseYaml, type YamlSource } from './yaml-source.ts';
import { issueMessage, issuesToProblems } from './zod-issues.ts';

const START_HINT = 'start from config/sla.yaml, which lists every key';

/**
 * Parses and checks an SLA file: YAML syntax → strict schema → references → resolved `SlaConfig`.
 * Every problem found is reported at once, sorted by position, as `FILE:LINE:COL: message`.
 */
export function loadSlaConfigText(text: string, file: string): LoadResult {
  const source = parseYaml(text);
  const yaml = yamlProblems(source).map((p) => ({
    file,
    line: p.line,
    col: p.col,
    message: p.message,
    fatal: p.fatal,
  }));
  const fail = (problems: readonly ConfigProblem[]): LoadResult => ({
    ok: false,
    problems: sortProblems(problems),
  });
  const strip = ({ fatal: _, ...p }: (typeof yaml)[number]): ConfigProblem => p;
  if (yaml.some((p) => p.fatal)) return fail(yaml.map(strip));
  if (!isMapDocument(source)) {
    const what = source.document.contents === null ? 'the file is empty' : 'the file is not a map of keys';
    return fail([...yaml.map(strip), { file, line: 1, col: 1, message: `${what}; ${START_HINT}` }]);
  }
  const raw = toData(source);
  if (raw instanceof Error) return fail([{ file, line: 1, col: 1, message: raw.message }]);
  const parsed = SlaFile.safeParse(raw, { error: issueMessage });
  const place = placer(source, file);
  const found = [...(parsed.success ? [] : issuesToProblems(parsed.error.issues)), ...checkReferences(raw)];
  if (yaml.length > 0 || found.length > 0 || !parsed.success)
    return fail([...yaml.map(strip), ...found.map(place)]);
  const resolved = resolveConfig(parsed.data, {
    file,
    locate: (path) => ({ file, ...locate(source, { path, on: 'key' }) }),
  });
  if ('problems' in resolved) return fail(resolved.problems.map(place));
  return { ok: true, config: resolved.config };
}

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
    return { ok: false, problems: [{ file: path, line: 1, col: 1, message: why }] };
  }
  return loadSlaConfigText(text, path);
}

/** The document as plain data; a YAML alias bomb (aliases expanding without bound) is refused. */
function toData(source: YamlSource): unknown {
  try {
    return source.document.toJS({ maxAliasCount: 1_000 });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return new Error('YAML aliases (*name) expand to too much data; use fewer, or write the values out');
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
