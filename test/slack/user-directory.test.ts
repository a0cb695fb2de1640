import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/domain/time.ts';
import { SlackCallError } from '../../src/slack/errors.ts';
import { SlackUserPayload, toSlackUser } from '../../src/slack/slack-user.ts';
import { createUserDirectory } from '../../src/slack/user-directory.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { slackConfig } from './support/fixtures.ts';
import { slackHarness } from './support/harness.ts';
import { slackApi, slackUser } from './support/slack-http.ts';

function setup(overrides: Record<string, string> = {}) {
  const h = slackHarness();
  const store = new FakeSlackStore();
  const config = slackConfig({ userOverrides: overrides });
  const directory = createUserDirectory({
    client: h.client,
    store,
    queue: h.queue,
    clock: h.clock,
    config: () => config,
  });
  return { ...h, store, directory };
}

describe('finding Slack users by e-mail', () => {
  const http = useStrictHttp();

  it('looks an owner up once and remembers the answer in the store, with their name and time zone', async () => {
    const api = slackApi(http);
    const user = slackUser('U1', 'bram@example.com', { tz: 'America/New_York', real_name: 'Bram Bakker' });
    api.ok('users.lookupByEmail', { user });
    const { directory, store, clock } = setup();
    const first = await directory.byEmail('Bram@Example.com ');
    const again = await directory.byEmail('bram@example.com');
    expect(first).toEqual({
      kind: 'found',
      user: {
        id: 'U1',
        email: 'bram@example.com',
        name: 'Bram Bakker',
        zone: 'America/New_York',
        deleted: false,
        // users.lookupByEmail does not say the locale (only users.info with include_locale does).
        locale: null,
      },
    });
    expect(again).toEqual(first);
    expect(api.callsTo('users.lookupByEmail').map((c) => c.fields.email)).toEqual(['bram@example.com']);
    expect(store.users.get('bram@example.com')).toEqual({
      email: 'bram@example.com',
      slackUserId: 'U1',
      checkedAt: clock.now(),
    });
  });

  it('after a restart, uses the stored id and asks users.info only for the time zone', async () => {
    const api = slackApi(http);
    api.ok('users.info', { user: slackUser('U1', 'bram@example.com', { tz: 'Asia/Tokyo' }) });
    const { directory, store, clock } = setup();
    store.users.set('bram@example.com', {
      email: 'bram@example.com',
      slackUserId: 'U1',
      checkedAt: clock.now() - MINUTE,
    });
    const found = await directory.byEmail('bram@example.com');
    expect(found.kind === 'found' && found.user.zone).toBe('Asia/Tokyo');
    await directory.byEmail('bram@example.com');
    expect(api.callsTo('users.info')).toHaveLength(1);
  });

  it('remembers "not in Slack" only briefly', async () => {
    const api = slackApi(http);
    api.fail('users.lookupByEmail', 'users_not_found');
    const { directory, clock } = setup();
    expect(await directory.byEmail('ghost@example.com')).toEqual({ kind: 'not_found' });
    clock.advance(5 * MINUTE);
    expect(await directory.byEmail('ghost@example.com')).toEqual({ kind: 'not_found' });
    expect(api.callsTo('users.lookupByEmail')).toHaveLength(1);

    clock.advance(6 * MINUTE);
    api.ok('users.lookupByEmail', { user: slackUser('U9', 'ghost@example.com') });
    expect(await directory.byEmail('ghost@example.com')).toMatchObject({ kind: 'found', user: { id: 'U9' } });
  });

  it('uses the YAML override instead of the e-mail lookup', async () => {
    const api = slackApi(http);
    api.ok('users.info', { user: slackUser('U0CHRIS', 'chris.private@example.org') });
    const { directory } = setup({ 'Chris@example.com': 'U0CHRIS' });
    expect(await directory.byEmail('chris@example.com')).toMatchObject({
      kind: 'found',
      user: { id: 'U0CHRIS' },
    });
    expect(await directory.emailOf('U0CHRIS')).toBe('chris@example.com');
    expect(api.callsTo('users.lookupByEmail')).toHaveLength(0);
  });

  it('reports a deactivated account as deleted', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: slackUser('U2', 'old@example.com', { deleted: true }) });
    const { directory } = setup();
    expect(await directory.byEmail('old@example.com')).toMatchObject({
      kind: 'found',
      user: { deleted: true },
    });
  });

  it('throws a retryable error when Slack is down, and caches nothing', async () => {
    const api = slackApi(http);
    api.fail('users.lookupByEmail', 'service_unavailable', 3);
    const { directory, store } = setup();
    const err = await directory.byEmail('bram@example.com').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackCallError);
    expect(err instanceof SlackCallError && err.retryable).toBe(true);
    expect(store.users.size).toBe(0);
  });

  it('shares one lookup between concurrent requests for the same person', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: slackUser('U1', 'bram@example.com') });
    const { directory } = setup();
    await Promise.all([directory.byEmail('bram@example.com'), directory.byEmail('bram@example.com')]);
    expect(api.callsTo('users.lookupByEmail')).toHaveLength(1);
  });

  it('tells a Slack user e-mail from users.info', async () => {
    const api = slackApi(http);
    api.ok('users.info', { user: slackUser('U5', 'Anna@Example.com') });
    const { directory } = setup();
    expect(await directory.emailOf('U5')).toBe('anna@example.com');
  });
});

describe('a Slack user as the adapter reads it', () => {
  it.each([
    [
      'the profile’s real name first',
      { real_name: 'B', profile: { real_name: 'Bram Bakker', display_name: 'bram' } },
      'Bram Bakker',
    ],
    [
      'the user’s real name when the profile has none',
      { real_name: 'Bram Bakker', profile: { display_name: 'bram' } },
      'Bram Bakker',
    ],
    [
      'the display name when there is no real name',
      { real_name: ' ', profile: { real_name: '', display_name: 'bram' } },
      'bram',
    ],
    ['no name when Slack gives none', { profile: { email: 'bram@example.com' } }, null],
  ])('names them by %s', (_, fields, name) => {
    expect(toSlackUser(SlackUserPayload.parse({ id: 'U1', ...fields })).name).toBe(name);
  });
});
