import type { Logger } from '../log/logger.ts';
import type { Rejected } from '../ports/crm-source.ts';

/**
 * Logs each record HubSpot gave that the adapter could not use, once: the adapter logs them where
 * it drops them (the worker does not log them again), naming the record and why.
 */
export const logRejected = (logger: Logger, rejected: readonly Rejected[]): void => {
  for (const r of rejected)
    logger.warn({ what: r.what, id: r.id, reason: r.reason }, 'hubspot record rejected');
};
