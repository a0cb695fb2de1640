import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Instant, Millis } from '../../domain/time.ts';

/** HubSpot rejects nothing older itself; its docs ask receivers to refuse timestamps over 5 minutes old. */
export const MAX_SIGNATURE_AGE: Millis = 5 * 60_000;

/** What HubSpot signs with the app's client secret (signature v3). */
export interface SignedParts {
  readonly method: string;
  /** The full URL HubSpot called, query string included. */
  readonly uri: string;
  /** The raw request body, byte for byte. */
  readonly body: string;
  /** `X-HubSpot-Request-Timestamp`, epoch ms as sent. */
  readonly timestamp: string;
}

// HubSpot decodes these escapes in the URI before signing (request-validation docs).
const DECODED: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

const decodeUri = (uri: string): string =>
  uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()] ?? m);

/** `base64(HMAC-SHA256(secret, method + uri + body + timestamp))`. */
export function signatureV3(secret: string, parts: SignedParts): string {
  return createHmac('sha256', secret)
    .update(`${parts.method.toUpperCase()}${decodeUri(parts.uri)}${parts.body}${parts.timestamp}`, 'utf8')
    .digest('base64');
}

export type SignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing' | 'bad_timestamp' | 'stale' | 'mismatch' };

/**
 * Verifies `X-HubSpot-Signature-v3` against any of the URIs the request may have been sent to (behind
 * a TLS proxy the worker sees `http` where HubSpot called `https`). Constant-time comparison; a
 * timestamp more than `maxAge` old (or as far in the future) is refused, so a captured request
 * cannot be replayed later.
 */
export function verifySignatureV3(
  secret: string,
  request: {
    readonly method: string;
    readonly uris: readonly string[];
    readonly body: string;
    readonly signature: string | undefined;
    readonly timestamp: string | undefined;
  },
  now: Instant,
  maxAge: Millis = MAX_SIGNATURE_AGE,
): SignatureCheck {
  const { signature, timestamp } = request;
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  if (Math.abs(now - Number(timestamp)) > maxAge) return { ok: false, reason: 'stale' };
  const given = Buffer.from(signature, 'utf8');
  for (const uri of request.uris) {
    const expected = Buffer.from(
      signatureV3(secret, { method: request.method, uri, body: request.body, timestamp }),
      'utf8',
    );
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { ok: true };
  }
  return { ok: false, reason: 'mismatch' };
}
