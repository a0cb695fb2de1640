import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/log/logger.ts';
import type { Store } from '../../src/ports/store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { describeStoreContract, type StoreFixture } from './store-contract.ts';

const logger = createLogger('silent');

/** A SQLite file in a fresh directory that does not exist yet (openStore creates it). */
async function makeSqliteStore(): Promise<StoreFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-store-'));
  const url = `file:${join(dir, 'data', 'sla-bot.sqlite')}`;
  const opened: Store[] = [await openStore(url, { logger })];
  return {
    store: opened[0] as Store,
    openSecond: async () => {
      const second = await openStore(url, { logger });
      opened.push(second);
      return second;
    },
    dispose: async () => {
      for (const store of opened) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeStoreContract('SQLite (node:sqlite, WAL file)', makeSqliteStore, { exclusiveLeases: false });
