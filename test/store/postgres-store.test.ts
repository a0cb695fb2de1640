import { afterAll, describe, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import type { Store } from '../../src/ports/store.ts';
import { openStore } from '../../src/store/open-store.ts';
import {
  createTestSchema,
  postgresUnavailableReason,
  REQUIRE_POSTGRES,
  skipWarning,
} from './postgres-harness.ts';
import { describeStoreContract, type StoreFixture } from './store-contract.ts';

const logger = createLogger('silent');

const unavailable = await postgresUnavailableReason();

/** This file's schema: migrated by the first store, emptied after each test, dropped at the end. */
const schema = unavailable === null ? await createTestSchema() : null;
afterAll(async () => {
  await schema?.drop();
});

async function makePostgresStore(): Promise<StoreFixture> {
  if (schema === null) throw new Error('PostgreSQL is unreachable');
  const opened: Store[] = [await openStore(schema.url, { logger })];
  return {
    store: opened[0] as Store,
    openSecond: async () => {
      const second = await openStore(schema.url, { logger });
      opened.push(second);
      return second;
    },
    dispose: async () => {
      for (const store of opened) await store.close();
      await schema.clear();
    },
  };
}

if (unavailable === null) {
  describeStoreContract('PostgreSQL', makePostgresStore, { exclusiveLeases: true });
} else if (REQUIRE_POSTGRES) {
  describe('Store contract on PostgreSQL', () => {
    it('needs PostgreSQL (REQUIRE_POSTGRES=1)', () => {
      throw new Error(`PostgreSQL at TEST_DATABASE_URL is unreachable: ${unavailable}`);
    });
  });
} else {
  console.warn(skipWarning('the PostgreSQL store contract', unavailable));
  describe.skip('Store contract on PostgreSQL (unreachable)', () => {
    it('runs when PostgreSQL is reachable', () => {});
  });
}
