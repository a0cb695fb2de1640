import { afterEach, describe, expect, it } from 'vitest';
import { loadSlaConfigFile } from '../../src/config/load-sla-config.ts';
import type { SlaConfig } from '../../src/config/types.ts';
import { HubSpotConfigMismatchError } from '../../src/hubspot/errors.ts';
import { createHubSpotClient } from '../../src/hubspot/hubspot-client.ts';
import { createHubSpotSource } from '../../src/hubspot/hubspot-source.ts';
import { setupWriteBack } from '../../src/hubspot/write-back-setup.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { takeSpecViolations } from '../support/hubspot-spec-violations.ts';
import { NOW } from './harness.ts';
import { ManualTiming } from './manual-timing.ts';

const PRIVATE_APP = 'pat-na1-00000000-aaaa-bbbb-cccc-0123456789ab';
const OAUTH = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';
const INFO = 'POST /oauth/v2/private-apps/get/access-token-info';
const OAUTH_INFO = 'GET /oauth/v1/access-tokens/{token}';
const READ_ONLY = ['crm.objects.contacts.read', 'crm.schemas.contacts.read', 'crm.objects.owners.read'];

const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

/** The demo's SLA file: write-back on (line 91) and one `reassign:` (line 60), with their real lines. */
async function demoConfig(): Promise<SlaConfig> {
  const loaded = await loadSlaConfigFile('config/demo.yaml');
  if (!('config' in loaded) || loaded.config === undefined) throw new Error('config/demo.yaml does not load');
  return loaded.config;
}

/** The real source and @hubspot/api-client against the spec-checked sandbox, with the demo's portal set up. */
async function world(options: {
  token?: string;
  scopes?: readonly string[];
  config?: SlaConfig;
  oauth?: boolean;
}) {
  const token = options.token ?? PRIVATE_APP;
  const clock = new FakeClock(NOW);
  const sandbox: HubSpotSandbox = await startCheckedHubSpotSandbox({
    clock,
    rateLimits: false,
    ...(options.oauth ? { tokens: [], oauthTokens: [token] } : { tokens: [token] }),
    ...(options.scopes === undefined ? {} : { scopes: { [token]: options.scopes } }),
  });
  stopping.push(() => sandbox.stop());
  const config = options.config ?? (await demoConfig());
  const log = captureLogger();
  const base = { accessToken: token, basePath: sandbox.url, config, logger: log.logger, clock };
  const client = createHubSpotClient({ ...base, timing: new ManualTiming() });
  await setupWriteBack(client.api, log.logger);
  const source = createHubSpotSource({ ...base, client });
  const asked = (endpoint: string) => sandbox.stats.snapshot().byEndpoint[endpoint]?.count ?? 0;
  return { sandbox, source, config, log, asked };
}

const failure = async (verify: Promise<void>): Promise<HubSpotConfigMismatchError> => {
  const error = await verify.catch((e: unknown) => e);
  if (!(error instanceof HubSpotConfigMismatchError)) throw new Error(`expected a mismatch, got ${error}`);
  return error;
};

describe('the start-up check asks HubSpot for the token’s write scopes (issue 18, HA-1..HA-3)', () => {
  it('passes for a private app with the write scope: one token-info request, no OAuth one', async () => {
    const w = await world({});
    await w.source.verify(w.config);
    expect(w.asked(INFO)).toBe(1);
    expect(w.asked(OAUTH_INFO)).toBe(0);
    expect(w.log.lines().some((e) => e.msg === 'hubspot token scopes read')).toBe(true);
  });

  it('refuses to start without crm.objects.contacts.write, naming write_back’s and reassign’s lines', async () => {
    const w = await world({ scopes: READ_ONLY });
    const error = await failure(w.source.verify(w.config));
    const lines = error.message.split('\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^ {2}config\/demo\.yaml:60:\d+: policies\[0\]\.escalate\[2\]\.reassign \(reassignment/,
    );
    expect(lines[1]).toMatch(
      /^ {2}config\/demo\.yaml:91:\d+: hubspot\.write_back \(write-back on the contact\)/,
    );
    for (const line of lines) expect(line).toContain("needs the HubSpot scope 'crm.objects.contacts.write'");
  });

  it('asks the OAuth endpoint when the private-app one refuses the token, and checks its scopes too', async () => {
    const w = await world({ token: OAUTH, oauth: true, scopes: READ_ONLY });
    const error = await failure(w.source.verify(w.config));
    expect(error.problems).toHaveLength(2);
    expect(w.asked(INFO)).toBe(1);
    expect(w.asked(OAUTH_INFO)).toBe(1);
  });

  it('an OAuth token with the scope passes', async () => {
    const w = await world({ token: OAUTH, oauth: true });
    await expect(w.source.verify(w.config)).resolves.toBeUndefined();
  });

  it('when HubSpot cannot say, starts with a warning (the first refused write tells the admins)', async () => {
    const w = await world({ scopes: READ_ONLY });
    w.sandbox.faults.inject('server_error', { times: 10, endpoint: INFO });
    await expect(w.source.verify(w.config)).resolves.toBeUndefined();
    const warning = w.log
      .lines()
      .find((e) => String(e.msg).startsWith('hubspot token scopes could not be read'));
    expect(warning).toMatchObject({ reason: 'auth.privateAppTokenInfo: HUBSPOT_SERVER' });
    expect(w.asked(OAUTH_INFO)).toBe(0);
  });

  it('never logs the token, though both endpoints carry it', async () => {
    const w = await world({ token: OAUTH, oauth: true, scopes: READ_ONLY });
    await w.source.verify(w.config).catch(() => undefined);
    expect(w.log.raw()).not.toContain(OAUTH);
  });

  it('does not ask when the SLA file writes nothing to HubSpot', async () => {
    const demo = await demoConfig();
    const config: SlaConfig = {
      ...demo,
      hubspot: { ...demo.hubspot, writeBack: { ...demo.hubspot.writeBack, enabled: false } },
      reassignments: [],
    };
    const w = await world({ scopes: READ_ONLY, config });
    await expect(w.source.verify(config)).resolves.toBeUndefined();
    expect(w.asked(INFO)).toBe(0);
  });
});

describe('the sandbox’s token-info endpoints are as strict as HubSpot’s (HA-1, HA-2)', () => {
  const start = async () => {
    const sandbox = await startCheckedHubSpotSandbox({
      rateLimits: false,
      specCheck: 'record',
      tokens: [PRIVATE_APP],
      oauthTokens: [OAUTH],
    });
    stopping.push(() => sandbox.stop());
    const send = async (method: string, path: string, body?: unknown, bearer = PRIVATE_APP) => {
      const response = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return { send };
  };
  const INFO_PATH = '/oauth/v2/private-apps/get/access-token-info';

  it('the sandbox refuses a token-info body without exactly tokenKey', async () => {
    const { send } = await start();
    expect((await send('POST', INFO_PATH, {})).status).toBe(400);
    expect((await send('POST', INFO_PATH, { tokenKey: PRIVATE_APP, extra: 1 })).status).toBe(400);
    expect((await send('POST', INFO_PATH, { tokenKey: OAUTH }, OAUTH)).status).toBe(400);
    const ok = await send('POST', INFO_PATH, { tokenKey: PRIVATE_APP });
    expect(ok).toMatchObject({ status: 200, body: { hubId: expect.any(Number), appId: expect.any(Number) } });
    expect(ok.body.scopes).toContain('crm.objects.contacts.write');
    expect(takeSpecViolations()).toHaveLength(2); // the two bodies the spec (HA-1) does not allow
  });

  it('the sandbox’s OAuth endpoint refuses a private app’s token as HubSpot does', async () => {
    const { send } = await start();
    const refused = await send('GET', `/oauth/v1/access-tokens/${PRIVATE_APP}`);
    expect(refused).toMatchObject({
      status: 400,
      body: { status: 'error', message: 'The access token must have the correct format' },
    });
    const served = await send('GET', `/oauth/v1/access-tokens/${OAUTH}`, undefined, OAUTH);
    expect(served).toMatchObject({ status: 200, body: { token: OAUTH, token_type: 'access' } });
  });
});
