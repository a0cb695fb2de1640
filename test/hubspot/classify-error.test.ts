import { describe, expect, it } from 'vitest';
import { classifyError, HttpStatusError } from '../../src/hubspot/classify-error.ts';
import {
  HubSpotAuthError,
  HubSpotMalformedResponseError,
  HubSpotNetworkError,
  HubSpotRateLimitError,
  HubSpotRequestError,
  HubSpotScopeError,
  HubSpotServerError,
} from '../../src/hubspot/errors.ts';

const fail = (code: number, body: unknown, headers: Record<string, string> = {}) =>
  new HttpStatusError(code, body, headers);
const classify = (e: unknown) => classifyError(e, 'contacts.search', 'crm.objects.contacts.read');

describe('classifying HubSpot failures', () => {
  it('reads the rate-limit policy from 429 bodies', () => {
    const burst = classify(
      fail(429, {
        status: 'error',
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
        message: 'You have reached your ten_secondly_rolling limit.',
      }),
    );
    expect(burst).toBeInstanceOf(HubSpotRateLimitError);
    expect(burst).toMatchObject({ policy: 'TEN_SECONDLY_ROLLING', retryAfter: 10_000, retryable: true });
    expect(
      classify(fail(429, { message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' })),
    ).toMatchObject({ policy: 'SECONDLY', retryAfter: 1_000 });
    expect(
      classify(fail(429, { policyName: 'DAILY', message: 'You have reached your daily limit.' })),
    ).toMatchObject({ policy: 'DAILY' });
  });

  it('honours Retry-After and the interval header when present', () => {
    expect(classify(fail(429, { policyName: 'TEN_SECONDLY_ROLLING' }, { 'Retry-After': '3' }))).toMatchObject(
      { retryAfter: 3_000 },
    );
    expect(
      classify(
        fail(
          429,
          { policyName: 'TEN_SECONDLY_ROLLING' },
          { 'x-hubspot-ratelimit-interval-milliseconds': '10000' },
        ),
      ),
    ).toMatchObject({ retryAfter: 10_000 });
  });

  it('names the missing scope from the 403 body, or the one the call needs', () => {
    const named = classify(
      fail(403, {
        status: 'error',
        message: "This app hasn't been granted all required scopes to make this call.",
        category: 'MISSING_SCOPES',
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: ['crm.objects.owners.read'] },
          },
        ],
      }),
    );
    expect(named).toBeInstanceOf(HubSpotScopeError);
    expect((named as HubSpotScopeError).scopes).toEqual(['crm.objects.owners.read']);
    expect(named.message).toContain("'crm.objects.owners.read'");
    const fallback = classify(fail(403, { category: 'MISSING_SCOPES', message: 'missing scopes' }));
    expect((fallback as HubSpotScopeError).scopes).toEqual(['crm.objects.contacts.read']);
  });

  it('tells retryable from permanent', () => {
    expect(classify(fail(401, { category: 'INVALID_AUTHENTICATION', message: 'expired' }))).toBeInstanceOf(
      HubSpotAuthError,
    );
    expect(classify(fail(502, '<html>Bad gateway</html>'))).toBeInstanceOf(HubSpotServerError);
    expect(classify(fail(503, null)).message).toContain('503');
    const bad = classify(
      fail(400, { category: 'VALIDATION_ERROR', message: 'Property values were not valid' }),
    );
    expect(bad).toBeInstanceOf(HubSpotRequestError);
    expect(bad).toMatchObject({ retryable: false, status: 400, category: 'VALIDATION_ERROR' });
  });

  it('treats unparseable bodies and network failures as retryable', () => {
    expect(classify(new SyntaxError('Unexpected token <'))).toBeInstanceOf(HubSpotMalformedResponseError);
    expect(classify(new TypeError('fetch failed'))).toBeInstanceOf(HubSpotNetworkError);
  });

  it('leaves programming errors alone', () => {
    const bug = new RangeError('oops');
    expect(classify(bug)).toBe(bug);
  });
});
