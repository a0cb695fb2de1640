import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { Instant } from '../../../domain/time.ts';

/** Why a signed value was refused. */
export type Refusal = 'malformed' | 'bad-signature' | 'expired';

export type Opened<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly why: Refusal };

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

const mac = (key: Buffer, purpose: string, body: string) =>
  createHmac('sha256', key).update(`${purpose}.${body}`).digest();

/**
 * `base64url(JSON).base64url(HMAC-SHA256(key, purpose.JSON))`: readable by anyone who has it (it
 * holds no secret), changeable by no one without the key. `purpose` keeps one kind of value (the
 * sign-in state) from being passed off as another (a session). `exp` is in epoch milliseconds.
 */
export function seal<T extends { readonly exp: Instant }>(key: Buffer, purpose: string, payload: T): string {
  const body = b64(JSON.stringify(payload));
  return `${body}.${b64(mac(key, purpose, body))}`;
}

/** Checks the signature (constant time), then the shape, then the expiry. */
export function unseal<T extends { readonly exp: Instant }>(
  key: Buffer,
  purpose: string,
  token: string,
  schema: z.ZodType<T>,
  now: Instant,
): Opened<T> {
  const [body, signature, ...rest] = token.split('.');
  if (body === undefined || signature === undefined || rest.length > 0)
    return { ok: false, why: 'malformed' };
  const expected = mac(key, purpose, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, why: 'bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, why: 'malformed' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, why: 'malformed' };
  if (parsed.data.exp <= now) return { ok: false, why: 'expired' };
  return { ok: true, value: parsed.data };
}
