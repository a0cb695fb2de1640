import type { CliIo } from '../../src/cli/io.ts';

/** An in-memory CliIo: what a command printed, with the environment and working directory it was given. */
export function captureIo(env: Record<string, string> = {}, cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, cwd };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
