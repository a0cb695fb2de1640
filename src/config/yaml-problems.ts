import { isMap, isScalar, isSeq, type Pair, visit, type YAMLError } from 'yaml';
import { type Position, positionOf, type YamlSource } from './yaml-source.ts';

const FIXES: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT:
    'check the indentation: the keys of one map, and the items of one list, start in the same column',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  MULTIPLE_DOCS: "keep one document in the file: remove the '---' line",
  BLOCK_AS_IMPLICIT_KEY: "check the indentation and the ':' after each key",
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line; check for a missing ':' or quote",
  BAD_SCALAR_START: 'quote values that start with a special character (@, `, %, | or >)',
};
const DEFAULT_FIX =
  "check the indentation, the ':' after each key, and quotes around values with special characters";

export interface YamlProblem extends Position {
  readonly message: string;
  /** Only duplicate keys leave a document worth checking further. */
  readonly fatal: boolean;
}

/**
 * The parser's errors as problems that say how to fix them. A syntax error is reported alone: the
 * parser's first error (a tab in the indentation before anything else), because what follows it is
 * mostly the same mistake seen again. Without one, every duplicate key, naming the first occurrence.
 */
export function yamlProblems(source: YamlSource): YamlProblem[] {
  const errors = source.document.errors;
  const syntax = errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  const root = syntax.find((e) => e.code === 'TAB_AS_INDENT') ?? syntax[0];
  if (root) return [{ ...syntaxError(source, root), fatal: true }];
  return errors.map((error) => ({
    ...positionOf(source, error.pos[0]),
    fatal: false,
    message: duplicateKey(source, error),
  }));
}

function syntaxError(source: YamlSource, error: YAMLError): Position & { readonly message: string } {
  const unclosed = unclosedAt(source, error);
  if (unclosed) return unclosed;
  const what = error.message.replace(/\.$/, '').replace(/; please use YAML\.parseAllDocuments\(\)$/, '');
  return {
    ...positionOf(source, error.pos[0]),
    message: `YAML syntax error: ${what}; ${FIXES[error.code] ?? DEFAULT_FIX}`,
  };
}

const OPENERS = { ']': '[', '}': '{' } as const;

/**
 * A bracket or quote that is never closed: the parser reports it where the file (or the block) ends,
 * which says nothing; this finds the node it opens and reports its first character.
 */
function unclosedAt(source: YamlSource, error: YAMLError): (Position & { readonly message: string }) | null {
  const bracket = /end with a ([\]}])$/.exec(error.message)?.[1] as keyof typeof OPENERS | undefined;
  const quote = /^Missing closing (["'])quote$/.exec(error.message)?.[1];
  if (bracket === undefined && quote === undefined) return null;
  let opened: number | null = null;
  visit(source.document, (_key, node) => {
    const range = (node as { range?: readonly number[] } | null)?.range;
    if (range?.[1] !== error.pos[0]) return undefined;
    const matches =
      bracket === ']'
        ? isSeq(node) && node.flow === true
        : bracket === '}'
          ? isMap(node) && node.flow === true
          : isScalar(node) && node.type === (quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
    if (!matches || range[0] === undefined) return undefined;
    opened = range[0];
    return visit.BREAK;
  });
  if (opened === null) return null;
  const position = positionOf(source, opened);
  if (quote !== undefined) {
    const q = quote === '"' ? `'"'` : `"'"`;
    return { ...position, message: `YAML syntax error: this ${q} is never closed; end the value with ${q}` };
  }
  const open = OPENERS[bracket ?? ']'];
  const what = bracket === ']' ? 'list' : 'map';
  const stop = positionOf(source, error.pos[0]);
  const stopLine = source.text.slice(error.pos[0]).split('\n', 1)[0] ?? '';
  const message = stopLine.includes(bracket ?? ']')
    ? `this "${open}" is not closed before line ${stop.line}, which is indented too little; indent the lines of the ${what} further than its key, or write it on one line`
    : `this "${open}" is never closed; end the ${what} with "${bracket}"`;
  return { ...position, message: `YAML syntax error: ${message}` };
}

function duplicateKey(source: YamlSource, error: YAMLError): string {
  const found: { key: string; first: Position | null }[] = [];
  visit(source.document, {
    Map(_, map) {
      const items = map.items as Pair[];
      const duplicate = items.find((p) => isScalar(p.key) && p.key.range?.[0] === error.pos[0]);
      if (!duplicate || !isScalar(duplicate.key)) return undefined;
      const key = String(duplicate.key.value);
      const first = items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      const range = isScalar(first?.key) ? first.key.range : undefined;
      found.push({ key, first: range ? positionOf(source, range[0]) : null });
      return visit.BREAK;
    },
  });
  const [dup] = found;
  if (!dup) return 'duplicate key; each key may appear once in a map, remove or rename one';
  const where = dup.first ? ` (first at line ${dup.first.line})` : '';
  return `duplicate key '${dup.key}'${where}; each key may appear once in a map, remove one or merge them`;
}
