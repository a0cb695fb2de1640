import type { Instant } from '../../domain/time.ts';
import { ACK_DEADLINE_MS, judgeAnswer, type ViewAnswer } from './ack-rules.ts';
import type { SlackInteraction } from './interaction.ts';
import type { RecordedView } from './message-log.ts';
import { signSlackRequest } from './signing.ts';
import type { SlackState } from './slack-state.ts';

export interface SignedRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The app's answer to one delivered interaction, and what the person saw because of it. */
export interface Delivered {
  /** HTTP status; 0 when no answer came within Slack's 3 seconds (or at all). */
  readonly status: number;
  readonly body: string;
  /** Sandbox-clock milliseconds from sending to the answer; `null` when none came in time. */
  readonly ackMs: number | null;
  /** What Slack shows the person instead (late, non-200, or a modal answer it does not understand). */
  readonly shownError: string | null;
  /** A modal submission answered correctly: what became of the modal. */
  readonly viewAnswer: ViewAnswer | null;
}

function encode(interaction: SlackInteraction): { body: string; contentType: string } {
  const form = 'application/x-www-form-urlencoded';
  if (interaction.kind === 'event')
    return { body: JSON.stringify(interaction.body), contentType: 'application/json' };
  if (interaction.kind === 'interactivity')
    return {
      body: new URLSearchParams({ payload: JSON.stringify(interaction.body) }).toString(),
      contentType: form,
    };
  const fields = Object.entries(interaction.body).map(([k, v]) => [k, String(v)] as [string, string]);
  return { body: new URLSearchParams(fields).toString(), contentType: form };
}

/** The signed HTTP request Slack would send, timestamped by the sandbox clock unless told otherwise. */
export function signInteraction(
  state: SlackState,
  interaction: SlackInteraction,
  signingSecret: string,
  timestampSeconds = Math.floor(state.clock.now() / 1000),
): SignedRequest {
  const { body, contentType } = encode(interaction);
  return {
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestampSeconds),
      'x-slack-signature': signSlackRequest(signingSecret, timestampSeconds, body),
    },
  };
}

/** The newest open view of the submitted modal's stack, or `null`. */
const submitted = (state: SlackState, interaction: SlackInteraction): RecordedView | null => {
  const view = interaction.body.view as { id?: unknown } | undefined;
  return typeof view?.id === 'string' ? state.log.view(view.id) : null;
};

/** What a correctly answered modal submission does to the modal (SI-4). */
function applyViewAnswer(state: SlackState, view: RecordedView, answer: ViewAnswer, now: Instant): void {
  const root = view.root ?? view.id;
  const fresh = (over: Partial<RecordedView> & Pick<RecordedView, 'id' | 'view'>) =>
    state.log.putView({
      type: 'modal',
      user: view.user,
      externalId: null,
      ...over,
      hash: `${Math.floor(now / 1000)}.${state.ids.make('V')}`,
      at: now,
      closed: false,
    });
  if (answer.kind === 'errors') return;
  if (answer.kind === 'update') fresh({ id: view.id, view: answer.view, externalId: view.externalId, root });
  else if (answer.kind === 'push') fresh({ id: state.ids.make('V'), view: answer.view, root });
  else if (answer.kind === 'close') view.closed = true;
  else
    for (const id of new Set(state.log.views.filter((v) => (v.root ?? v.id) === root).map((v) => v.id))) {
      const latest = state.log.view(id);
      if (latest) latest.closed = true;
    }
}

/**
 * Posts the interaction to the app and judges the answer like Slack: the deadline runs on the
 * sandbox clock (a fake clock moved by the product's waits counts) and in real time (Slack does not
 * wait for a hung app either).
 */
export async function deliverInteraction(
  state: SlackState,
  url: string,
  interaction: SlackInteraction,
  signingSecret: string,
  timestampSeconds?: number,
): Promise<Delivered> {
  const request = signInteraction(state, interaction, signingSecret, timestampSeconds);
  const sentAt = state.clock.now();
  let status: number | null = null;
  let body = '';
  let ackMs: number | null = null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(ACK_DEADLINE_MS),
    });
    ackMs = state.clock.now() - sentAt;
    body = await response.text();
    status = response.status;
  } catch {
    // No answer within the deadline (or none at all): Slack has given up on the app.
    status = null;
  }
  const judged = judgeAnswer(interaction, { status, elapsedMs: ackMs ?? ACK_DEADLINE_MS, body });
  const view = judged.viewAnswer ? submitted(state, interaction) : null;
  if (view && judged.viewAnswer) applyViewAnswer(state, view, judged.viewAnswer, state.clock.now());
  return { status: status ?? 0, body, ackMs, ...judged };
}
