import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  type Pair,
  parseDocument,
  type YAMLError,
} from 'yaml';
import type { PathProblem, YamlPath } from './problems.ts';

/** A parsed SLA file that can say where any path in it is. */
export interface YamlSource {
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Parses with positions, YAML 1.2, merge keys (`<<: *defaults`) and duplicate keys as errors. */
export function parseYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true });
  return { text, document, lineCounter };
}

/** The top level is a map of keys (not empty, not a list or a single value). */
export const isMapDocument = (source: YamlSource): boolean => isMap(source.document.contents);

export const positionOf = (source: YamlSource, offset: number): Position =>
  source.lineCounter.linePos(offset);

export const errorPosition = (source: YamlSource, error: YAMLError): Position =>
  positionOf(source, error.pos[0]);

/**
 * Where a problem is: the key or value node at `path`. When the path leads nowhere (a missing key),
 * the key of the deepest map that exists (`benelux:` for `teams.benelux.manager`), or that map when it
 * has no key (a list item, the top level); when the value is empty (`key:`), the key.
 */
export function locate(source: YamlSource, problem: Pick<PathProblem, 'path' | 'on'>): Position {
  let node: unknown = source.document.contents;
  let keyNode: unknown = null;
  let found: unknown = node;
  for (const segment of problem.path) {
    node = resolveAlias(source, node);
    const pair = isMap(node) ? findPair(source, node.items, String(segment)) : null;
    if (pair) {
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = null;
      node = node.items[segment];
    } else {
      return start(source, keyNode ?? found);
    }
    found = isEmpty(node) && keyNode ? keyNode : node;
  }
  if (problem.on === 'key' && keyNode) return start(source, keyNode);
  return start(source, found);
}

/** The pair with this key, also through merge keys (`<<: *base` or `<<: [*a, *b]`). */
function findPair(source: YamlSource, items: readonly Pair[], key: string): Pair | null {
  const own = items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (own) return own;
  for (const merge of items.filter((p) => isScalar(p.key) && p.key.value === '<<')) {
    const value = resolveAlias(source, merge.value);
    const sources = isSeq(value) ? value.items.map((v) => resolveAlias(source, v)) : [value];
    for (const s of sources) {
      const pair = isMap(s) ? findPair(source, s.items as Pair[], key) : null;
      if (pair) return pair;
    }
  }
  return null;
}

const resolveAlias = (source: YamlSource, node: unknown): unknown =>
  isAlias(node) ? (node.resolve(source.document) ?? node) : node;

const isEmpty = (node: unknown): boolean =>
  node === null || node === undefined || (isScalar(node) && node.value === null);

function start(source: YamlSource, node: unknown): Position {
  return isNode(node) && node.range ? positionOf(source, node.range[0]) : { line: 1, col: 1 };
}

/**
 * The value a comment swallowed (`channel: #sales` is an empty value and a comment), if any, without
 * the comment written after it (`#sales  # team channel` → `sales`): what belongs in the quotes.
 */
export function commentedOutValue(source: YamlSource, path: YamlPath): string | null {
  let node: unknown = source.document.contents;
  for (const segment of path) {
    node = resolveAlias(source, node);
    if (isMap(node)) node = findPair(source, node.items, String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return null;
  }
  if (!isScalar(node) || node.value !== null || !node.comment) return null;
  const [value = ''] = node.comment.trim().split(/\s+#|\n/);
  return value.trim() === '' ? null : value.trim();
}
