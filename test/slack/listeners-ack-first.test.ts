import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { onButton, onCommand, onSubmit } from '../../src/slack/listeners/ack-first.ts';
import { fixture, TestReceiver } from './support/bolt-harness.ts';

const SRC = new URL('../../src/', import.meta.url).pathname;
const WRAPPER = 'slack/listeners/ack-first.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('every interactive listener acknowledges before it works', () => {
  it('no code registers an action, view, command, shortcut or options listener with Bolt directly', () => {
    const direct = sources(SRC)
      .filter((file) => relative(SRC, file) !== WRAPPER)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
          .filter(({ line }) => /\bapp\.(action|view|command|shortcut|options)\s*[<(]/.test(line))
          .map(({ at }) => at),
      );
    expect(direct, 'register these through src/slack/listeners/ack-first.ts').toEqual([]);
  });

  /** A Bolt app fed through `processEvent`, recording acks and work in order. */
  function bolt() {
    const receiver = new TestReceiver();
    const app = new App({
      token: 'xoxb-test',
      botId: 'B_BOT',
      botUserId: 'U_BOT',
      receiver,
      logLevel: LogLevel.ERROR,
    });
    return { app, receiver, sequence: receiver.sequence };
  }

  it('a button is acknowledged before the work starts, and the work gets no ack to call late', async () => {
    const { app, receiver, sequence } = bolt();
    let sawAck: unknown = 'unset';
    onButton(app, 'sla_on_it', async (args) => {
      sequence.push('work');
      sawAck = (args as Record<string, unknown>).ack;
    });
    const acks = await receiver.dispatch(fixture('block-actions-on-it.json'));
    expect(acks).toEqual([undefined]);
    expect(sequence).toEqual(['ack', 'work']);
    expect(sawAck).toBeUndefined();
  });

  it('a slash command is acknowledged before the work starts', async () => {
    const { app, receiver, sequence } = bolt();
    onCommand(app, '/sla', async () => {
      sequence.push('work');
    });
    await receiver.dispatch(fixture('slash-command-sla.json'));
    expect(sequence).toEqual(['ack', 'work']);
  });

  it('a submission is answered from the payload alone: errors stop it, otherwise the answer goes first', async () => {
    const { app, receiver, sequence } = bolt();
    const worked: unknown[] = [];
    const pending = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Working' },
      blocks: [],
    };
    onSubmit(
      app,
      'form',
      (view) =>
        view.private_metadata === 'bad'
          ? { ok: false, errors: { reason: 'Pick one' } }
          : { ok: true, value: view.private_metadata, answer: { response_action: 'update', view: pending } },
      async (_args, value) => {
        sequence.push('work');
        worked.push(value);
      },
    );
    const body = fixture('view-submission.json');
    const submit = (meta: string) => ({
      ...body,
      view: { ...(body.view as Record<string, unknown>), callback_id: 'form', private_metadata: meta },
    });
    expect(await receiver.dispatch(submit('bad'))).toEqual([
      { response_action: 'errors', errors: { reason: 'Pick one' } },
    ]);
    expect(await receiver.dispatch(submit('good'))).toEqual([{ response_action: 'update', view: pending }]);
    expect(sequence).toEqual(['ack', 'ack', 'work']);
    expect(worked).toEqual(['good']);
  });
});
