import { isScalar, type Pair, visit, type YAMLError } from 'yaml';
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

/** The parser's errors as problems that say how to fix them; duplicate keys name the first occurrence. */
export function yamlProblems(source: YamlSource): YamlProblem[] {
  return source.document.errors.map((error) => {
    const position = positionOf(source, error.pos[0]);
    if (error.code === 'DUPLICATE_KEY')
      return { ...position, fatal: false, message: duplicateKey(source, error) };
    const what = error.message.replace(/\.$/, '').replace(/; please use YAML\.parseAllDocuments\(\)$/, '');
    return {
      ...position,
      fatal: true,
      message: `YAML syntax error: ${what}; ${FIXES[error.code] ?? DEFAULT_FIX}`,
    };
  });
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
