import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { ReportFacts } from '../../src/domain/reports/index.ts';
import type { Store } from '../../src/ports/store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { captureLogger } from '../fakes/logger.ts';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `sla-bot …` in-process with the given environment. */
export async function sla(args: readonly string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

/** A SQLite file filled by `fill`, closed again (the command opens it itself). */
export async function storeFile(
  fill: (store: Store) => Promise<void>,
): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-cli-'));
  const file = join(dir, 'store.sqlite');
  const store = await openStore(file, { logger: captureLogger('silent').logger });
  await fill(store);
  await store.close();
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The fixture's facts with owner ids replaced (e.g. by the ids the HubSpot sandbox handed out). */
export function withOwners(facts: ReportFacts, ids: Readonly<Record<string, string>>): ReportFacts {
  return {
    ...facts,
    instances: facts.instances.map((f) => ({
      ...f,
      instance: {
        ...f.instance,
        ownerId: f.instance.ownerId === null ? null : (ids[f.instance.ownerId] ?? f.instance.ownerId),
      },
    })),
  };
}
