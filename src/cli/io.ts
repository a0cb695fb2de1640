/** What a command may touch of the outside world: passed in, so commands are testable in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export type Command = {
  readonly summary: string;
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
};
