import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const retryPolicy = fileURLToPath(new URL('../../src/hubspot/retry-policy.ts', import.meta.url));

describe('real retry timing', () => {
  it('a back-off wait keeps the process alive until the next attempt', async () => {
    // With nothing else pending, an unreferenced timer would let Node exit (code 13) mid-wait.
    const script = `const { realTiming } = await import(${JSON.stringify(retryPolicy)});
      await realTiming.sleep(30);
      console.log('woke up');`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe('woke up');
  });

  it('a time-out timer tied to a request does not keep the process alive', async () => {
    const script = `const { realTiming } = await import(${JSON.stringify(retryPolicy)});
      realTiming.sleep(60_000, new AbortController().signal).catch(() => {});
      console.log('exited promptly');`;
    const started = process.hrtime.bigint();
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe('exited promptly');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(30_000);
  });
});
