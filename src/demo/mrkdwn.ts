import type { Instant } from '../domain/time.ts';
import type { Style } from './style.ts';

/** What turning Slack mrkdwn into terminal text needs to know about the workspace and the reader. */
export interface MrkdwnContext {
  readonly style: Style;
  /** A Slack user id as people see it (`<@U…>` mentions); `null` when unknown. */
  readonly userName: (id: string) => string | null;
  /** A channel id as people see it, without `#`. */
  readonly channelName: (id: string) => string | null;
  /** A `<!date^…>` token as the reader's Slack client would show it. */
  readonly formatDate: (at: Instant) => string;
}

/** The emoji sla-bot's messages use, as the characters Slack shows. Unknown codes stay `:code:`. */
const EMOJI: Readonly<Record<string, string>> = {
  alarm_clock: '⏰',
  gear: '⚙️',
  heavy_minus_sign: '➖',
  hourglass_flowing_sand: '⏳',
  information_source: 'ℹ️',
  large_orange_circle: '🟠',
  memory: '📝',
  new: '🆕',
  red_circle: '🔴',
  rotating_light: '🚨',
  snail: '🐌',
  tada: '🎉',
  telephone_receiver: '📞',
  warning: '⚠️',
  wave: '👋',
  white_check_mark: '✅',
};

const unescapeEntities = (text: string): string =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** One `<…>` token: mention, channel, date, special mention or link. */
function token(body: string, ctx: MrkdwnContext): string {
  const [target = '', label] = body.split('|', 2) as [string?, string?];
  if (target.startsWith('@')) return ctx.style.bold(`@${ctx.userName(target.slice(1)) ?? target.slice(1)}`);
  if (target.startsWith('#'))
    return ctx.style.bold(`#${label ?? ctx.channelName(target.slice(1)) ?? target.slice(1)}`);
  if (target.startsWith('!date^')) {
    const seconds = Number(target.split('^')[1]);
    return Number.isFinite(seconds) ? ctx.formatDate(seconds * 1000) : unescapeEntities(label ?? '');
  }
  if (target.startsWith('!subteam^')) return ctx.style.bold(label ?? '@team');
  if (target.startsWith('!')) return ctx.style.bold(`@${target.slice(1)}`);
  return ctx.style.underline(unescapeEntities(label ?? target));
}

/** Bold, italic, strike-through and emoji in plain text (outside `<…>` tokens). */
function inline(text: string, ctx: MrkdwnContext): string {
  return unescapeEntities(
    text
      .replace(/:([a-z0-9_+-]+):/g, (whole, code: string) => EMOJI[code] ?? whole)
      .replace(/(^|[^\w*])~([^~\n]+)~(?=$|[^\w~])/g, (_, pre: string, s: string) => pre + ctx.style.strike(s))
      .replace(
        /(^|[^\w_])_([^_\n]+)_(?=$|[^\w_])/g,
        (_, pre: string, s: string) => pre + ctx.style.italic(s),
      ),
  );
}

/**
 * Slack mrkdwn as a terminal shows it: links become their label (underlined), mentions and channels
 * their names, date tokens the reader's local time, emoji codes the emoji, `*bold*` bold.
 */
export function mrkdwnToText(text: string, ctx: MrkdwnContext): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/<([^<>\n]*)>/g)) {
    out += inline(text.slice(last, match.index), ctx);
    out += token(match[1] ?? '', ctx);
    last = match.index + match[0].length;
  }
  out += inline(text.slice(last), ctx);
  // Bold last: it often wraps a link (`*<url|Jane Doe>*`).
  return out.replace(/\*([^*\n]+)\*/g, (_, s: string) => ctx.style.bold(s));
}
