import { Client } from '@hubspot/api-client';
import Bottleneck from 'bottleneck';
import { afterEach, describe, expect, it } from 'vitest';
import accountDetails from '../fixtures/hubspot/account-details.json' with { type: 'json' };
import dispositions from '../fixtures/hubspot/dispositions.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, emptyPage, harness } from './harness.ts';

/**
 * A limiter that refuses every job: the SDK keeps decorators in one process-wide service that the
 * last `new Client()` sets, so a call that picks them up is dropped at once instead of sent.
 */
const refusingLimiter = { reservoir: 0, highWater: 0, strategy: Bottleneck.strategy.OVERFLOW };

describe('another HubSpot SDK client in the same process', () => {
  const http = useStrictHttp();
  // A client without options puts the SDK's process-wide decorators back to none for later tests.
  afterEach(() => void new Client());

  it('built after ours, its limiter reaches none of our calls, with or without an SDK method', async () => {
    const h = harness();
    void new Client({ accessToken: 'someone-else', limiterOptions: refusingLimiter });
    const scope = http.scope(BASE, { reqheaders: { authorization: 'Bearer pat-test' } });
    scope.get('/calling/v1/dispositions').reply(200, dispositions);
    scope.get('/account-info/v3/details').reply(200, accountDetails);
    scope.post('/crm/v3/objects/contacts/search').reply(200, emptyPage);

    await expect(h.client.api.dispositions()).resolves.toHaveLength(dispositions.length);
    await expect(h.client.api.accountDetails()).resolves.toMatchObject({ portalId: '62515' });
    await expect(
      h.client.api.search('contacts', { filterGroups: [], sorts: [], properties: [], limit: 1 }),
    ).resolves.toMatchObject({ results: [] });
    expect(h.client.api.requestCount).toBe(3);
  });
});
