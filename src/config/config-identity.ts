import { createHash } from 'node:crypto';
import pkg from '../../package.json' with { type: 'json' };
import type { SlaConfig } from './types.ts';

/**
 * What judgements under `config` depend on, as a digest that is the same in every process: the
 * config's data (maps and sets as entries; the calendars' functions are built from
 * `calendarSpecs`, which is data) and the sla-bot version (a release may judge differently). Stored
 * with the verdicts (`judge/commit`), it lets a restart with nothing changed skip judging every
 * settled instance again (issue 20).
 */
export function configIdentity(config: SlaConfig, version: string = pkg.version): string {
  const json = JSON.stringify(config, (_key, value: unknown) => {
    if (value instanceof Map) return { map: [...value.entries()] };
    if (value instanceof Set) return { set: [...value.values()] };
    return typeof value === 'function' ? undefined : value;
  });
  return createHash('sha256').update(`${version}\n${json}`).digest('hex');
}
