import type { SpecOperation } from './spec-operation.ts';

/** The non-CRM GETs, sent with the product's own `fetch` (`src/hubspot/json-get.ts`). */
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
];
