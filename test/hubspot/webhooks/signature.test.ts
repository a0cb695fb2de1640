import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import {
  MAX_SIGNATURE_AGE,
  signatureV3,
  verifySignatureV3,
} from '../../../src/hubspot/webhooks/signature.ts';

const SECRET = 'client-secret-3f9a';
const NOW = Date.UTC(2026, 4, 12, 9, 30);
const URI = 'https://bot.example.com/webhooks/hubspot';
const BODY = '[{"objectId":101,"propertyName":"lifecyclestage","subscriptionType":"contact.propertyChange"}]';

const request = (over: Partial<Parameters<typeof verifySignatureV3>[1]> = {}) => {
  const timestamp = String(NOW - 1_000);
  return {
    method: 'POST',
    uris: [URI],
    body: BODY,
    timestamp,
    signature: signatureV3(SECRET, { method: 'POST', uri: URI, body: BODY, timestamp }),
    ...over,
  };
};

describe('HubSpot webhook signature v3', () => {
  it('signs exactly as the official SDK does (HMAC-SHA256 of method, URI, body, timestamp; base64)', () => {
    const timestamp = String(NOW);
    const ours = signatureV3(SECRET, { method: 'POST', uri: URI, body: BODY, timestamp });
    const sdk = Signature.getSignature('POST', 'v3', {
      clientSecret: SECRET,
      requestBody: BODY,
      url: URI,
      timestamp: Number(timestamp),
      signature: '',
    });
    expect(ours).toBe(sdk);
  });

  it('accepts a request signed with the client secret', () => {
    expect(verifySignatureV3(SECRET, request(), NOW)).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret, another URL or another method', () => {
    expect(verifySignatureV3(SECRET, request({ body: `${BODY} ` }), NOW)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignatureV3('other-secret', request(), NOW)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignatureV3(SECRET, request({ uris: [`${URI}?x=1`] }), NOW)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignatureV3(SECRET, request({ method: 'PUT' }), NOW)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a timestamp more than five minutes old, or as far ahead, so a captured request cannot be replayed', () => {
    const old = String(NOW - MAX_SIGNATURE_AGE - 1);
    const signedOld = signatureV3(SECRET, { method: 'POST', uri: URI, body: BODY, timestamp: old });
    expect(verifySignatureV3(SECRET, request({ timestamp: old, signature: signedOld }), NOW)).toEqual({
      ok: false,
      reason: 'stale',
    });
    const edge = String(NOW - MAX_SIGNATURE_AGE);
    const signedEdge = signatureV3(SECRET, { method: 'POST', uri: URI, body: BODY, timestamp: edge });
    expect(verifySignatureV3(SECRET, request({ timestamp: edge, signature: signedEdge }), NOW).ok).toBe(true);
    const ahead = String(NOW + MAX_SIGNATURE_AGE + 1);
    const signedAhead = signatureV3(SECRET, { method: 'POST', uri: URI, body: BODY, timestamp: ahead });
    expect(verifySignatureV3(SECRET, request({ timestamp: ahead, signature: signedAhead }), NOW).ok).toBe(
      false,
    );
  });

  it('refuses a missing signature or timestamp, and a timestamp that is not a number', () => {
    expect(verifySignatureV3(SECRET, request({ signature: undefined }), NOW)).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifySignatureV3(SECRET, request({ timestamp: undefined }), NOW)).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifySignatureV3(SECRET, request({ timestamp: '1e12' }), NOW)).toEqual({
      ok: false,
      reason: 'bad_timestamp',
    });
  });

  it('finds the URL HubSpot signed among the candidates (https behind a proxy, http direct)', () => {
    const timestamp = String(NOW);
    const signature = signatureV3(SECRET, { method: 'POST', uri: URI, body: BODY, timestamp });
    const uris = ['http://bot.example.com/webhooks/hubspot', URI];
    expect(
      verifySignatureV3(SECRET, { method: 'POST', uris, body: BODY, timestamp, signature }, NOW).ok,
    ).toBe(true);
  });

  it('decodes the escapes HubSpot decodes before signing (%3A, %2F, %3F, … in the query)', () => {
    const timestamp = String(NOW);
    const signed = signatureV3(SECRET, {
      method: 'POST',
      uri: 'https://bot.example.com/webhooks/hubspot?next=https://x.example/a',
      body: BODY,
      timestamp,
    });
    const escaped = 'https://bot.example.com/webhooks/hubspot?next=https%3A%2F%2Fx.example%2Fa';
    expect(
      verifySignatureV3(
        SECRET,
        { method: 'POST', uris: [escaped], body: BODY, timestamp, signature: signed },
        NOW,
      ).ok,
    ).toBe(true);
  });
});
