import { parseArgs } from 'node:util';
import type { Millis } from '../../src/domain/time.ts';

export interface BenchOptions {
  readonly only: readonly string[];
  readonly pollEvery: Millis;
  readonly latencyMs: Millis;
  readonly steadyFor: Millis;
  readonly naiveFor: Millis;
  /** The old flat latency (no tail) and no HubSpot 5xx. */
  readonly flatNetwork: boolean;
  /** Traffic time of the long run (`--long`); `null` = not in this run. */
  readonly longFor: Millis | null;
  readonly sizes: readonly number[];
  readonly out: string;
  /** Write a CPU profile of each worker run here (\`node --cpu-prof\`). */
  readonly profile: string | null;
  /** Extra Node/V8 flags for the worker, after the production ones (to measure a flag). */
  readonly nodeArgs: readonly string[];
}

export const USAGE = `Usage: npm run bench -- [--only NAME[,NAME]] [--quick] [--poll SECONDS] [--latency MS]
                        [--flat] [--steady SECONDS] [--naive SECONDS] [--long] [--long-minutes N]
                        [--out DIR] [--node-arg FLAG]...

Runs the real worker (sla-bot run, a child process) against the loopback HubSpot and Slack
sandboxes with their rate limits and latency on, one scenario at a time, and prints a table per
scenario plus the targets. JSON goes to bench/results/<run>/.

  --only     scenarios by name (steady-10000) or family (steady, burst, search-lag, webhooks, defaults, long, first-install)
  --quick    sizes 1,000 and 10,000 only, shorter traffic (a smoke run, about 8 minutes)
  --poll     poll interval of the worker (default 10)
  --latency  usual HubSpot and Slack latency per request (default 80, ±25 %); 2 % of answers take
             about 1 s (a log-normal tail, p99 ≈ 1 s) and 0.5 % of HubSpot requests get a 5xx
  --flat     the latency without its tail and no 5xx (the model of earlier runs)
  --steady   traffic time of each steady scenario (default 50)
  --naive    how long the batch-reading baseline polls per size, after its first poll (default 20)
  --long     add the long run: the product's defaults at the largest size for 20 minutes, with
             the periodic work (owners, call outcomes, deals) and memory over time (not in the
             default run; alone: --long --only long)
  --long-minutes  traffic time of the long run (default 20; the owners refresh needs 15)
  --profile  directory for a CPU profile of each worker (node --cpu-prof)
  --node-arg a Node or V8 flag for the worker besides the production ones (repeatable), e.g.
             --node-arg=--max-old-space-size=200 to measure a heap cap`;

export function benchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      poll: { type: 'string', default: '10' },
      latency: { type: 'string', default: '80' },
      steady: { type: 'string' },
      naive: { type: 'string', default: '20' },
      flat: { type: 'boolean', default: false },
      long: { type: 'boolean', default: false },
      'long-minutes': { type: 'string', default: '20' },
      out: { type: 'string', default: 'bench/results' },
      profile: { type: 'string' },
      'node-arg': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const seconds = (text: string, name: string): Millis => {
    const v = Number(text);
    if (!Number.isFinite(v) || v <= 0)
      throw new Error(
        `--${name} must be a positive number of ${name === 'long-minutes' ? 'minutes' : 'seconds'}`,
      );
    return v * 1000;
  };
  return {
    only: values.only ? values.only.split(',').map((s) => s.trim()) : [],
    pollEvery: seconds(values.poll, 'poll'),
    latencyMs: seconds(values.latency, 'latency') / 1000,
    steadyFor: seconds(values.steady ?? (values.quick ? '30' : '50'), 'steady'),
    naiveFor: seconds(values.naive, 'naive'),
    flatNetwork: values.flat,
    longFor: values.long ? seconds(values['long-minutes'], 'long-minutes') * 60 : null,
    sizes: values.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
    out: values.out,
    profile: values.profile ?? null,
    nodeArgs: values['node-arg'],
  };
}
