import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTACT_PROPERTIES } from '../../src/hubspot/lead-snapshot.ts';
import { SCOPES } from '../../src/hubspot/operations.ts';
import { ENGAGEMENTS } from '../../src/hubspot/touch-mapping.ts';
import { WRITE_BACK_PROPERTIES } from '../../src/hubspot/write-back-properties.ts';

const doc = readFileSync(new URL('../../docs/hubspot.md', import.meta.url), 'utf8');
const scopesInDoc = new Set([...doc.matchAll(/`((?:crm|oauth)[\w.]*)`/g)].map((m) => m[1]));

describe('docs/hubspot.md stays true to the adapter', () => {
  it('lists exactly the scopes the adapter asks for', () => {
    const used = new Set<string>([
      ...SCOPES.always,
      ...SCOPES.leadStages,
      ...SCOPES.deals,
      ...SCOPES.writeBack,
      ...SCOPES.leadWrites,
    ]);
    expect([...scopesInDoc].sort()).toEqual([...used].sort());
  });

  it('names every property read and written', () => {
    const read = [...CONTACT_PROPERTIES, ...Object.values(ENGAGEMENTS).flatMap((e) => e.properties)];
    for (const name of [...read, ...WRITE_BACK_PROPERTIES.map((p) => p.name)])
      expect(doc).toContain(`\`${name}\``);
  });
});
