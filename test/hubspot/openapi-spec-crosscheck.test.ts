import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SPEC_COLLECTION, SPEC_OPERATIONS, type SpecOperation } from '../support/hubspot-openapi/index.ts';
import { crossCheck } from '../support/hubspot-openapi/spec-crosscheck.ts';
import { openSpecMirror } from '../support/hubspot-openapi/spec-mirror.ts';

const mirror = openSpecMirror(process.env.HUBSPOT_SPEC_MIRROR);
if (typeof mirror === 'string') {
  console.warn(`[hubspot-openapi] cross-check against HubSpot's spec files skipped: ${mirror}`);
}

describe.skipIf(typeof mirror === 'string')(
  `hand-written HubSpot request schemas against ${SPEC_COLLECTION.repo}@${SPEC_COLLECTION.commit.slice(0, 8)}`,
  () => {
    const spec = mirror as Exclude<typeof mirror, string>;

    it('have the spec’s paths, operationIds, parameters, required fields, enums, limits and schema names', () => {
      const result = crossCheck(SPEC_OPERATIONS, spec.read);
      expect(result.problems).toEqual([]);
      // Every deviation from the files is listed with its source, and each is still needed.
      expect(result.deviations.length).toBeGreaterThan(0);
    });

    it('names a docs page only for operations the collection really lacks', () => {
      const fromDocs = SPEC_OPERATIONS.filter((op) => op.source.kind === 'docs');
      expect(fromDocs.map((op) => op.specPath)).toEqual([
        '/calling/v1/dispositions',
        '/oauth/v2/private-apps/get/access-token-info',
      ]);
      for (const op of fromDocs) expect(spec.filesContaining(op.specPath)).toEqual([]);
    });

    it('reports spec files that changed after the pinned snapshot', () => {
      const files = [
        ...new Set(
          SPEC_OPERATIONS.flatMap((op) => (op.source.kind === 'collection' ? [op.source.file] : [])),
        ),
      ];
      const changed = spec.changedSincePinned(files);
      if (changed.length > 0)
        console.warn(
          `[hubspot-openapi] changed since ${SPEC_COLLECTION.commit}: ${changed.join(', ')} — re-check and re-pin`,
        );
      expect(files.length).toBeGreaterThan(5);
    });
  },
);

describe('the cross-check itself (on a made-up spec file)', () => {
  const file = 'Made/Up/v3/things.json';
  const made = {
    paths: {
      '/things/{thingType}/search': {
        post: {
          operationId: 'post-/things/{thingType}/search_doSearch',
          parameters: [
            { name: 'thingType', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'archived', in: 'query', schema: { type: 'boolean' } },
            { name: 'mode', in: 'query', schema: { type: 'string', enum: ['fast', 'slow'] } },
          ],
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Query' } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Query: {
          type: 'object',
          required: ['kind', 'ids'],
          properties: {
            kind: { type: 'string', enum: ['A', 'B'] },
            ids: { type: 'array', maxItems: 10, items: { type: 'string' } },
            order: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  };
  const op = (over: Partial<SpecOperation> = {}): SpecOperation => ({
    name: 'things.search',
    method: 'POST',
    specPath: '/things/{thingType}/search',
    query: { archived: { type: 'boolean' }, mode: { type: 'string', enum: ['fast', 'slow'] } },
    body: z.strictObject({ kind: z.enum(['A', 'B']), ids: z.array(z.string()).max(10) }),
    source: {
      kind: 'collection',
      file,
      operationId: 'post-/things/{thingType}/search_doSearch',
      schemas: ['Query'],
    },
    ...over,
  });
  const check = (o: SpecOperation) => crossCheck([o], (f) => (f === file ? made : {})).problems;

  it('passes schemas that match, and each difference is a problem', () => {
    expect(check(op())).toEqual([]);
    expect(
      check(op({ body: z.strictObject({ kind: z.enum(['A', 'B']), ids: z.array(z.string()) }) })),
    ).toEqual(['things.search body ids: maxItems undefined, spec allows at most 10']);
    expect(
      check(op({ body: z.strictObject({ kind: z.enum(['A']), ids: z.array(z.string()).max(10) }) })),
    ).toEqual(['things.search body kind: enum [A], spec has [A, B]']);
    expect(
      check(
        op({
          body: z.strictObject({ kind: z.enum(['A', 'B']), ids: z.array(z.string()).max(10).optional() }),
        }),
      ),
    ).toEqual(['things.search body (root): required [kind], spec requires [kind, ids]']);
    expect(
      check(
        op({
          body: z.strictObject({ kind: z.enum(['A', 'B']), ids: z.array(z.string()).max(10), x: z.string() }),
        }),
      ),
    ).toEqual([
      'things.search body (root): required [kind, ids, x], spec requires [kind, ids]',
      'things.search body (root): field x is not in the spec',
    ]);
    expect(check(op({ query: { mode: { type: 'string', enum: ['fast'] } } }))).toEqual([
      'things.search: query mode enum differs from the spec',
    ]);
    expect(check(op({ query: { limit: { type: 'integer' } } }))).toEqual([
      'things.search: query parameter limit is not in the spec',
    ]);
    expect(check(op({ source: { kind: 'collection', file, operationId: 'x', schemas: [] } }))).toEqual([
      'things.search: operationId is post-/things/{thingType}/search_doSearch, noted x',
      'things.search: body schemas noted [], the spec uses [Query]',
    ]);
    expect(check(op({ method: 'GET' }))).toEqual([
      `things.search: GET /things/{thingType}/search is not in ${file}`,
    ]);
  });

  it('skips a listed deviation and reports it, but not one where the schemas agree', () => {
    const ordered = z.strictObject({
      kind: z.enum(['A', 'B']),
      ids: z.array(z.string()).max(10),
      order: z.array(z.union([z.string(), z.strictObject({ by: z.string() })])).optional(),
    });
    const deviation = { at: 'order.items', what: 'objects too', source: 'a docs page' };
    expect(check(op({ body: ordered }))).toEqual([
      'things.search body order.items: a union where the spec has one shape (not a listed deviation)',
    ]);
    const result = crossCheck([op({ body: ordered, deviations: [deviation] })], () => made);
    expect(result).toEqual({ problems: [], deviations: ['things.search order.items: objects too'] });
    expect(check(op({ deviations: [{ ...deviation, at: 'ids.items' }] }))).toEqual([
      'things.search body ids.items: listed as a deviation, but the schemas agree here',
    ]);
    expect(check(op({ deviations: [{ ...deviation, at: 'nowhere' }] }))).toEqual([
      'things.search: deviation at nowhere is listed, but the body has no such place',
    ]);
  });
});
