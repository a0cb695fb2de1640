/**
 * Store benchmark: `node bench/store.bench.ts`.
 * SQLite (always) and PostgreSQL (when TEST_DATABASE_URL answers): commitCycle of 10,000 new
 * instances (each with its evaluation and handoff message), then openInstances() and a report-style
 * instancesBetween() over 100,000, and duePending() with 100,000 rows in the outbox.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../src/log/logger.ts';
import type { Store } from '../src/ports/store.ts';
import { openStore } from '../src/store/open-store.ts';
import { openingCycle, T0 } from '../test/store/builders.ts';
import { createTestSchema, postgresUnavailableReason } from '../test/store/postgres-harness.ts';

const BATCH = 10_000;
const TOTAL = 100_000;
const logger = createLogger('silent');
const print = (line: string) => process.stdout.write(`${line}\n`);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  print(`  ${label.padEnd(52)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return result;
}

async function bench(name: string, store: Store): Promise<void> {
  print(name);
  await timed(`commitCycle: ${BATCH.toLocaleString('en')} new instances (+ verdicts, messages)`, () =>
    store.commitCycle(openingCycle(BATCH, 0)),
  );
  const fillStart = performance.now();
  for (let offset = BATCH; offset < TOTAL; offset += BATCH)
    await store.commitCycle(openingCycle(BATCH, offset));
  print(`  (filled to ${TOTAL.toLocaleString('en')} in ${(performance.now() - fillStart).toFixed(0)} ms)`);
  const open = await timed(`openInstances(): ${TOTAL.toLocaleString('en')} open`, () =>
    store.openInstances(),
  );
  const range = await timed(`instancesBetween(): all ${TOTAL.toLocaleString('en')} (report)`, () =>
    store.instancesBetween(0, T0 + 10 * 365 * 86_400_000),
  );
  await timed(`duePending(now, 100) of ${TOTAL.toLocaleString('en')} pending`, () =>
    store.duePending(T0 + 10 * 365 * 86_400_000, 100),
  );
  await timed(`outboxBetween(): all ${TOTAL.toLocaleString('en')} (report)`, () =>
    store.outboxBetween(0, T0 + 10 * 365 * 86_400_000),
  );
  if (open.length !== TOTAL || range.length !== TOTAL) {
    throw new Error(`expected ${TOTAL} instances, got ${open.length} open and ${range.length} in range`);
  }
}

const dir = await mkdtemp(join(tmpdir(), 'sla-bot-bench-'));
try {
  const sqlite = await openStore(join(dir, 'bench.sqlite'), { logger });
  await bench('SQLite (node:sqlite, WAL file)', sqlite);
  await sqlite.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

const unavailable = await postgresUnavailableReason();
if (unavailable === null) {
  const schema = await createTestSchema();
  try {
    const postgres = await openStore(schema.url, { logger });
    await bench('PostgreSQL', postgres);
    await postgres.close();
  } finally {
    await schema.drop();
  }
} else {
  print(`PostgreSQL skipped: ${unavailable}`);
}
