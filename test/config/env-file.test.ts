import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readEnvFile, withEnvFile } from '../../src/config/env-file.ts';
import { captureIo } from './cli-io.ts';

describe('.env in the working directory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-env-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is absent: null, and the process environment is used as it is', async () => {
    expect(await readEnvFile(dir)).toBeNull();
    const env = { A: '1' };
    expect(withEnvFile(env, null)).toBe(env);
  });

  it('is parsed with Node’s dotenv rules (comments, quotes, export) and the process wins', async () => {
    await writeFile(
      join(dir, '.env'),
      '# comment\nHUBSPOT_ACCESS_TOKEN=pat-file\nexport LOG_LEVEL="debug"\nSLA_CONFIG=\'my sla.yaml\'\nEMPTY=\n',
    );
    const file = await readEnvFile(dir);
    expect(file?.path).toBe(join(dir, '.env'));
    expect(file?.values).toEqual({
      HUBSPOT_ACCESS_TOKEN: 'pat-file',
      LOG_LEVEL: 'debug',
      SLA_CONFIG: 'my sla.yaml',
      EMPTY: '',
    });
    const merged = withEnvFile({ LOG_LEVEL: 'warn', UNSET: undefined, PATH: '/bin' }, file);
    expect(merged).toEqual({
      HUBSPOT_ACCESS_TOKEN: 'pat-file',
      LOG_LEVEL: 'warn',
      SLA_CONFIG: 'my sla.yaml',
      EMPTY: '',
      PATH: '/bin',
    });
  });

  it('is read by `validate` (SLA_CONFIG from the file) and announced on stderr; `schema` ignores it', async () => {
    await writeFile(join(dir, 'mine.yaml'), 'stages: [oops\n');
    await writeFile(join(dir, '.env'), 'SLA_CONFIG=mine.yaml\n');
    const t = captureIo({}, dir);
    expect(await main(['validate'], t.io)).toBe(1);
    expect(t.stderr()).toContain(`sla-bot: read 1 variable from ${join(dir, '.env')}`);
    expect(t.stderr()).toContain('mine.yaml:');
    const s = captureIo({}, dir);
    expect(await main(['schema'], s.io)).toBe(0);
    expect(s.stderr()).toBe('');
  });
});
