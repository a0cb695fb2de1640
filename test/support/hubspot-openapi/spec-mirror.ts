import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SPEC_COLLECTION } from './spec-operation.ts';

/**
 * A local git copy of HubSpot's spec collection (bare or checked out), for `spec-crosscheck.ts`:
 * `HUBSPOT_SPEC_MIRROR`, else `../.mirror/HubSpot+HubSpot-public-api-spec-collection/repo` beside
 * the repository. CI has neither, and the cross-check is skipped there with a message.
 */
export interface SpecMirror {
  readonly dir: string;
  /** A file of the collection at the pinned commit, parsed. */
  read(file: string): Record<string, unknown>;
  /** Files at the pinned commit whose text contains `needle`. */
  filesContaining(needle: string): string[];
  /** Of `files`, those that differ between the pinned commit and the mirror's HEAD. */
  changedSincePinned(files: readonly string[]): string[];
}

const DEFAULT_DIR = fileURLToPath(
  new URL('../../../../.mirror/HubSpot+HubSpot-public-api-spec-collection/repo', import.meta.url),
);

const git = (dir: string, args: readonly string[]): string =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** The mirror, or why there is none (a sentence for the skip message). */
export function openSpecMirror(envDir: string | undefined): SpecMirror | string {
  const dir = envDir ?? DEFAULT_DIR;
  if (!existsSync(dir))
    return `no HubSpot spec mirror at ${dir} (set HUBSPOT_SPEC_MIRROR to a git copy of ${SPEC_COLLECTION.repo})`;
  const commit = SPEC_COLLECTION.commit;
  try {
    git(dir, ['cat-file', '-e', `${commit}^{commit}`]);
  } catch {
    return `the HubSpot spec mirror at ${dir} does not have the pinned commit ${commit}`;
  }
  return {
    dir,
    read: (file) => JSON.parse(git(dir, ['show', `${commit}:${file}`])) as Record<string, unknown>,
    filesContaining: (needle) => {
      try {
        return git(dir, ['grep', '-l', '-F', needle, commit])
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => l.slice(commit.length + 1));
      } catch {
        return []; // git grep exits 1 when nothing matches
      }
    },
    changedSincePinned: (files) =>
      files.filter((f) => git(dir, ['diff', '--name-only', commit, 'HEAD', '--', f]).trim() !== ''),
  };
}
