/**
 * `npm run bench`: the real worker against the sandboxes under HubSpot's and Slack's limits, one
 * scenario at a time (steady state at 1,000 / 10,000 / 100,000 open instances with the
 * batch-reading baseline bot on the same sandbox, a burst of 1,000 handoffs, search lagging 30 s,
 * webhooks, the product's defaults; with --long a 20-minute run), a table per scenario, the targets,
 * and JSON under bench/results/. See docs/performance.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { systemClock } from '../src/clock/system-clock.ts';
import { HUBSPOT_TIERS } from '../src/sandbox/index.ts';
import { answerSpread, describeNetwork } from './live/network-model.ts';
import { benchOptions } from './live/options.ts';
import { type BenchResult, runScenario } from './live/scenario.ts';
import { plan } from './live/scenarios.ts';
import { modesTable, scenarioTable, targetsTable } from './live/table.ts';
import { checkTargets } from './live/targets.ts';
import { BENCH_TIER } from './live/world.ts';

const options = benchOptions(process.argv.slice(2));
const cwd = resolve(import.meta.dirname, '..');
const started = systemClock.now();
const runId = new Date(started).toISOString().replace(/[:.]/g, '-');
const outDir = resolve(cwd, options.out, runId);
await mkdir(outDir, { recursive: true });
const print = (text: string) => process.stdout.write(`${text}\n`);

const scenarios = plan(options).filter(
  (s) =>
    options.only.length === 0 ||
    options.only.some((name) => s.name === name || s.name.startsWith(`${name}-`)),
);
const tier = HUBSPOT_TIERS[BENCH_TIER];
print(
  `sla-bot bench: ${scenarios.length} scenarios, poll every ${options.pollEvery / 1000} s; ` +
    `HubSpot ${BENCH_TIER} (${tier.tenSecondly}/10 s, ${tier.daily.toLocaleString('en')}/day; ` +
    'search 5/s; search and associations batch reads outside the 10 s window, counted for the day); ' +
    `latency ${describeNetwork(options.latencyMs, options.flatNetwork)}; Slack 1 msg/s/channel\n`,
);
const results: BenchResult[] = [];
for (const spec of scenarios) {
  const t0 = systemClock.now();
  const nodeArgs = [
    ...options.nodeArgs,
    ...(options.profile
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${resolve(options.profile)}`,
          `--cpu-prof-name=${spec.name}.cpuprofile`,
        ]
      : []),
  ];
  const result = await runScenario(spec, cwd, nodeArgs);
  results.push(result);
  print(scenarioTable(result));
  print(`  (${((systemClock.now() - t0) / 1000).toFixed(0)} s)\n`);
  await writeFile(join(outDir, `${spec.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
const largestSteady = results.filter((r) => r.name.startsWith('steady-')).at(-1);
const hooked = results.find((r) => r.webhooks);
if (largestSteady && hooked && largestSteady.open === hooked.open) print(modesTable(largestSteady, hooked));
const checks = checkTargets(results);
print(targetsTable(checks));
const answers = answerSpread(results.flatMap((r) => r.hubspotAnswerTimesMs));
print(
  `HubSpot answer times, the worker's requests in all scenarios: p50 ${answers.p50} / p95 ${answers.p95} / ` +
    `p99 ${answers.p99} / max ${answers.max} ms (n=${answers.n})`,
);
const seconds = Math.round((systemClock.now() - started) / 1000);
await writeFile(
  join(outDir, 'summary.json'),
  `${JSON.stringify({ options, seconds, checks, hubspotAnswerTimes: answers }, null, 2)}\n`,
);
print(
  `${checks.filter((c) => c.ok).length} of ${checks.length} targets met in ${seconds} s; JSON in ${outDir}`,
);
