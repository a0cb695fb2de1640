import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configIdentity } from '../../src/config/config-identity.ts';
import { loadSlaConfigText } from '../../src/config/load-sla-config.ts';
import type { SlaConfig } from '../../src/config/types.ts';
import { ConfigHolder } from '../../src/worker/config-reloader.ts';

const text = readFileSync(new URL('../../config/sla.yaml', import.meta.url), 'utf8');
const load = (yaml: string): SlaConfig => {
  const r = loadSlaConfigText(yaml, 'sla.yaml');
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.config;
};

describe('the config identity the stored verdicts are judged under (issue 20)', () => {
  it('is the same for the same file loaded twice (another process) and hex', () => {
    expect(configIdentity(load(text), '1.0.0')).toBe(configIdentity(load(text), '1.0.0'));
    expect(configIdentity(load(text), '1.0.0')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the sla-bot version', () => {
    expect(configIdentity(load(text), '1.0.1')).not.toBe(configIdentity(load(text), '1.0.0'));
  });

  it('changes with a setting, with office hours (kept in maps beside the calendar functions) a holiday and a past-midnight range', () => {
    const base = configIdentity(load(text), '1');
    const changed = (from: RegExp, to: string) => {
      const edited = text.replace(from, to);
      expect(edited).not.toBe(text);
      return configIdentity(load(edited), '1');
    };
    expect(changed(/13:00-17:30/, '13:00-18:00')).not.toBe(base);
    expect(changed(/2026-12-25, /, '')).not.toBe(base);
    expect(changed(/22:00-04:00\+1/, '22:00-05:00+1')).not.toBe(base);
  });

  it('is what ConfigHolder reports, and a swap changes it', () => {
    const holder = new ConfigHolder(load(text));
    expect(holder.identity).toBe(configIdentity(load(text)));
    holder.swap(load(text.replace(/13:00-17:30/, '13:00-18:00')));
    expect(holder.identity).not.toBe(configIdentity(load(text)));
  });
});
