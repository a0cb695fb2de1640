import { Client } from '@hubspot/api-client';
import type {
  FilterOperatorEnum,
  PublicObjectSearchRequest,
} from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import { type Logger, LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import { afterEach } from 'vitest';
import {
  type HubSpotSandbox,
  type SlackSandbox,
  type SlackSandboxOptions,
  startSlackSandbox,
} from '../../src/sandbox/index.ts';
import {
  type CheckedSandboxOptions,
  startCheckedHubSpotSandbox,
} from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';

/** 2026-03-02 09:00 UTC, a Monday. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

const running: { stop(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** A HubSpot sandbox on a fake clock, stopped after the test. */
export async function hubspot(
  options: CheckedSandboxOptions = {},
): Promise<HubSpotSandbox & { clock: FakeClock }> {
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock(T0);
  const sandbox = await startCheckedHubSpotSandbox({ ...options, clock });
  running.push(sandbox);
  return Object.assign(sandbox, { clock });
}

export async function slack(options: SlackSandboxOptions = {}): Promise<SlackSandbox & { clock: FakeClock }> {
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock(T0);
  const sandbox = await startSlackSandbox({ ...options, clock });
  running.push(sandbox);
  return Object.assign(sandbox, { clock });
}

/** The real SDK pointed at the sandbox (no retries unless asked: the decorators are process-wide). */
export const hubspotClient = (
  sandbox: HubSpotSandbox,
  extra: Partial<ConstructorParameters<typeof Client>[0]> = {},
) => new Client({ accessToken: 'sandbox-token', basePath: sandbox.url, ...extra });

/** The SDK types `operator` as an enum; the wire value is the string. */
export const op = (operator: `${FilterOperatorEnum}`) => operator as FilterOperatorEnum;

type Filter = {
  propertyName: string;
  operator: `${FilterOperatorEnum}`;
  value?: string;
  highValue?: string;
  values?: string[];
};

/** A search request with one filter group (or none). */
export function searchRequest(
  filters: Filter[],
  extra: Partial<PublicObjectSearchRequest> = {},
): PublicObjectSearchRequest {
  return {
    filterGroups:
      filters.length === 0 ? [] : [{ filters: filters.map((f) => ({ ...f, operator: op(f.operator) })) }],
    properties: [],
    sorts: [],
    limit: 100,
    after: '0',
    ...extra,
  };
}

/** Runs a promise that must reject, and returns what it rejected with. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code?: number; body?: unknown; headers?: unknown; message?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: number; body?: unknown };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The Web API client's logger, silenced: the tests read the errors they provoke from the answers. */
const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** The real Web API client pointed at a Slack sandbox, with its own retries and waits off. */
export const slackClient = (url: string, extra: WebClientOptions = {}, token = 'xoxb-sandbox') =>
  new WebClient(token, {
    slackApiUrl: url,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logger: quiet,
    ...extra,
  });
