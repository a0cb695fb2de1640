import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_NODE_FLAGS } from '../../bench/live/worker-process.ts';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The bench measures the worker as it is deployed: every way of running it passes the same V8 flags. */
describe('the worker runs with the same Node flags everywhere', () => {
  const flags = PRODUCTION_NODE_FLAGS.join(' ');

  it('npm start', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toBe(`node ${flags} bin/sla-bot.js run`);
  });

  it('the Docker image', () => {
    const quoted = PRODUCTION_NODE_FLAGS.map((f) => `"${f}"`).join(', ');
    expect(read('Dockerfile')).toContain(`ENTRYPOINT ["node", ${quoted}, "bin/sla-bot.js"]`);
  });

  it('the systemd unit', () => {
    expect(read('deploy/sla-bot.service')).toContain(`ExecStart=/usr/bin/node ${flags} bin/sla-bot.js run`);
  });
});
