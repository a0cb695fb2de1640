import { checkHubSpotRequest, type OutgoingRequest } from './hubspot-request-check.ts';

/**
 * HubSpot requests seen in this test file that the OpenAPI spec does not allow (from checked
 * sandboxes and from nock scopes on HubSpot origins). `test/support/setup.ts` asserts after every
 * test that none is left, so a violation fails the test even when the product swallows the 400.
 */
const recorded: string[] = [];

/** Checks a request and records it when the spec does not allow it; returns the violation or `null`. */
export function recordSpecCheck(request: OutgoingRequest): string | null {
  const violation = checkHubSpotRequest(request);
  if (violation !== null) recorded.push(violation);
  return violation;
}

/** Takes (and forgets) the violations recorded so far: for a test that sends a bad request on purpose. */
export const takeSpecViolations = (): string[] => recorded.splice(0);

/** Origins the nock-based HubSpot tests use (`test/hubspot/harness.ts` BASE, the real API host). */
export const HUBSPOT_TEST_ORIGINS: readonly string[] = ['https://hubspot.test', 'https://api.hubapi.com'];
