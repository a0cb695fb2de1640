import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { renderSlaJsonSchema, slaJsonSchema } from '../../src/config/json-schema.ts';
import { captureIo } from './cli-io.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  description?: string;
  $ref?: string;
};

/** Paths of object properties that have no description (editors would show no help for them). */
function undescribed(schema: JsonSchema, path = ''): string[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, s]) => [
    ...(s.description === undefined && s.$ref === undefined ? [`${path}.${key}`] : []),
    ...undescribed(s, `${path}.${key}`),
  ]);
  const nested = [
    typeof schema.additionalProperties === 'object'
      ? undescribed(schema.additionalProperties, `${path}.*`)
      : [],
    schema.items ? undescribed(schema.items, `${path}[]`) : [],
    ...(schema.anyOf ?? []).map((s) => undescribed(s, path)),
    ...Object.entries(schema.definitions ?? {}).map(([name, s]) => undescribed(s, `#${name}`)),
  ];
  return [...own, ...nested.flat()];
}

describe('sla-bot schema', () => {
  it('prints the JSON Schema of the SLA file', async () => {
    const run = captureIo();
    expect(await main(['schema'], run.io)).toBe(0);
    expect(JSON.parse(run.stdout())).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'sla-bot SLA file',
      required: ['timezone', 'stages', 'policies'],
      additionalProperties: false,
    });
  });

  it('takes no arguments', async () => {
    const run = captureIo();
    expect(await main(['schema', 'extra'], run.io)).toBe(2);
    expect(run.stderr()).toContain("unexpected argument 'extra'");
  });

  it('config/sla.schema.json is the current schema', () => {
    expect(
      read('config/sla.schema.json'),
      'config/sla.schema.json is out of date; regenerate it: node bin/sla-bot.js schema > config/sla.schema.json',
    ).toBe(renderSlaJsonSchema());
  });

  it('config/sla.yaml points editors at the schema', () => {
    expect(read('config/sla.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=./sla.schema.json');
  });

  it('every key has a description for editors to show', () => {
    expect(undescribed(slaJsonSchema() as JsonSchema)).toEqual([]);
  });

  it('shows defaults and allowed values to editors', () => {
    const schema = slaJsonSchema() as JsonSchema & {
      properties: Record<string, JsonSchema & Record<string, unknown>>;
    };
    expect(schema.properties.recycle_stages).toMatchObject({ default: ['subscriber', 'lead', 'other'] });
    expect(JSON.stringify(schema)).toContain('"enum":["entered","owner_assigned"]');
  });
});
