import type { SlaConfig } from '../../config/types.ts';
import { LANGS, type Lang, langOfLocale, parseLang } from '../../i18n/language.ts';
import { type Translator, translator } from '../../i18n/translate.ts';
import { ReportArgumentError } from '../../reports/report-window.ts';
import type { Viewer } from './auth/viewer.ts';

/**
 * The dashboard's language, one rule: `?lang=en|nl|de` when given; else the signed-in person's Slack
 * locale when sla-bot speaks it (kept in the session from the sign-in); else the SLA file's
 * top-level `language:`; else English. German says "Sie" (a team's `informal:` is for its messages).
 * Another `?lang=` is a 400, like any filter that names nothing.
 */
export function dashboardLang(
  param: string | null,
  sessionLocale: string | null,
  config: Pick<SlaConfig, 'language'>,
): Lang {
  if (param !== null && param.trim() !== '') {
    const lang = parseLang(param);
    if (lang === null) throw new ReportArgumentError(`lang '${param}' is not one of ${LANGS.join(', ')}`);
    return lang;
  }
  return langOfLocale(sessionLocale) ?? config.language?.code ?? 'en';
}

/**
 * The language of a page shown before or instead of the dashboard (sign-in, refusals, signed out),
 * by the same rule: the request's `?lang=`, else the `lang` of the dashboard address the sign-in
 * returns to (`next`), else the session's Slack locale, else the file's `language:`, else English. A
 * language sla-bot does not speak is passed over here rather than refused: the page explains
 * something else.
 */
export function authPageLang(
  url: URL,
  next: string | null,
  sessionLocale: string | null,
  config: Pick<SlaConfig, 'language'>,
): Lang {
  return (
    parseLang(url.searchParams.get('lang')) ??
    parseLang(langIn(next ?? url.searchParams.get('next'))) ??
    langOfLocale(sessionLocale) ??
    config.language?.code ??
    'en'
  );
}

/** The `lang` parameter of a dashboard address (`/dashboard?lang=nl`), if any. */
function langIn(address: string | null): string | null {
  if (address === null) return null;
  try {
    return new URL(address, 'http://localhost').searchParams.get('lang');
  } catch {
    return null; // not an address: no language in it
  }
}

export const dashboardTranslator = (lang: Lang): Translator => translator({ code: lang, informal: false });

/** The header's "signed in as" text: `anna@example.com (manager of benelux)`; `null` for the token. */
export function whoLabel(t: Translator, who: Viewer): string | null {
  switch (who.role) {
    case 'script':
      return null;
    case 'admin':
      return t.t('dash.who.admin', { email: who.email });
    case 'manager':
      return t.t('dash.who.manager', {
        email: who.email,
        teams: who.teams === 'all' ? '' : who.teams.join(', '),
      });
    case 'rep':
      return t.t('dash.who.rep', { email: who.email });
  }
}
