import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { loadSlaConfigText } from '../config/load-sla-config.ts';
import { formatProblem } from '../config/problems.ts';
import type { SlaConfig } from '../config/types.ts';
import { DAY, type Instant } from '../domain/time.ts';
import type { Lang } from '../i18n/language.ts';
import { createLogger } from '../log/logger.ts';
import { openStore } from '../store/open-store.ts';
import { demoSlaFile } from './demo-sla-file.ts';
import type { DemoScenario } from './scenario.ts';
import { type DemoSummary, summarize } from './summary.ts';

/** The files of one demo run, in its own directory: SLA file, worker log, SQLite store. */

const DEMO_FILE = new URL('../../config/demo.yaml', import.meta.url);
/** Writes the run's SLA file (config/demo.yaml at this speed, office shifted) and loads it. */
export async function demoConfig(dir: string, speed: number, opensAt: Instant, lang: Lang = 'en') {
  const text = demoSlaFile(await readFile(DEMO_FILE, 'utf8'), { speed, officeOpensAt: opensAt, lang });
  const file = join(dir, 'sla.yaml');
  await writeFile(file, text);
  const loaded = loadSlaConfigText(text, file);
  if (!loaded.ok) throw new Error(`demo SLA file invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return { file, config: loaded.config };
}

/** The worker's log goes to a file (the terminal shows Slack); errors in it are counted for the end. */
export function fileLogger(path: string) {
  const file = createWriteStream(path);
  const errors: string[] = [];
  const logger = createLogger('info', {
    write(line: string) {
      file.write(line);
      if (/"level":(50|60)/.test(line)) errors.push(/"msg":"([^"]*)"/.exec(line)?.[1] ?? line);
    },
  });
  const close = () => new Promise<void>((resolve) => file.end(resolve));
  return { logger, errors, close };
}

/** The summary from the store the worker left behind (opened again after it closed). */
export async function readSummary(
  databaseUrl: string,
  config: SlaConfig,
  scenario: DemoScenario,
  ownerEmails: ReadonlyMap<string, string>,
  start: Instant,
  now: Instant,
  logger: ReturnType<typeof createLogger>,
): Promise<DemoSummary> {
  const store = await openStore(databaseUrl, { logger });
  try {
    const names = new Map(scenario.people.map((p) => [p.email, `${p.firstName} ${p.lastName}`]));
    return summarize({
      instances: await store.instancesBetween(start - DAY, now + DAY),
      outbox: await store.outboxBetween(start - DAY, now + 2 * DAY),
      ownerName: (id) => (id === null ? 'unassigned' : (names.get(ownerEmails.get(id) ?? '') ?? id)),
      stageLabel: (key) => config.stages.find((s) => s.key === key)?.label ?? key,
      formatTime: (at) => DateTime.fromMillis(at, { zone: config.timezone }).toFormat('HH:mm:ss'),
      now,
    });
  } finally {
    await store.close();
  }
}
