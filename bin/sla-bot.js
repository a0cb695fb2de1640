#!/usr/bin/env node
// Entry point for `npx sla-bot`. Node ≥ 22.18 runs the TypeScript sources directly (type stripping),
// so there is no build step between a clone and a working command (docs/adr/0001).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `sla-bot needs Node.js 22.18 or newer (it runs its TypeScript sources directly); this is ${process.version}.\n` +
      'Install a current LTS (see .nvmrc), e.g. `nvm install`, and try again.\n',
  );
  process.exit(1);
}

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
