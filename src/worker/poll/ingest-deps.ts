import type { Logger } from '../../log/logger.ts';
import type { CrmSource } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import type { Engine } from '../engine.ts';

export interface IngestDeps {
  readonly crm: CrmSource;
  /** Settled instances of leads that changed are read back from it. */
  readonly store: Pick<Store, 'openInstancesByIds'>;
  readonly engine: Engine;
  readonly logger: Logger;
}
