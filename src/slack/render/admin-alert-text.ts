import type { AdminAlertBody, AdminMessage, AdminMessageKey, AdminValue } from '../../i18n/admin-message.ts';
import { EN } from '../../i18n/catalogue/index.ts';
import type { MessageValues } from '../../i18n/message-format.ts';
import type { MessageKey, Translator } from '../../i18n/translate.ts';
import { fixUnreachable, whyUnreachable } from '../unreachable.ts';

/**
 * The text of an admin alert in a reader's language (issue 19). The outbox keeps the message key and
 * raw values; here instants become text (UTC ISO for outages, the portal's or the file's zone where the
 * alert names one), counts numbers and codes words. A row queued before messages were stored keeps its
 * finished text.
 */
export function adminAlertText(body: AdminAlertBody, t: Translator): string {
  return 'text' in body ? body.text : renderMessage(body.message, t);
}

type Values = AdminMessage['values'];

const str = (v: AdminValue | undefined): string =>
  v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
const num = (v: AdminValue | undefined): number => (typeof v === 'number' ? v : Number(v));
const list = (v: AdminValue | undefined): readonly string[] => (Array.isArray(v) ? v : []);
const iso = (v: AdminValue | undefined): string => new Date(num(v)).toISOString();
const SYSTEM: Readonly<Record<string, string>> = { hubspot: 'HubSpot', slack: 'Slack', worker: 'sla-bot' };
const system = (v: AdminValue | undefined): string => SYSTEM[str(v)] ?? str(v);
const known = (key: string): key is MessageKey => Object.hasOwn(EN, key);
/** A sub-text by its code (`alert.writeBack.outcome`), or the code itself when a newer version wrote it. */
const word = (t: Translator, key: string, code: string): string => (known(key) ? t.t(key) : code);
/** Counts of requests: always grouped (`49,999`, `49.999`). */
const grouped = (t: Translator, v: AdminValue | undefined) => new Intl.NumberFormat(t.locale).format(num(v));
/** The portal's wall clock: `00:00 Tue 3 Mar 2026 (Europe/Amsterdam)`. */
const portalTime = (t: Translator, at: AdminValue | undefined, zone: AdminValue | undefined) =>
  `${t.date(num(at), str(zone), 'HH:mm ccc d LLL yyyy')} (${str(zone)})`;

function lead(v: Values, t: Translator): string {
  const name = str(v.leadName) || t.t('alert.lead.contact', { id: str(v.contactId) });
  const entered = t.date(num(v.enteredAt), str(v.zone), 'yyyy-MM-dd HH:mm ZZZZ');
  return t.t('alert.lead', { name, stage: str(v.stage), entered });
}

/** Per key, the catalogue values made from the stored ones (absent: the stored strings and numbers as they are). */
const PREPARE: Partial<Record<AdminMessageKey, (v: Values, t: Translator) => MessageValues>> = {
  'alert.outage.start': (v) => ({ system: system(v.system), since: iso(v.since), error: str(v.error) }),
  'alert.outage.end': (v) => ({ system: system(v.system), from: iso(v.from), until: iso(v.until) }),
  'alert.downtime': (v) => ({ from: iso(v.from), until: iso(v.until), minutes: num(v.minutes) }),
  'alert.startup': (v, t) => ({
    system: system(v.system),
    since: iso(v.since),
    attempts: num(v.attempts),
    reason: str(v.reason),
    next:
      v.keepsTrying === true
        ? t.t('alert.startup.keepsTrying', { system: system(v.system) })
        : t.t('alert.startup.givesUp'),
  }),
  'alert.budgetLow': (v, t) => ({
    remaining: grouped(t, v.remaining),
    limit: grouped(t, v.limit),
    percent: num(v.percent),
  }),
  'alert.dailyLimit': (v, t) => ({
    until: portalTime(t, v.until, v.zone),
    next: portalTime(t, v.nextProbeAt, v.zone),
    every: num(v.every),
  }),
  'alert.writeBackFailed': (v, t) => ({
    what: word(t, `alert.writeBack.${str(v.kind)}`, str(v.kind)),
    code: str(v.code),
    error: str(v.error),
  }),
  'alert.owner.inactive': (v, t) => ({
    lead: lead(v, t),
    who: str(v.ownerEmail) || t.t('alert.owner.hubspotOwner', { id: str(v.ownerId) }),
    url: str(v.url),
  }),
  'alert.owner.unknown': (v, t) => ({ lead: lead(v, t), ownerId: str(v.ownerId), url: str(v.url) }),
  'alert.unreachable': (v, t) => {
    const to = list(v.routedTo);
    return {
      who: str(v.who),
      why: whyUnreachable(str(v.code), t),
      where:
        to.length > 0
          ? t.t('alert.unreachable.goTo', { to: to.join(', ') })
          : t.t('alert.unreachable.nobody'),
      fix: fixUnreachable(str(v.code), t),
    };
  },
};

/** Alerts with lines after their sentence: the `validate` problems, the missing scopes. */
const MORE: Partial<Record<AdminMessageKey, (v: Values, t: Translator) => readonly string[]>> = {
  'alert.configRejected': (v) => ['```', ...list(v.problems), '```'],
  'alert.scopes': (v, t) => [
    ...list(v.scopes).map((scope) =>
      t.t('alert.scopes.line', { scope, effect: word(t, `alert.scope.${scope}`, scope) }),
    ),
    t.t('alert.scopes.fix'),
  ],
};

function plain(v: Values): MessageValues {
  const out: Record<string, string | number> = {};
  for (const [k, value] of Object.entries(v)) out[k] = typeof value === 'number' ? value : str(value);
  return out;
}

function renderMessage(m: AdminMessage, t: Translator): string {
  // A key this version does not know (a newer version queued it): shown raw rather than lost.
  if (!known(m.key)) return `${m.key} ${JSON.stringify(m.values)}`;
  const key = m.key as AdminMessageKey;
  const values = PREPARE[key]?.(m.values, t) ?? plain(m.values);
  return [t.t(key, values), ...(MORE[key]?.(m.values, t) ?? [])].join('\n');
}
