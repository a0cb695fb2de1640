import { z } from 'zod';
import { crossField, name, scalar } from './primitives.ts';

const FORMS =
  'write { property: <name>, equals: <value> }, { property: <name>, in: [..] }, { property: <name>, not_in: [..] }, { all: [..] } or { any: [..] }';
const TESTS = ['equals', 'in', 'not_in'] as const;
const GROUPS = ['all', 'any'] as const;

const values = (description: string) =>
  z.array(scalar('A property value.')).min(1).optional().describe(description);

/** A condition on contact properties, e.g. `{ property: country, in: [NL, BE] }`; nests with all/any. */
export const Condition = z
  .strictObject({
    property: z
      .string()
      .min(1)
      .optional()
      .describe('Internal name of a contact property, e.g. hs_analytics_source.'),
    equals: scalar('The property equals this value (exact, as HubSpot stores it).').optional(),
    in: values('The property is one of these values.'),
    not_in: values('The property is none of these values (an empty property counts as none).'),
    get all(): z.ZodOptional<z.ZodArray<typeof Condition>> {
      return z.array(Condition).min(1).optional().describe('Every one of these conditions holds.');
    },
    get any(): z.ZodOptional<z.ZodArray<typeof Condition>> {
      return z.array(Condition).min(1).optional().describe('At least one of these conditions holds.');
    },
  })
  .superRefine((c, ctx) => {
    const tests = TESTS.filter((k) => c[k] !== undefined);
    const groups = GROUPS.filter((k) => c[k] !== undefined);
    const used = [...(c.property === undefined ? [] : ['property']), ...tests, ...groups];
    if (used.length === 0) ctx.addIssue(crossField(`empty condition; ${FORMS}`));
    else if (groups.length > 0 && used.length > 1) {
      const extra = used.find((k) => k !== groups[0]) ?? '';
      const message = `'${groups[0]}' stands alone; move '${extra}' into a condition inside it (${FORMS})`;
      ctx.addIssue(crossField(message, [extra], 'key'));
    } else if (groups.length === 0 && c.property === undefined) {
      ctx.addIssue(crossField(`'${tests[0]}' needs 'property: <name>'; ${FORMS}`));
    } else if (groups.length === 0 && tests.length !== 1) {
      const message =
        tests.length === 0
          ? `'property' needs one test: equals, in or not_in`
          : `one test per condition, but both '${tests[0]}' and '${tests[1]}' are given; combine conditions with all: [..]`;
      ctx.addIssue(crossField(message, [tests[1] ?? 'property'], 'key'));
    }
  })
  .meta({
    id: 'condition',
    description: `A condition on contact properties: ${FORMS}.`,
    examples: [{ property: 'country', in: ['NL', 'BE'] }],
  });
export type Condition = z.infer<typeof Condition>;

export const Segments = z
  .record(name('segment'), Condition)
  .default({})
  .describe(
    'Named conditions on contact properties (lead source, country, …) that policies refer to by name. Default: none.',
  );
