import type { SandboxRequest } from '../shared/http-types.ts';
import { isRecord } from '../shared/http-types.ts';

/** Method arguments, from the query string and a form-encoded or JSON body (as Slack accepts them). */
export type Args = Readonly<Record<string, unknown>>;

export function parseArgs(req: SandboxRequest): Args | { readonly invalidJson: true } {
  const args: Record<string, unknown> = Object.fromEntries(req.query);
  const type = String(req.headers['content-type'] ?? '');
  if (req.body.trim() === '') return args;
  if (type.includes('application/json')) {
    try {
      const body = JSON.parse(req.body) as unknown;
      return isRecord(body) ? { ...args, ...body } : { invalidJson: true };
    } catch {
      return { invalidJson: true };
    }
  }
  return { ...args, ...Object.fromEntries(new URLSearchParams(req.body)) };
}

export function str(args: Args, name: string): string | null {
  const value = args[name];
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value : String(value);
}

export function bool(args: Args, name: string): boolean {
  const value = args[name];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** A structured argument (`blocks`, `view`, `metadata`): JSON in a form field, or already parsed. */
export function structured(args: Args, name: string): { ok: true; value: unknown } | { ok: false } {
  const value = args[name];
  if (typeof value !== 'string') return { ok: true, value: value ?? null };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch {
    return { ok: false };
  }
}
