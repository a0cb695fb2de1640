import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../shared/http-types.ts';
import { type ObjectType, upperSingular } from './object-types.ts';

/** HubSpot's standard error body (`Error` in the OpenAPI specs). */
export function hubspotError(
  status: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): SandboxResponse {
  return { status, body: { status: 'error', message, correlationId: randomUUID(), category, ...extra } };
}

export const validationError = (message: string, extra: Record<string, unknown> = {}) =>
  hubspotError(400, 'VALIDATION_ERROR', message, extra);

export const objectNotFound = (id: string) =>
  hubspotError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', {
    context: { id: [id] },
  });

export const routeNotFound = (method: string, path: string) =>
  hubspotError(404, 'OBJECT_NOT_FOUND', `Unable to route ${method} ${path}`);

export const unauthorized = () =>
  hubspotError(
    401,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );

/**
 * A private app without a scope the call needs: 403 `MISSING_SCOPES`, the scopes under
 * `errors[].context.requiredGranularScopes` (docs/platform-contract.md HW-13).
 */
export const missingScopes = (scopes: readonly string[]) =>
  hubspotError(
    403,
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    {
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: scopes },
        },
      ],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    },
  );

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

const RATE_LIMIT_MESSAGES: Readonly<Record<RateLimitPolicy, string>> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  // The SDK's retry decorator matches this exact message.
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
};

/**
 * The 429 body, which is *not* the `Error` schema (no `category`; `errorType` and `policyName`).
 * TEN_SECONDLY_ROLLING bodies name the rate-limit group (app and portal, observed:
 * `publicapi:private_app-api-calls-ten-secondly:<appId>:<portalId>`); DAILY and SECONDLY carry a
 * `requestId` (docs/platform-contract.md HR-9).
 */
export function rateLimitedResponse(
  policy: RateLimitPolicy,
  headers: Record<string, string>,
  group: { readonly appId: number; readonly portalId: number } = { appId: 1, portalId: 1 },
): SandboxResponse {
  const base = {
    status: 'error',
    message: RATE_LIMIT_MESSAGES[policy],
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName: policy,
  };
  return {
    status: 429,
    headers,
    body:
      policy === 'TEN_SECONDLY_ROLLING'
        ? {
            ...base,
            groupName: `publicapi:private_app-api-calls-ten-secondly:${group.appId}:${group.portalId}`,
          }
        : { ...base, requestId: randomUUID() },
  };
}

/** The 207/`errors[]` entry for ids a batch read could not find. */
export const batchNotFoundError = (type: ObjectType, ids: readonly string[]) => ({
  status: 'error',
  category: 'OBJECT_NOT_FOUND',
  message: `Could not get some ${upperSingular(type)} objects, they may be deleted or not exist. Check that ids are valid.`,
  context: { ids },
});
