import { DateTime } from 'luxon';
import { json } from '../../shared/http-types.ts';
import { isoOf } from '../crm-data.ts';
import type { Route } from './route.ts';

export const accountRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/account-info/v3/details',
    rateClass: 'standard',
    handle: (_req, _params, { state, now }) => {
      const offset = DateTime.fromMillis(now, { zone: state.account.timeZone });
      return json(200, {
        ...state.account,
        accountType: 'STANDARD',
        additionalCurrencies: [],
        utcOffset: offset.toFormat('ZZ'),
        utcOffsetMilliseconds: offset.offset * 60_000,
      });
    },
  },
  {
    method: 'GET',
    path: '/account-info/v3/api-usage/daily/private-apps',
    rateClass: 'standard',
    handle: (_req, _params, { state, now, usage }) => {
      const { used, limit } = usage();
      const midnight = DateTime.fromMillis(now, { zone: state.account.timeZone })
        .plus({ days: 1 })
        .startOf('day');
      return json(200, {
        results: [
          {
            // As the spec's example names it (accountInfo.json, CollectionResponseApiUsageNoPaging).
            name: 'private-apps-api-calls-daily',
            usageLimit: limit ?? 0,
            currentUsage: used,
            collectedAt: isoOf(now),
            fetchStatus: 'SUCCESS',
            resetsAt: isoOf(midnight.toMillis()),
          },
        ],
      });
    },
  },
];
