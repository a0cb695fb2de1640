/**
 * The one behavioural contract of the Store port, run against every adapter (SQLite, PostgreSQL).
 * Each backend file supplies `makeStore`: a fresh, migrated, empty store per test.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { describeCycleContract } from './contract/cycle-contract.ts';
import { describeDealsContract } from './contract/deals-contract.ts';
import { describeFeedbackContract } from './contract/feedback-contract.ts';
import { describeFencingContract } from './contract/fencing-contract.ts';
import { describeInstanceContract } from './contract/instance-contract.ts';
import { describeLeaseContract } from './contract/lease-contract.ts';
import { describeMessageTruthContract } from './contract/message-truth-contract.ts';
import { describeOrderContract } from './contract/order-contract.ts';
import { describeOutboxContract } from './contract/outbox-contract.ts';
import { describeReassignmentContract } from './contract/reassignment-contract.ts';

export interface StoreFixture {
  readonly store: Store;
  /** Another store (another process, in production) on the same database. */
  openSecond(): Promise<Store>;
  /** Closes every store opened and removes the database. */
  dispose(): Promise<void>;
}

export interface StoreCapabilities {
  /** Leases are exclusive between holders (PostgreSQL); otherwise always granted (SQLite). */
  readonly exclusiveLeases: boolean;
}

/** Gives each test its own store; `ctx.store` is valid inside tests and hooks. */
export interface StoreContext {
  readonly store: Store;
  readonly fixture: StoreFixture;
}

export function describeStoreContract(
  name: string,
  makeStore: () => Promise<StoreFixture>,
  capabilities: StoreCapabilities,
): void {
  describe(`Store contract on ${name}`, () => {
    let current: StoreFixture | null = null;
    const ctx: StoreContext = {
      get fixture() {
        if (current === null) throw new Error('the store fixture is only available inside a test');
        return current;
      },
      get store() {
        return this.fixture.store;
      },
    };
    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.dispose();
      current = null;
    });

    describeCycleContract(ctx);
    describeInstanceContract(ctx);
    describeOutboxContract(ctx);
    describeFeedbackContract(ctx);
    describeLeaseContract(ctx, capabilities);
    describeFencingContract(ctx, capabilities);
    describeMessageTruthContract(ctx, capabilities);
    describeOrderContract(ctx);
    describeDealsContract(ctx);
    describeReassignmentContract(ctx, capabilities);
  });
}
