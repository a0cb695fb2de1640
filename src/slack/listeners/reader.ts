import type { Language } from '../../i18n/language.ts';
import { type Translator, translator } from '../../i18n/translate.ts';
import { SlackCallError } from '../errors.ts';
import { fileLanguage, personLanguage } from '../reader-language.ts';
import type { SlackUser } from '../slack-user.ts';
import { normalizeEmail } from '../slack-user.ts';
import type { ListenerDeps } from './deps.ts';

type ReaderDeps = Pick<ListenerDeps, 'directory' | 'logger' | 'config'>;

function languageOf(userId: string, user: SlackUser | null, deps: ReaderDeps): Translator {
  const config = deps.config();
  const pinned = Object.entries(config.slack.userOverrides).find(([, id]) => id === userId)?.[0];
  return translator(personLanguage(config, pinned ? normalizeEmail(pinned) : user?.email, user?.locale));
}

/**
 * The language of the person who clicked or typed: their Slack locale (users.info, cached and shared
 * with the e-mail look-up), else their team's, else the file's. For answers that wait for that look-up
 * anyway (On it, /sla, App Home). A Slack hiccup costs the locale, never the answer.
 */
export async function readerOf(userId: string, deps: ReaderDeps): Promise<Translator> {
  try {
    return languageOf(userId, await deps.directory.user(userId), deps);
  } catch (err) {
    if (!(err instanceof SlackCallError)) throw err;
    deps.logger.warn({ err, userId }, 'slack user lookup failed; answering in the file language');
    return translator(fileLanguage(deps.config()));
  }
}

/**
 * The same from what is already known, without a request: for modals, which must not wait for a
 * users.info queued behind rate limits (the person is looking at "Loading…").
 */
export const knownReaderOf = (userId: string, deps: ReaderDeps): Translator =>
  languageOf(userId, deps.directory.known(userId), deps);

/** The translator for a language carried in a modal's metadata, else the file's. */
export const translatorFor = (
  meta: { readonly lang?: Language['code'] | undefined; readonly informal?: boolean | undefined } | null,
  deps: Pick<ListenerDeps, 'config'>,
): Translator =>
  meta?.lang === undefined
    ? translator(fileLanguage(deps.config()))
    : translator({ code: meta.lang, informal: meta.informal ?? false });
