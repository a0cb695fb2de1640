import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../../src/domain/time.ts';
import { langOfLocale } from '../../src/i18n/language.ts';
import { formatMessage } from '../../src/i18n/message-format.ts';
import { translator } from '../../src/i18n/translate.ts';

const en = translator({ code: 'en', informal: false });
const nl = translator({ code: 'nl', informal: false });
const de = translator({ code: 'de', informal: false });
const du = translator({ code: 'de', informal: true });

describe('formatting messages', () => {
  const f = (locale: string) => ({
    plural: new Intl.PluralRules(locale),
    number: (n: number) => new Intl.NumberFormat(locale, { useGrouping: 'min2' }).format(n),
  });

  it("picks plural forms by the locale's rules, exact matches first", () => {
    const text = '{n, plural, =0 {none} one {# lead} other {# leads}}';
    expect(formatMessage(text, { n: 0 }, f('en-US'))).toBe('none');
    expect(formatMessage(text, { n: 1 }, f('en-US'))).toBe('1 lead');
    expect(formatMessage(text, { n: 12_500 }, f('de-DE'))).toBe('12.500 leads');
    expect(formatMessage(text, { n: 2500 }, f('en-US'))).toBe('2500 leads');
  });

  it('selects, nests and inserts values as given', () => {
    const text = '{kind, select, attempt {first attempt} other {contact}} by {who}';
    expect(formatMessage(text, { kind: 'attempt', who: '<@U1>' }, f('en-US'))).toBe('first attempt by <@U1>');
    expect(formatMessage(text, { kind: 'x', who: 'a' }, f('en-US'))).toBe('contact by a');
  });

  it('throws when a value is missing (a bug, not a message with a hole)', () => {
    expect(() => formatMessage('hi {name}', {}, f('en-US'))).toThrow(/no value for \{name\}/);
  });
});

describe('a translator', () => {
  it.each([
    [45 * SECOND, '45s', '45 s', '45 Sek.'],
    [3 * MINUTE + 12 * SECOND, '3m12s', '3 min 12 s', '3 Min. 12 Sek.'],
    [2 * HOUR + 5 * MINUTE, '2h05m', '2 u 05 min', '2 Std. 05 Min.'],
    [3 * DAY + 4 * HOUR, '3d4h', '3 d 4 u', '3 Tg. 4 Std.'],
  ])('says %i ms as %s / %s / %s', (ms, e, n, d) => {
    expect([en.duration(ms), nl.duration(ms), de.duration(ms)]).toEqual([e, n, d]);
  });

  it("writes times and dates in the reader's language and zone", () => {
    const at = Date.UTC(2026, 2, 3, 13, 5);
    expect(en.localTime(at, 'Europe/Amsterdam')).toBe('Tue 14:05 GMT+1');
    expect(nl.localTime(at, 'Europe/Amsterdam')).toMatch(/^di\.? 14:05 /);
    expect(de.localTime(at, 'Europe/Berlin')).toMatch(/^Di\.? 14:05 /);
    expect(nl.date(at, 'Europe/Amsterdam', 'd LLL yyyy')).toBe('3 mrt 2026');
    expect(de.decimal(50, 1)).toBe('50,0');
    expect(en.decimal(50, 1)).toBe('50.0');
  });

  it('says "du" only when asked, and only in German', () => {
    expect(de.t('ping.intro.self', { stage: 'SQL', within: '5 Min.', attempts: 0 })).toContain('Sie haben');
    expect(du.t('ping.intro.self', { stage: 'SQL', within: '5 Min.', attempts: 0 })).toContain('Du hast');
    expect(translator({ code: 'nl', informal: true }).t('home.title')).toBe(nl.t('home.title'));
  });
});

describe('a Slack locale', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['en-GB', 'en'],
    ['fr-FR', null],
    [null, null],
  ])('%s reads %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });
});
