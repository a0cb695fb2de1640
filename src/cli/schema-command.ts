import { renderSlaJsonSchema } from '../config/json-schema.ts';
import type { Command } from './io.ts';

const usage = `Usage: sla-bot schema

Prints the JSON Schema of the SLA file (draft-07). config/sla.schema.json is this output; editors
use it through the first line of sla.yaml:
  # yaml-language-server: $schema=./sla.schema.json
Update it after changing the schema:
  node bin/sla-bot.js schema > config/sla.schema.json`;

export const schemaCommand: Command = {
  summary: 'print the JSON Schema of the SLA file',
  usage,
  async run(args, io) {
    if (args.length > 0) {
      io.stderr(`sla-bot schema: unexpected argument '${args[0]}'\n\n${usage}\n`);
      return 2;
    }
    io.stdout(renderSlaJsonSchema());
    return 0;
  },
};
