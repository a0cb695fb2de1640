import { systemClock } from '../clock/system-clock.ts';
import { parseDuration } from '../config/duration.ts';
import { DAY, type Millis } from '../domain/time.ts';
import { type Lang, parseLang } from '../i18n/language.ts';
import type { CliIo, Command } from './io.ts';

const USAGE = `Usage: sla-bot demo [--speed N] [--duration D] [--lang en|nl|de] [--no-color]

The whole product offline: loopback fakes of the HubSpot and Slack APIs, the real worker (same
composition root as 'run', embedded SQLite in a temp directory), and a scripted stream of leads —
reps who call in time, late or never, an owner who is not in Slack, a lead that arrives out of
office hours. Every Slack message is shown as its reader sees it; a summary closes the run.
No tokens, no .env, nothing leaves this machine.

Options:
  --speed N       play the story and the SLA file's deadlines N times faster (default 1, at most 20)
  --duration D    how long to run before the summary (default 3m at speed 1, shorter when faster),
                  e.g. 90s, 5m
  --lang L        the language sla-bot speaks in Slack: en (default), nl or de (the SLA file's
                  language: and every demo person's Slack locale); the narration stays English
  --no-color      plain text (also when NO_COLOR is set or output is not a terminal)

Ctrl-C stops early, cleanly, with the summary. Exit 0; 1 if a step of the story or the worker failed.`;

const STORY_LENGTH: Millis = 3 * 60_000;

interface DemoArgs {
  readonly speed: number;
  readonly duration: Millis;
  readonly color: boolean | null;
  readonly lang: Lang;
}

function parseArgs(args: readonly string[]): DemoArgs | { readonly error: string } {
  let speed = 1;
  let duration: Millis | null = null;
  let color: boolean | null = null;
  let lang: Lang = 'en';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--speed') {
      const text = value();
      speed = Number(text);
      if (!Number.isFinite(speed) || speed <= 0 || speed > 20)
        return { error: `--speed wants a number above 0 and at most 20, not '${text ?? ''}'` };
    } else if (flag === '--duration') {
      const text = value() ?? '';
      const d = parseDuration(text);
      if ('error' in d) return { error: `--duration: ${d.error}` };
      duration = d.ms + d.days * DAY;
      if (duration <= 0) return { error: '--duration must be longer than 0s' };
    } else if (flag === '--lang') {
      const text = value();
      const parsedLang = parseLang(text);
      if (parsedLang === null) return { error: `--lang wants en, nl or de, not '${text ?? ''}'` };
      lang = parsedLang;
    } else if (flag === '--no-color') color = false;
    else if (flag === '--color') color = true;
    else return { error: `unknown option ${arg}` };
  }
  return { speed, duration: duration ?? Math.round(STORY_LENGTH / speed), color, lang };
}

/** Resolves an AbortSignal on the first SIGINT/SIGTERM; a second Ctrl-C gets Node's default (exit). */
function stopOnSignal(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const on = () => {
    release();
    controller.abort();
  };
  const release = () => {
    process.off('SIGINT', on);
    process.off('SIGTERM', on);
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return { signal: controller.signal, release };
}

export const demoCommand: Command = {
  summary: 'the whole product offline, with fake HubSpot and Slack',
  usage: USAGE,
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    const parsed = parseArgs(args);
    if ('error' in parsed) {
      io.stderr(`sla-bot demo: ${parsed.error}\n\n${USAGE}\n`);
      return 2;
    }
    const { runDemo } = await import('../demo/run-demo.ts');
    const { ansiStyle, plainStyle } = await import('../demo/style.ts');
    const color =
      parsed.color ??
      (io.env.NO_COLOR === undefined && (io.env.FORCE_COLOR !== undefined || process.stdout.isTTY === true));
    const { StartupError } = await import('../main.ts');
    const stop = stopOnSignal();
    try {
      const result = await runDemo(
        {
          speed: parsed.speed,
          duration: parsed.duration,
          style: color ? ansiStyle : plainStyle,
          lang: parsed.lang,
        },
        { clock: systemClock, write: io.stdout, signal: stop.signal },
      );
      io.stdout(`\nSLA file, SQLite store and worker log: ${result.dir}\n`);
      if (result.problems.length === 0) return 0;
      io.stderr(`sla-bot demo: something went wrong:\n${result.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 1;
    } catch (err) {
      // The worker refused to start against the sandboxes: a bug in the demo, said plainly.
      if (!(err instanceof StartupError)) throw err;
      io.stderr(`sla-bot demo: the worker did not start: ${err.message}\n`);
      return 1;
    } finally {
      stop.release();
    }
  },
};
