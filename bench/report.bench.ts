/**
 * Report benchmark: seeds a SQLite store with 10,000 SLA instances (touches, acknowledgements,
 * evaluations and every message the engine would have sent, replayed under config/sla.yaml), then
 * times the report: reading the facts, aggregating, rendering table/CSV/JSON, and the whole
 * `sla-bot report` command in a fresh process. Target: the report in under 2 seconds.
 *
 *   node bench/report.bench.ts [count]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSlaConfigFile } from '../src/config/load-sla-config.ts';
import { buildReport, type ReportQuery } from '../src/domain/reports/index.ts';
import { DAY } from '../src/domain/time.ts';
import { createLogger } from '../src/log/logger.ts';
import { renderCsv } from '../src/reports/format/csv.ts';
import { renderJson } from '../src/reports/format/json.ts';
import { renderTable } from '../src/reports/format/table.ts';
import { loadReportFacts } from '../src/reports/load-facts.ts';
import { reportSetup } from '../src/reports/report-setup.ts';
import { openStore } from '../src/store/open-store.ts';
import { seedStore } from '../test/support/seed/seed-store.ts';

const COUNT = Number(process.argv[2] ?? 10_000);
const NOW = Date.UTC(2026, 3, 15, 12);
const print = (line: string) => process.stdout.write(`${line}\n`);

async function timed<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  print(`  ${label.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return result;
}

const loaded = await loadSlaConfigFile('config/sla.yaml');
if (!loaded.ok) throw new Error('config/sla.yaml does not load');
const config = loaded.config;
const dir = await mkdtemp(join(tmpdir(), 'sla-bot-report-bench-'));
const file = join(dir, 'report.sqlite');
try {
  const store = await openStore(file, { logger: createLogger('silent') });
  const seeded = await timed(`seed ${COUNT.toLocaleString('en')} instances over 30 days`, () =>
    seedStore(store, { config, count: COUNT, now: NOW, days: 30 }),
  );
  print(
    `  (${seeded.touches.toLocaleString('en')} touches, ${seeded.messages.toLocaleString('en')} messages)`,
  );
  const query: ReportQuery = {
    since: NOW - 30 * DAY,
    until: NOW,
    period: 'week',
    team: null,
    rep: null,
    stage: null,
  };
  for (const pass of ['first', 'second']) {
    print(`report, ${pass} pass in this process`);
    const start = performance.now();
    const facts = await timed('read facts (7 queries)', () => loadReportFacts(store, query, NOW));
    const report = await timed('aggregate (buildReport)', () =>
      buildReport(facts, reportSetup(config, seeded.owners), query, NOW),
    );
    print(
      `  ${'= report (read + aggregate)'.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`,
    );
    await timed('render table', () => renderTable(report, { details: false }));
    const csv = await timed('render csv', () => renderCsv(report));
    const json = await timed('render json', () => renderJson(report));
    print(`  (csv ${(csv.length / 1e6).toFixed(1)} MB, json ${(json.length / 1e6).toFixed(1)} MB)`);
  }
  await store.close();
  print('sla-bot report in a fresh process (start-up, config, store, report, output)');
  for (const format of ['table', 'json']) {
    await timed(`sla-bot report --format ${format}`, () => {
      const r = spawnSync(
        process.execPath,
        ['bin/sla-bot.js', 'report', '--since', '2026-03-16', '--until', '2026-04-14', '--format', format],
        {
          env: {
            ...process.env,
            DATABASE_URL: file,
            SLA_CONFIG: 'config/sla.yaml',
            HUBSPOT_ACCESS_TOKEN: '',
          },
          maxBuffer: 1 << 30,
        },
      );
      if (r.status !== 0) throw new Error(`sla-bot report failed: ${r.stderr.toString()}`);
    });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
