import {
  type HubSpotSandbox,
  type HubSpotSandboxOptions,
  startHubSpotSandbox,
} from '../../src/sandbox/index.ts';
import { recordSpecCheck } from './hubspot-spec-violations.ts';

export interface CheckedSandboxOptions extends Omit<HubSpotSandboxOptions, 'observeRequest'> {
  /**
   * `refuse` (default): a request the spec does not allow is answered 400 and recorded.
   * `record`: recorded only, and the sandbox answers as it would — for sandbox tests that send a
   * spec-invalid request on purpose to see the sandbox's own answer; they must `takeSpecViolations()`.
   */
  readonly specCheck?: 'refuse' | 'record';
}

/**
 * The HubSpot sandbox every test starts: each request is checked against HubSpot's OpenAPI request
 * shapes (`hubspot-request-check.ts`). Tests never call `startHubSpotSandbox` themselves
 * (`test/hubspot/openapi-wiring.test.ts` keeps it so).
 */
export function startCheckedHubSpotSandbox(options: CheckedSandboxOptions = {}): Promise<HubSpotSandbox> {
  const { specCheck = 'refuse', ...sandboxOptions } = options;
  return startHubSpotSandbox({
    ...sandboxOptions,
    observeRequest: (req) => {
      const violation = recordSpecCheck({
        method: req.method,
        path: req.path,
        query: req.query,
        contentType: req.headers['content-type'],
        body: req.body,
      });
      if (violation === null || specCheck === 'record') return null;
      return `Request not allowed by HubSpot's OpenAPI spec: ${violation}`;
    },
  });
}
