import { describe, expect, it } from 'vitest';
import { RecordedKeys } from '../../../src/worker/memory/recorded-keys.ts';

const A = 'contact:1:sql:100';
const B = 'contact:2:sql:100';

describe('RecordedKeys', () => {
  it('remembers keys per instance and forgets them when the instance closes', () => {
    const keys = new RecordedKeys();
    keys.add(`${A}:handoff:o1`, A);
    keys.add(`${A}:reminder:0`, A);
    keys.add(`${B}:handoff:o1`, B);
    keys.add(`${B}:handoff:o1`, B);

    expect(keys.has(`${A}:handoff:o1`, A)).toBe(true);
    expect(keys.has(`${A}:breach`, A)).toBe(false);
    // The same rest of a key under another instance is another key.
    expect(keys.has(`${B}:reminder:0`, B)).toBe(false);
    expect(keys.size).toBe(3);

    keys.forget(A);

    expect(keys.has(`${A}:handoff:o1`, A)).toBe(false);
    expect(keys.has(`${B}:handoff:o1`, B)).toBe(true);
    expect(keys.size).toBe(1);
  });

  it('a key not starting with its instance id is kept whole, apart from rests of keys', () => {
    const keys = new RecordedKeys();
    keys.add(':breach', A);

    expect(keys.has(':breach', A)).toBe(true);
    expect(keys.has(`${A}:breach`, A)).toBe(false);
  });

  it('keys without an instance (admin alerts) are kept until forget names them', () => {
    const keys = new RecordedKeys();
    keys.add(`admin:owner-inactive:${A}`);

    expect(keys.has(`admin:owner-inactive:${A}`)).toBe(true);
    keys.forget(A);
    expect(keys.has(`admin:owner-inactive:${A}`)).toBe(true);
    keys.forget(A, [`admin:owner-inactive:${A}`]);
    expect(keys.has(`admin:owner-inactive:${A}`)).toBe(false);
  });
});
