import { DateTime } from 'luxon';
import type { Clock } from '../clock/clock.ts';
import type { SlackView } from './slack-view.ts';
import type { Style } from './style.ts';

/** Who a narration line is about: the CRM side, or the demo itself. */
export type Source = 'hubspot' | 'demo';

const GUTTER = ' '.repeat(8 + 2 + 9);

/**
 * The demo's terminal: one entry per thing that happens, stamped with the wall-clock time in the SLA
 * file's zone (the deadlines in the messages are in it too), Slack messages boxed under who sees them.
 */
export function createPrinter(deps: {
  readonly write: (text: string) => void;
  readonly style: Style;
  readonly zone: string;
  readonly clock: Clock;
}) {
  const { style } = deps;
  const stamp = () =>
    style.dim(DateTime.fromMillis(deps.clock.now(), { zone: deps.zone }).toFormat('HH:mm:ss'));

  const narrate = (source: Source, text: string): void => {
    const tag = source === 'hubspot' ? style.magenta('HubSpot  ') : style.dim('demo     ');
    deps.write(`${stamp()}  ${tag}${text}\n`);
  };

  const slack = (view: SlackView): void => {
    const verb: Record<SlackView['kind'], string> = {
      posted: '',
      edited: ' — message edited',
      deleted: ' — message deleted',
      ephemeral: '',
      view: '',
    };
    const head = `${stamp()}  ${style.cyan('Slack    ')}${style.bold(view.audience)}${style.dim(verb[view.kind])}`;
    const body = view.lines.map((line) => `${GUTTER}${style.dim('│')} ${line}`);
    deps.write(`${[head, ...body].join('\n')}\n`);
  };

  /** Text without a time stamp (banner, summary). */
  const plain = (text: string): void => deps.write(text.endsWith('\n') ? text : `${text}\n`);

  return { narrate, slack, plain };
}

export type Printer = ReturnType<typeof createPrinter>;
