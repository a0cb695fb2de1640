import { accountAndCallingOperations } from './account-and-calling.ts';
import { crmMetadataOperations } from './crm-metadata.ts';
import { crmObjectOperations } from './crm-objects.ts';
import { sandboxOnlyOperations } from './sandbox-only.ts';
import type { SpecOperation } from './spec-operation.ts';

export { SPEC_COLLECTION, type SpecOperation } from './spec-operation.ts';

/**
 * Every HubSpot request the product may send, then those only tests and the demo send, each with its
 * hand-written request schema and source. The first operation whose path and method fit is used, so
 * the product's (stricter, literal paths) come before the generic ones.
 */
export const SPEC_OPERATIONS: readonly SpecOperation[] = [
  ...crmObjectOperations,
  ...crmMetadataOperations,
  ...accountAndCallingOperations,
  ...sandboxOnlyOperations,
];
