import { z } from 'zod';
import type { SpecOperation } from './spec-operation.ts';

/** The non-CRM GETs, sent with the product's own `fetch` (`src/hubspot/json-http.ts`). */
export const accountAndCallingOperations: readonly SpecOperation[] = [
  {
    name: 'account.details',
    method: 'GET',
    specPath: '/account-info/v3/details',
    source: {
      kind: 'collection',
      file: 'PublicApiSpecs/Account/Account Info/Rollouts/144923/v3/accountInfo.json',
      operationId: 'get-/account-info/v3/details',
      schemas: [],
    },
  },
  {
    name: 'account.dailyUsage',
    method: 'GET',
    specPath: '/account-info/v3/api-usage/daily/private-apps',
    source: {
      kind: 'collection',
      file: 'PublicApiSpecs/Account/Account Info/Rollouts/144923/v3/accountInfo.json',
      operationId: 'get-/account-info/v3/api-usage/daily/private-apps',
      schemas: [],
    },
  },
  {
    name: 'calling.dispositions',
    method: 'GET',
    specPath: '/calling/v1/dispositions',
    source: {
      kind: 'docs',
      note:
        'not in the spec collection (no file mentions /calling/v1 or dispositions at the pinned commit); ' +
        'HubSpot publishes it as a legacy v1 OpenAPI document (specs/legacy/v1/crm-engagements-v1.json): GET, ' +
        'no parameters, no body',
      url: 'https://developers.hubspot.com/docs/api-reference/legacy/crm/activities/engagements/get-calling-v1-dispositions',
      operationId: 'getcallingv1dispositions',
    },
  },
  {
    name: 'auth.privateAppTokenInfo',
    method: 'POST',
    specPath: '/oauth/v2/private-apps/get/access-token-info',
    body: z.strictObject({ tokenKey: z.string().min(1) }),
    source: {
      kind: 'docs',
      note:
        'not in the spec collection (the OAuth file has only /oauth/v1 paths at the pinned commit); named at ' +
        'the end of the private apps guide (HubSpot/hubspot-api-php issue #171): POST, body {tokenKey} ' +
        '(docs/platform-contract.md HA-1)',
      url: 'https://developers.hubspot.com/docs/api/private-apps',
      operationId: 'post-/oauth/v2/private-apps/get/access-token-info',
    },
  },
  {
    name: 'auth.oauthTokenInfo',
    method: 'GET',
    specPath: '/oauth/v1/access-tokens/{token}',
    pathParams: { token: z.string().regex(/^.+$/) },
    source: {
      kind: 'collection',
      file: 'PublicApiSpecs/Auth/Oauth/Rollouts/155908/v1/oauth.json',
      operationId: 'get-/oauth/v1/access-tokens/{token}_get',
      schemas: [],
    },
  },
];
