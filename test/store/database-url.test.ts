import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/store/database-url.ts';
import { InvalidDatabaseUrlError } from '../../src/store/errors.ts';

describe('DATABASE_URL picks the store', () => {
  it.each([
    [
      'postgres://sla:secret@db.internal:5432/sla',
      { kind: 'postgres', connectionString: 'postgres://sla:secret@db.internal:5432/sla' },
    ],
    [
      'postgresql://localhost/sla?sslmode=require',
      { kind: 'postgres', connectionString: 'postgresql://localhost/sla?sslmode=require' },
    ],
    ['POSTGRES://localhost/sla', { kind: 'postgres', connectionString: 'POSTGRES://localhost/sla' }],
    ['data/sla-bot.sqlite', { kind: 'sqlite', path: 'data/sla-bot.sqlite' }],
    ['/var/lib/sla-bot/state.db', { kind: 'sqlite', path: '/var/lib/sla-bot/state.db' }],
    ['file:data/x.sqlite', { kind: 'sqlite', path: 'data/x.sqlite' }],
    ['file:///var/lib/x.sqlite', { kind: 'sqlite', path: '/var/lib/x.sqlite' }],
    ['sqlite:data/x.sqlite', { kind: 'sqlite', path: 'data/x.sqlite' }],
    ['sqlite:///tmp/x.sqlite', { kind: 'sqlite', path: '/tmp/x.sqlite' }],
    [':memory:', { kind: 'sqlite', path: ':memory:' }],
    ['sqlite::memory:', { kind: 'sqlite', path: ':memory:' }],
    ['  data/padded.sqlite  ', { kind: 'sqlite', path: 'data/padded.sqlite' }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    ['', /empty/],
    ['mysql://localhost/sla', /scheme 'mysql' is not supported/],
    ['file:', /names no file/],
  ])('refuses %j with a message saying what to use', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(InvalidDatabaseUrlError);
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });
});
