import {
  type HubSpotError,
  HubSpotMalformedResponseError,
  HubSpotNetworkError,
  HubSpotServerError,
  HubSpotTimeoutError,
} from './errors.ts';

/**
 * Socket errors raised before a connection exists: the request never left, so sending it again
 * cannot repeat it. Every other network error (a reset or closed socket mid-request) may come after
 * HubSpot read the request.
 */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

const causeCodes = (error: unknown): string[] => {
  const codes: string[] = [];
  let current = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    if ('code' in current && typeof current.code === 'string') codes.push(current.code);
    current = 'cause' in current ? current.cause : undefined;
  }
  return codes;
};

/**
 * Whether HubSpot may have carried out a request that failed this way. A 5xx or 408 can be sent after
 * the work is done (a proxy gave up waiting), a time-out or a reset connection says nothing about the
 * server side, and an unreadable 2xx is a success whose answer was lost. A 429 or another 4xx is a
 * refusal: nothing was done.
 */
export function mayHaveBeenCarriedOut(error: HubSpotError): boolean {
  if (error instanceof HubSpotServerError) return true;
  if (error instanceof HubSpotTimeoutError) return true;
  if (error instanceof HubSpotMalformedResponseError) return true;
  if (error instanceof HubSpotNetworkError) return !causeCodes(error.cause).some((c) => NEVER_SENT.has(c));
  return false;
}
