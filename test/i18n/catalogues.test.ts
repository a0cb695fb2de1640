import { describe, expect, it } from 'vitest';
import { CATALOGUES, EN, GERMAN_INFORMAL } from '../../src/i18n/catalogue/index.ts';
import { LANGS } from '../../src/i18n/language.ts';
import { argumentsOf, parseMessage } from '../../src/i18n/message-format.ts';

/**
 * The catalogues are complete: every language has every key of the English reference, no key the
 * reference lacks, and each text uses exactly the reference's arguments (a `{lead}` missing in Dutch
 * would drop the lead's name; an extra one would throw at render time).
 */
describe('the message catalogues', () => {
  const reference = Object.keys(EN).sort();

  for (const lang of LANGS) {
    const catalogue = CATALOGUES[lang];

    it(`${lang} has exactly the English keys`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(reference);
    });

    it(`${lang} texts parse and use the same arguments as the English ones`, () => {
      const differ = Object.entries(EN)
        .filter(([key, text]) => {
          const theirs = catalogue[key as keyof typeof EN];
          return JSON.stringify(argumentsOf(theirs)) !== JSON.stringify(argumentsOf(text));
        })
        .map(([key]) => key);
      expect(differ).toEqual([]);
    });

    it(`${lang} has no empty text`, () => {
      expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
    });
  }

  it('German "du" only replaces known keys, with the same arguments', () => {
    for (const [key, text] of Object.entries(GERMAN_INFORMAL)) {
      expect(Object.hasOwn(EN, key), key).toBe(true);
      expect(argumentsOf(text ?? ''), key).toEqual(argumentsOf(EN[key as keyof typeof EN]));
    }
  });

  it('says "Sie" in the German default and never in the "du" texts', () => {
    const addressed = Object.keys(GERMAN_INFORMAL) as (keyof typeof EN)[];
    for (const key of addressed) {
      expect(GERMAN_INFORMAL[key], key).not.toMatch(/\b(Sie|Ihnen|Ihre?[nrs]?)\b/);
    }
    const stillSie = Object.entries(CATALOGUES.de)
      .filter(([key, text]) => /\b(Sie|Ihnen|Ihre?[nrs]?)\b/.test(text) && !(key in GERMAN_INFORMAL))
      .map(([key]) => key);
    // Every German text that addresses the reader with "Sie" has a "du" form.
    expect(stillSie).toEqual([]);
  });

  it('Dutch says "je", never "u" (the formal you)', () => {
    const formal = Object.entries(CATALOGUES.nl).filter(
      ([key, text]) => /\b(u|uw)\b/i.test(text.replace(/\{[^}]*\}/g, '')) && !key.includes('duration'),
    );
    expect(formal).toEqual([]);
  });

  it('rejects a malformed message', () => {
    expect(() => parseMessage('{n, plural, one {#}}')).toThrow(/other/);
    expect(() => parseMessage('unbalanced }')).toThrow(/unexpected/);
    expect(() => parseMessage('{n, number}')).toThrow(/unknown argument type/);
  });
});
