#!/usr/bin/env node
// Entry point for `npx sla-bot`. Node ≥ 22.18 runs the TypeScript sources directly (type stripping),
// so there is no build step between a clone and a working command.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
