import { z } from 'zod';
import { crossField, scalar } from './primitives.ts';

const SOURCES = ['lifecycle_stage', 'property', 'lead_pipeline'] as const;
const SOURCE_HELP =
  'give exactly one of: lifecycle_stage: <value or numeric id>, property: <name> with equals: <value>, or lead_pipeline: { pipeline: <id>, stage: <id> }';

export const Stage = z
  .strictObject({
    label: z
      .string()
      .min(1)
      .optional()
      .describe('Name shown in Slack and reports. Default: the key in capitals.'),
    lifecycle_stage: scalar(
      'Lifecycle stage internal value (marketingqualifiedlead, salesqualifiedlead) or the numeric id of a custom stage.',
    ).optional(),
    property: z
      .string()
      .min(1)
      .optional()
      .describe('A contact property whose value marks the stage, e.g. hs_lead_status (use with equals).'),
    equals: scalar('The value of `property` that marks the stage, e.g. SALES_ACCEPTED.').optional(),
    lead_pipeline: z
      .strictObject({
        pipeline: scalar('Pipeline id of the HubSpot Leads object, e.g. lead-pipeline-id.'),
        stage: scalar('Stage id in that pipeline, e.g. qualified-stage-id.'),
      })
      .optional()
      .describe('A stage of a pipeline of the HubSpot Leads object.'),
  })
  .superRefine((stage, ctx) => {
    const given = SOURCES.filter((key) => stage[key] !== undefined);
    if (given.length === 0) ctx.addIssue(crossField(`no source; ${SOURCE_HELP}`));
    for (const extra of given.slice(1)) {
      const message = `a stage has one source, and '${given[0]}' is already given; remove one (${SOURCE_HELP})`;
      ctx.addIssue(crossField(message, [extra], 'key'));
    }
    if (stage.property !== undefined && stage.equals === undefined) {
      ctx.addIssue(crossField("'property' needs 'equals: <value>'", ['property'], 'key'));
    }
    if (stage.equals !== undefined && stage.property === undefined) {
      ctx.addIssue(crossField("'equals' needs 'property: <name>'", ['equals'], 'key'));
    }
  })
  .meta({
    description: `How a stage is recognised in HubSpot: ${SOURCE_HELP}.`,
    oneOf: [
      { required: ['lifecycle_stage'] },
      { required: ['property', 'equals'] },
      { required: ['lead_pipeline'] },
    ],
  });
export type Stage = z.infer<typeof Stage>;

export const StageKey = z.string().regex(/^[a-z][a-z0-9_]*$/, {
  error: (iss) =>
    `'${String(iss.input)}' is not a valid stage key; use lower-case letters, digits and '_', starting with a letter (mql, sal, sql)`,
});

export const Stages = z
  .record(StageKey, Stage)
  .refine((stages) => Object.keys(stages).length > 0, {
    error: 'no stages; add at least one, e.g. sql: { lifecycle_stage: salesqualifiedlead }',
  })
  .describe(
    'The funnel stages that start an SLA clock, in funnel order (earliest first). Entering a later stage closes the instances of earlier ones.',
  );

export const RecycleStages = z
  .array(scalar('A lifecycle stage value.'))
  .prefault(['subscriber', 'lead', 'other'])
  .describe(
    'Lifecycle stage values that mean the lead left the funnel (recycled to nurture); open SLA clocks close. Default: [subscriber, lead, other].',
  );
