import { describe, expect, it } from 'vitest';
import { loadSlaConfigText } from '../../src/config/load-sla-config.ts';
import type { SlaConfig } from '../../src/config/types.ts';
import { channelLanguage, fileLanguage, personLanguage } from '../../src/slack/reader-language.ts';

function load(text: string): SlaConfig {
  const result = loadSlaConfigText(text, 'sla.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n'));
  return result.config;
}

const FILE = `
timezone: Europe/Amsterdam
language: nl
stages:
  sql: { lifecycle_stage: salesqualifiedlead }
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
    channel: "#sales-benelux"
  dach:
    manager: greta@example.com
    members: [felix@example.com]
    channel: "#sales-dach"
    language: { code: de, informal: true }
  uk:
    manager: ollie@example.com
    language: en
policies:
  - name: sql-follow-up
    stage: sql
`;

describe("a reader's language", () => {
  const config = load(FILE);

  it('is the Slack locale when sla-bot speaks it', () => {
    expect(personLanguage(config, 'bram@example.com', 'de-DE')).toEqual({ code: 'de', informal: false });
    expect(personLanguage(config, 'ollie@example.com', 'nl-BE')).toEqual({ code: 'nl', informal: false });
  });

  it('else the team\'s language (as a rep or as its manager), keeping the team\'s "du"', () => {
    expect(personLanguage(config, 'felix@example.com', null)).toEqual({ code: 'de', informal: true });
    expect(personLanguage(config, 'greta@example.com', 'fr-FR')).toEqual({ code: 'de', informal: true });
    expect(personLanguage(config, 'felix@example.com', 'de-AT')).toEqual({ code: 'de', informal: true });
    expect(personLanguage(config, 'ollie@example.com', null)).toEqual({ code: 'en', informal: false });
  });

  it("else the file's language, and English when the file says none", () => {
    expect(personLanguage(config, 'nobody@example.com', undefined)).toEqual({ code: 'nl', informal: false });
    expect(personLanguage(config, 'bram@example.com', null)).toEqual({ code: 'nl', informal: false });
    expect(fileLanguage(load(FILE.replace('language: nl\n', '')))).toEqual({ code: 'en', informal: false });
  });

  it("is the team's in its channel, else the file's", () => {
    expect(channelLanguage(config, '#sales-dach')).toEqual({ code: 'de', informal: true });
    expect(channelLanguage(config, '#random')).toEqual({ code: 'nl', informal: false });
  });

  it('is checked when the file is loaded', () => {
    const bad = (v: string) => {
      const result = loadSlaConfigText(FILE.replace('language: nl', `language: ${v}`), 'sla.yaml');
      return result.ok ? [] : result.problems.map((p) => p.message);
    };
    expect(bad('fr')).toEqual(["language: 'fr' is not a language sla-bot speaks; use en, nl or de"]);
    expect(bad('{ code: nl, informal: true }')).toEqual([
      'language.informal: informal applies to German only (Dutch always says "je"); remove it or use code: de',
    ]);
    expect(bad('{ code: es }')).toEqual([
      "language.code: 'es' is not a language sla-bot speaks; use en, nl or de",
    ]);
  });
});
