import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../ports/store.ts';
import { openStore } from '../store/open-store.ts';
import type { AppInput } from './assemble-app.ts';
import { describeError } from './errors.ts';
import { StartupError } from './startup-error.ts';

/**
 * The store of the running bot: the one at DATABASE_URL, or a throw-away SQLite store for a dry
 * run. Called only by the composition root (`buildApp`, src/main.ts). Its one reason to change:
 * which store the bot opens, and how a failure to open it is told.
 */
export async function openAppStore(input: AppInput): Promise<Store> {
  if (!input.dryRun) return openStoreAt(input.env.DATABASE_URL, input);
  // The throw-away store of a dry run goes when it is closed: with the app, or by a failed start-up.
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-dry-run-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  const url = join(dir, 'dry-run.sqlite');
  input.logger.warn({ store: url }, 'dry run: state goes to a throw-away store, nothing is sent');
  let store: Store;
  try {
    store = await openStoreAt(url, input);
  } catch (err) {
    await removeDir();
    throw err;
  }
  const closeStore = store.close.bind(store);
  store.close = async () => {
    try {
      await closeStore();
    } finally {
      await removeDir();
    }
  };
  return store;
}

async function openStoreAt(url: string, input: AppInput): Promise<Store> {
  try {
    return await openStore(url, { logger: input.logger });
  } catch (err) {
    throw new StartupError(
      'sla_startup_store',
      `The store at DATABASE_URL could not be opened: ${describeError(err)}`,
      err,
    );
  }
}
