import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HUBSPOT_TEST_ORIGINS } from '../support/hubspot-spec-violations.ts';
import { BASE } from './harness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHECKED = 'test/support/checked-hubspot-sandbox.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('every HubSpot request of the tests is checked against the OpenAPI spec', () => {
  it('no test starts a HubSpot sandbox without the check', () => {
    const unchecked = files(join(ROOT, 'test'))
      .map((f) => relative(ROOT, f))
      .filter((f) => f !== CHECKED && /\bstartHubSpotSandbox\s*\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(unchecked, `start HubSpot sandboxes with startCheckedHubSpotSandbox (${CHECKED})`).toEqual([]);
  });

  it('the nock-based HubSpot tests use an origin the strict HTTP mock checks', () => {
    expect(HUBSPOT_TEST_ORIGINS).toContain(new URL(BASE).origin);
  });
});
