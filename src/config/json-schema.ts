import { z } from 'zod';
import { SlaFile } from './schema/sla-file.ts';

/**
 * The JSON Schema of the SLA file, generated from the zod schema (input side: what admins write,
 * with defaults). Draft-07, which every YAML language server reads. `config/sla.schema.json` is this,
 * checked in; a test fails when it drifts.
 */
export const slaJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(SlaFile, { io: 'input', target: 'draft-7' });

/** The schema as the checked-in file holds it. */
export const renderSlaJsonSchema = (): string => `${JSON.stringify(slaJsonSchema(), null, 2)}\n`;
