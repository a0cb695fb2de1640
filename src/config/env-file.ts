import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/** A `.env` file found in the working directory, parsed with Node's own dotenv parser. */
export interface EnvFile {
  readonly path: string;
  readonly values: Readonly<Record<string, string>>;
}

export const ENV_FILE_NAME = '.env';

/**
 * Reads `.env` from `cwd` when it exists (null when it does not). Parsing is Node's `util.parseEnv`,
 * the same rules as `node --env-file`: `KEY=value`, quotes, `#` comments, `export` prefixes.
 */
export async function readEnvFile(cwd: string): Promise<EnvFile | null> {
  const path = join(cwd, ENV_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(text))) if (value !== undefined) values[key] = value;
  return { path, values };
}

/**
 * The environment a command sees: the file's values under the process's, so a variable set in the
 * process (service manager, `docker -e`, the shell) always wins over the file.
 */
export function withEnvFile(
  processEnv: Readonly<Record<string, string | undefined>>,
  file: EnvFile | null,
): Readonly<Record<string, string | undefined>> {
  if (file === null) return processEnv;
  const merged: Record<string, string | undefined> = { ...file.values };
  for (const [key, value] of Object.entries(processEnv)) if (value !== undefined) merged[key] = value;
  return merged;
}
