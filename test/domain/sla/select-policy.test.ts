import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../src/domain/policy.ts';
import { matchesCondition, selectPolicy } from '../../../src/domain/sla/select-policy.ts';
import { policy } from './builders.ts';

const paid: Condition = { property: 'hs_analytics_source', in: ['PAID_SEARCH', 'PAID_SOCIAL'] };
const enterprise: Condition = { property: 'company_size', equals: 'enterprise' };

describe('matchesCondition', () => {
  it.each([
    ['equals matches the exact value', enterprise, { company_size: 'enterprise' }, true],
    ['equals does not match another value', enterprise, { company_size: 'smb' }, false],
    ['equals does not match a missing property', enterprise, {}, false],
    ['in matches a listed value', paid, { hs_analytics_source: 'PAID_SOCIAL' }, true],
    ['in does not match an unlisted value', paid, { hs_analytics_source: 'ORGANIC_SEARCH' }, false],
    ['notIn accepts an empty property', { property: 'country', notIn: ['US'] }, { country: '' }, true],
    ['notIn rejects a listed value', { property: 'country', notIn: ['US'] }, { country: 'US' }, false],
    ['all needs every condition', { all: [paid, enterprise] }, { hs_analytics_source: 'PAID_SEARCH' }, false],
    ['any needs one condition', { any: [paid, enterprise] }, { company_size: 'enterprise' }, true],
    ['any of nothing is false', { any: [] }, {}, false],
  ] satisfies [string, Condition, Record<string, string | null>, boolean][])(
    '%s',
    (_, condition, props, expected) => {
      expect(matchesCondition(condition, props)).toBe(expected);
    },
  );
});

describe('selectPolicy', () => {
  const enterpriseSql = policy({ name: 'enterprise-sql', stage: 'sql', segment: enterprise });
  const anySql = policy({ name: 'sql', stage: 'sql' });
  const anyMql = policy({ name: 'mql', stage: 'mql' });
  const policies = [anyMql, enterpriseSql, anySql];

  it('the first policy whose stage and segment match wins', () => {
    expect(selectPolicy(policies, 'sql', { company_size: 'enterprise' })?.name).toBe('enterprise-sql');
  });

  it('a lead outside the segment falls through to the next policy for the stage', () => {
    expect(selectPolicy(policies, 'sql', { company_size: 'smb' })?.name).toBe('sql');
  });

  it('a stage without a policy selects nothing', () => {
    expect(selectPolicy(policies, 'sal', {})).toBeNull();
  });
});
