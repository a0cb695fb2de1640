// Global test setup: nothing is allowed to reach the internet from a test, and no test may send
// HubSpot a request its OpenAPI spec does not allow (see ./hubspot-spec-violations.ts).
import nock from 'nock';
import { afterEach, expect } from 'vitest';
import { takeSpecViolations } from './hubspot-spec-violations.ts';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);

afterEach(() => {
  expect(takeSpecViolations(), 'HubSpot requests the OpenAPI spec does not allow').toEqual([]);
});
