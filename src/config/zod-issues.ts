import type { z } from 'zod';
import { closest, didYouMean } from './did-you-mean.ts';
import { at, type PathProblem, type YamlPath } from './problems.ts';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

export const MISSING = 'is required; add it';

/** The help text of a key, for "is required" messages (the schema's description). */
export type DescribeField = (path: YamlPath) => string | null;

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map (key: value lines)',
  record: 'a map (key: value lines)',
  array: 'a list',
};

/** How a YAML value reads in a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

/**
 * The per-parse error map: messages for people, used wherever a schema gives none of its own.
 * For unknown keys it also records the allowed keys on the issue (`known`), for "did you mean".
 */
export function issueMessage(iss: RawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return MISSING;
      if (iss.input === null) return 'is empty; give a value';
      return `expected ${NOUNS[iss.expected] ?? iss.expected}, got ${describeValue(iss.input)}`;
    case 'invalid_value':
      return `${describeValue(iss.input)} is not allowed; use one of: ${iss.values.map(String).join(', ')}${didYouMean(String(iss.input), iss.values.map(String))}`;
    case 'too_small':
      if (iss.origin === 'array')
        return iss.minimum === 1 ? 'is empty; list at least one' : `needs at least ${iss.minimum} items`;
      if (iss.origin === 'string') return 'is empty; give a value';
      return `is ${String(iss.input)}, must be at least ${iss.minimum}`;
    case 'too_big':
      return iss.origin === 'array'
        ? `has more than ${iss.maximum} items`
        : `is ${String(iss.input)}, must be at most ${iss.maximum}`;
    case 'unrecognized_keys': {
      const shape = (iss.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape ?? {};
      Object.assign(iss, { known: Object.keys(shape) });
      return 'unknown key';
    }
    case 'invalid_format':
      return `${describeValue(iss.input)} has the wrong format`;
    case 'invalid_union':
      return iss.input === undefined
        ? MISSING
        : `${describeValue(iss.input)} matches none of the allowed forms`;
    default:
      return undefined;
  }
}

/**
 * Turns zod issues into problems at YAML paths: one per unknown key, union errors unpacked. Where a
 * map has an unknown key, the consequences of that typo (the key it meant "is missing", a check of
 * how the fields combine) are left out. A missing key "is required" (with its help text), whatever
 * message its schema has for a wrong value: the issues must be parsed with `reportInput: true`.
 */
export function issuesToProblems(
  reported: readonly Issue[],
  describe: DescribeField = () => null,
  base: YamlPath = [],
): PathProblem[] {
  const issues = reported.map((issue) => (isMissing(issue) ? { ...issue, message: MISSING } : issue));
  const withTypos = new Set<string>();
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    withTypos.add(pathKey(issue.path));
    const known = (issue as { known?: readonly string[] }).known ?? [];
    for (const k of issue.keys) {
      const guess = closest(k, known);
      if (guess !== null) meant.add(pathKey([...issue.path, guess]));
    }
  }
  const consequence = (issue: Issue): boolean => {
    if (issue.message === MISSING) return meant.has(pathKey(issue.path));
    const depth = issue.code === 'custom' ? issue.params?.crossField : undefined;
    return (
      typeof depth === 'number' && withTypos.has(pathKey(issue.path.slice(0, issue.path.length - depth)))
    );
  };
  return issues
    .filter((issue) => !consequence(issue))
    .flatMap((issue) => issueToProblems(issue, [...base, ...(issue.path as (string | number)[])], describe));
}

/** No value at all where one is required: the key is not in the map (YAML has no `undefined`). */
const isMissing = (issue: Issue): boolean =>
  (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
  'input' in issue &&
  issue.input === undefined;

/** "is required", with what the key is for: its help text, or the first sentence of a long one. */
function required(path: YamlPath, describe: DescribeField): string {
  const help = describe(path);
  if (help === null) return MISSING;
  const short = help.length > 100 ? (help.split(/(?<!e\.g|i\.e)\.\s+(?=[A-Z])/)[0] ?? help) : help;
  return `${MISSING} (${short.replace(/\.$/, '')})`;
}

const pathKey = (path: readonly PropertyKey[]): string => JSON.stringify(path.map(String));

function issueToProblems(issue: Issue, path: YamlPath, describe: DescribeField): PathProblem[] {
  if (issue.message === MISSING) return [{ path, message: at(path, required(path, describe)) }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = (issue as { known?: readonly string[] }).known ?? [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        on: 'key' as const,
        message: at([...path, key], unknownKey(key, known)),
      }));
    }
    case 'invalid_key':
      return [{ path, on: 'key', message: at(path, issue.issues[0]?.message ?? issue.message) }];
    case 'invalid_union': {
      const matching = issue.errors.filter((option) => option.length > 0 && !option.some(failsAtRoot));
      const only = matching.length === 1 ? matching[0] : undefined;
      if (only) return issuesToProblems(only, describe, path);
      return [{ path, message: at(path, issue.message) }];
    }
    case 'custom': {
      const on = issue.params?.on === 'key' ? 'key' : 'value';
      return [{ path, on, message: at(path, issue.message) }];
    }
    default:
      return [{ path, message: at(path, issue.message) }];
  }
}

/** A union option failed at its root: the value has the wrong type for it, so its details don't help. */
const failsAtRoot = (issue: Issue): boolean =>
  issue.path.length === 0 &&
  (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union');

function unknownKey(key: string, known: readonly string[]): string {
  const hint = didYouMean(key, known);
  return hint === '' ? `unknown key; allowed here: ${known.join(', ')}` : `unknown key${hint}`;
}
