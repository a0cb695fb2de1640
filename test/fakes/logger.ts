import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log/logger.ts';

/** A real pino logger writing JSON lines to memory, so tests can read what was logged. */
export function captureLogger(level = 'debug'): {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  raw: () => string;
} {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(level, stream);
  const raw = () => chunks.join('');
  const lines = () =>
    raw()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, raw };
}
