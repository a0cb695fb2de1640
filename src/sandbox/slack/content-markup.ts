import type { Directory } from './directory.ts';
import {
  type Found,
  type Link,
  type Markup,
  mergeMarkup,
  NO_MARKUP,
  type ParseOptions,
  parseMarkup,
} from './markup.ts';

type Lookups = Pick<ParseOptions, 'userByName' | 'channelByName'>;

/** Name look-ups for `@name` / `#name` against the sandbox workspace. */
export const directoryLookups = (directory: Directory): Lookups => ({
  userByName: (name) => directory.allUsers().find((u) => u.name === name)?.id ?? null,
  channelByName: (name) => directory.channel(`#${name}`)?.id ?? null,
});

/** How the top-level `text` of a `chat.*` call is parsed, from its `parse` and `link_names` arguments. */
export function textParsing(parse: string | null, linkNames: boolean, lookups: Lookups = {}): ParseOptions {
  return {
    manual: parse !== 'full',
    // Slack linkifies bare URLs unless `parse=none` is sent (api.slack.com/docs/formatting, "Parsing modes").
    urls: parse !== 'none',
    names: linkNames || parse === 'full',
    ...lookups,
  };
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(node: unknown, at: string, lookups: Lookups, out: Markup[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => {
      walk(n, `${at}/${i}`, lookups, out);
    });
    return;
  }
  if (!isObj(node)) return;
  if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') {
    // mrkdwn without `verbatim: true` is parsed automatically; plain_text is, on the stricter reading,
    // still searched for `<…>` markup (see SC rows: node-slack-sdk#712 saw `<@name>` resolved in it).
    const auto = node.type === 'mrkdwn' && node.verbatim !== true;
    out.push(parseMarkup(node.text, `${at}/text`, { manual: true, urls: auto, names: auto, ...lookups }));
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'url' && typeof value === 'string') {
      const link: Found<Link> = { url: value, label: null, auto: false, where: `${at}/url` };
      out.push({ mentions: [], links: [link] });
    } else walk(value, `${at}/${key}`, lookups, out);
  }
}

/** Mentions and links in blocks (or a whole view) under the JSON pointer `root`. */
export function blocksMarkup(blocks: unknown, root: string, lookups: Lookups = {}): Markup {
  const out: Markup[] = [];
  walk(blocks, root, lookups, out);
  return mergeMarkup(out);
}

/** Mentions and links of a message: its `text` and its blocks. */
export function messageMarkup(text: string | null, blocks: unknown, textOptions: ParseOptions): Markup {
  const lookups: Lookups = {
    ...(textOptions.userByName ? { userByName: textOptions.userByName } : {}),
    ...(textOptions.channelByName ? { channelByName: textOptions.channelByName } : {}),
  };
  return mergeMarkup([
    text === null ? NO_MARKUP : parseMarkup(text, '/text', textOptions),
    blocks === null ? NO_MARKUP : blocksMarkup(blocks, '/blocks', lookups),
  ]);
}
