import type { Lang } from '../../i18n/language.ts';
import type { Button } from './blocks.ts';
import { ACTION } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { RenderContext } from './render-context.ts';
import { fitEscaped } from './text.ts';

/**
 * The dashboard page of one lead's timeline (`…/dashboard/lead?id=<instance id>`), from the SLA
 * file's `reports.dashboard_url` (the dashboard's own address, or the site's root), in the reader's
 * language (`lang`, left out for English like the digest's link); `null` without a usable URL.
 */
export function leadPageUrl(
  dashboardUrl: string | null | undefined,
  instanceId: string,
  lang: Lang,
): string | null {
  if (!dashboardUrl) return null;
  let url: URL;
  try {
    url = new URL(dashboardUrl);
  } catch {
    return null; // validated at load; a URL that still does not parse gets no button
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = `${path.endsWith('/dashboard') ? path : `${path}/dashboard`}/lead`;
  url.search = '';
  url.hash = '';
  url.searchParams.set('id', instanceId);
  if (lang !== 'en') url.searchParams.set('lang', lang);
  const out = url.toString();
  return out.length <= LIMITS.buttonUrl ? out : null;
}

/** "Timeline": a link button to the lead's page on the dashboard, when the dashboard URL is configured. */
export function timelineButton(rc: RenderContext): Button | null {
  const url = leadPageUrl(rc.dashboardUrl, rc.context.instance.id, rc.t.lang);
  if (url === null) return null;
  return {
    type: 'button',
    action_id: ACTION.openTimeline,
    text: { type: 'plain_text', text: fitEscaped(rc.t.t('button.timeline'), LIMITS.buttonText) },
    url,
  };
}
