import { FakeStore } from '../fakes/fake-store.ts';
import { describeStoreContract, type StoreFixture } from './store-contract.ts';

/**
 * The worker tests' in-memory store keeps to the same contract as the real ones, so it cannot drift from them.
 * Its database is the object itself: a second store "on the same database" is the same object.
 */
async function makeFakeStore(): Promise<StoreFixture> {
  const store = new FakeStore();
  return {
    store,
    openSecond: async () => store,
    dispose: async () => store.close(),
  };
}

describeStoreContract('the in-memory FakeStore', makeFakeStore, { exclusiveLeases: true });
