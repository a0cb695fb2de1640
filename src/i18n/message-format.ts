/**
 * A small ICU MessageFormat subset, enough for our catalogues: `{name}` arguments, and
 * `{n, plural, =0 {…} one {…} other {…}}` / `{x, select, a {…} other {…}}` with `#` for the number
 * inside a plural case. Plural categories come from `Intl.PluralRules` of the reader's locale. No
 * apostrophe quoting: catalogue texts never need a literal `{`. Values are inserted as given (callers
 * pass already escaped or marked-up text, as before).
 */

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'arg'; readonly name: string }
  | { readonly kind: 'pound' }
  | {
      readonly kind: 'plural' | 'select';
      readonly name: string;
      readonly cases: ReadonlyMap<string, readonly Node[]>;
    };

export type MessageValues = Readonly<Record<string, string | number>>;

class Parser {
  private pos = 0;
  private readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  parse(): Node[] {
    const nodes = this.nodes(false, false);
    if (this.pos < this.src.length) throw this.error('unexpected }');
    return nodes;
  }

  private error(what: string): Error {
    return new Error(`message format: ${what} at ${this.pos} in "${this.src}"`);
  }

  private nodes(inCase: boolean, inPlural: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') out.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos] as string;
      if (ch === '}') {
        if (!inCase) throw this.error('unexpected }');
        break;
      }
      if (ch === '#' && inPlural) {
        flush();
        out.push({ kind: 'pound' });
        this.pos++;
      } else if (ch === '{') {
        flush();
        out.push(this.argument());
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  private word(): string {
    const m = /^\s*([=\w.]+)\s*/.exec(this.src.slice(this.pos));
    if (!m) throw this.error('expected a name');
    this.pos += m[0].length;
    return m[1] as string;
  }

  private expect(ch: string): void {
    if (this.src[this.pos] !== ch) throw this.error(`expected ${ch}`);
    this.pos++;
  }

  private argument(): Node {
    this.expect('{');
    const name = this.word();
    if (this.src[this.pos] === '}') {
      this.pos++;
      return { kind: 'arg', name };
    }
    this.expect(',');
    const kind = this.word();
    if (kind !== 'plural' && kind !== 'select') throw this.error(`unknown argument type ${kind}`);
    this.expect(',');
    const cases = new Map<string, Node[]>();
    for (;;) {
      const m = /^\s*/.exec(this.src.slice(this.pos));
      this.pos += m?.[0].length ?? 0;
      if (this.src[this.pos] === '}') break;
      const key = this.word();
      this.expect('{');
      cases.set(key, this.nodes(true, kind === 'plural'));
      this.expect('}');
    }
    this.pos++;
    if (!cases.has('other')) throw this.error(`${kind} without an "other" case`);
    return { kind, name, cases };
  }
}

const parsed = new Map<string, readonly Node[]>();

/** Parses (once per text) and checks a message; throws on a malformed one. */
export function parseMessage(text: string): readonly Node[] {
  let nodes = parsed.get(text);
  if (!nodes) {
    nodes = new Parser(text).parse();
    parsed.set(text, nodes);
  }
  return nodes;
}

/** The argument names a message uses, with `plural`/`select` marked: the same in every language. */
export function argumentsOf(text: string): string[] {
  const out = new Set<string>();
  const walk = (nodes: readonly Node[]) => {
    for (const n of nodes) {
      if (n.kind === 'arg') out.add(n.name);
      if (n.kind === 'plural' || n.kind === 'select') {
        out.add(`${n.name}:${n.kind}`);
        for (const c of n.cases.values()) walk(c);
      }
    }
  };
  walk(parseMessage(text));
  return [...out].sort();
}

export interface NumberFormatting {
  readonly plural: Intl.PluralRules;
  readonly number: (n: number) => string;
}

/** Formats a message with its values; a missing value is a bug in the caller and throws. */
export function formatMessage(text: string, values: MessageValues, f: NumberFormatting): string {
  const value = (name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`message format: no value for {${name}} in "${text}"`);
    return v;
  };
  const render = (nodes: readonly Node[], n: number | null): string => {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') out += node.text;
      else if (node.kind === 'pound') out += n === null ? '#' : f.number(n);
      else if (node.kind === 'arg') {
        const v = value(node.name);
        out += typeof v === 'number' ? f.number(v) : v;
      } else {
        const v = value(node.name);
        const pick =
          node.kind === 'plural'
            ? (node.cases.get(`=${v}`) ?? node.cases.get(f.plural.select(Number(v))))
            : node.cases.get(String(v));
        out += render(
          pick ?? (node.cases.get('other') as readonly Node[]),
          node.kind === 'plural' ? Number(v) : n,
        );
      }
    }
    return out;
  };
  return render(parseMessage(text), null);
}
