/**
 * What Slack makes of text it is given: mentions and links, found the way Slack's server does it
 * (api.slack.com/docs/formatting, docs.slack.dev/messaging/formatting-message-text), so a test can see
 * an unescaped `<!channel>` in a lead's name. Rows SC-* of docs/platform-contract.md.
 *
 * - Manual markup: every `<…>` sequence. `<@U…>` / `<@W…>` mention a user, `<#C…>` links a channel,
 *   `<!here>` / `<!channel>` / `<!everyone>` (and `<!group>`) notify everyone, `<!subteam^S…>` a user
 *   group, `<!date^…>` is a date; any other `<target|label>` is a link (Slack's own parsing rule 5).
 * - Automatic parsing: bare URLs and e-mail addresses become links, and (with `link_names` or
 *   `parse=full`, or in a mrkdwn object without `verbatim: true`) `@here`, `@channel`, `@everyone`
 *   become mentions and `@name` / `#name` of known users and channels are linked.
 */

export type Mention =
  | { readonly kind: 'broadcast'; readonly target: 'channel' | 'here' | 'everyone' }
  | { readonly kind: 'user'; readonly id: string }
  | { readonly kind: 'channel'; readonly id: string }
  | { readonly kind: 'usergroup'; readonly id: string };

export interface Link {
  readonly url: string;
  readonly label: string | null;
  /** Made by automatic parsing from bare text, not written as `<…>` by the app. */
  readonly auto: boolean;
}

/** Where a mention or link was found: a JSON pointer into the call (`/text`, `/blocks/0/text/text`). */
export type Found<T> = T & { readonly where: string };

export interface Markup {
  readonly mentions: readonly Found<Mention>[];
  readonly links: readonly Found<Link>[];
}

export const NO_MARKUP: Markup = { mentions: [], links: [] };

export interface ParseOptions {
  /** `<…>` sequences are markup (off only with `parse=full`, which escapes them). */
  readonly manual: boolean;
  /** Bare URLs and e-mail addresses become links. */
  readonly urls: boolean;
  /** `@here` / `@channel` / `@everyone`, `@name` and `#name` are parsed. */
  readonly names: boolean;
  readonly userByName?: (name: string) => string | null;
  readonly channelByName?: (name: string) => string | null;
}

const decode = (s: string): string =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

const BROADCAST: Record<string, 'channel' | 'here' | 'everyone'> = {
  here: 'here',
  channel: 'channel',
  group: 'channel',
  everyone: 'everyone',
};

function manualToken(body: string, where: string, out: { mentions: Found<Mention>[]; links: Found<Link>[] }) {
  const bar = body.indexOf('|');
  const target = bar === -1 ? body : body.slice(0, bar);
  const label = bar === -1 ? null : decode(body.slice(bar + 1));
  if (target.startsWith('@')) out.mentions.push({ kind: 'user', id: target.slice(1), where });
  else if (target.startsWith('#')) out.mentions.push({ kind: 'channel', id: target.slice(1), where });
  else if (target.startsWith('!subteam^'))
    out.mentions.push({ kind: 'usergroup', id: target.slice(9), where });
  else if (target.startsWith('!')) {
    const broadcast = BROADCAST[target.slice(1)];
    if (broadcast) out.mentions.push({ kind: 'broadcast', target: broadcast, where });
    // `<!date^…>` and unknown commands are shown as text.
  } else out.links.push({ url: decode(target), label, auto: false, where });
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>|]+/gi;
const EMAIL_RE = /[^\s<>|@:;,()"'*_~`]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const NAME_RE = /(^|[^\w@#])([@#])([\w.-]+)/g;

function bareText(
  text: string,
  where: string,
  o: ParseOptions,
  out: { mentions: Found<Mention>[]; links: Found<Link>[] },
) {
  if (o.urls) {
    for (const m of text.matchAll(URL_RE))
      out.links.push({ url: decode(m[0]), label: null, auto: true, where });
    for (const m of text.replace(URL_RE, ' ').matchAll(EMAIL_RE))
      out.links.push({ url: `mailto:${decode(m[0])}`, label: null, auto: true, where });
  }
  if (!o.names) return;
  for (const m of text.matchAll(NAME_RE)) {
    const [, , sigil, name = ''] = m;
    const broadcast = sigil === '@' ? BROADCAST[name.toLowerCase()] : undefined;
    if (broadcast) out.mentions.push({ kind: 'broadcast', target: broadcast, where });
    else if (sigil === '@') {
      const id = o.userByName?.(name) ?? null;
      if (id) out.mentions.push({ kind: 'user', id, where });
    } else {
      const id = o.channelByName?.(name) ?? null;
      if (id) out.mentions.push({ kind: 'channel', id, where });
    }
  }
}

/** The mentions and links Slack finds in one string. */
export function parseMarkup(text: string, where: string, o: ParseOptions): Markup {
  const out = { mentions: [] as Found<Mention>[], links: [] as Found<Link>[] };
  let rest = 0;
  if (o.manual) {
    for (const m of text.matchAll(/<([^<>]*)>/g)) {
      bareText(text.slice(rest, m.index), where, o, out);
      manualToken(m[1] ?? '', where, out);
      rest = m.index + m[0].length;
    }
  }
  bareText(text.slice(rest), where, o, out);
  return out;
}

export const mergeMarkup = (parts: readonly Markup[]): Markup => ({
  mentions: parts.flatMap((p) => p.mentions),
  links: parts.flatMap((p) => p.links),
});
