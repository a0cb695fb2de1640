import { isRecord } from '../shared/http-types.ts';
import type { SlackInteraction } from './interaction.ts';

/**
 * How Slack treats the app's answer to an interaction it delivered (docs/platform-contract.md,
 * SI-1 and SI-4). Pure: the delivery code measures, this decides.
 */

/** Slack waits 3 s for the answer; at 3 000 ms it has given up (the stricter reading of "within 3 seconds"). */
export const ACK_DEADLINE_MS = 3_000;

/** How a modal submission was answered (`response_action`, or an empty body: close). */
export type ViewAnswer =
  | { readonly kind: 'close' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>> }
  | { readonly kind: 'update' | 'push'; readonly view: Readonly<Record<string, unknown>> };

export interface Answer {
  /** HTTP status, or `null` when no answer came within the deadline. */
  readonly status: number | null;
  readonly elapsedMs: number;
  readonly body: string;
}

export interface Judged {
  /** What the person sees instead of the app's answer; `null` when nothing went wrong for them. */
  readonly shownError: string | null;
  /** For a modal submission answered correctly: what happens to the modal. */
  readonly viewAnswer: ViewAnswer | null;
}

/** What a modal shows when its submission was not answered in time or not understood. */
export const MODAL_TROUBLE = 'We had some trouble connecting. Try again?';

/** Slack's user-facing wording (see SI-1): per surface, for a late answer and for a non-200 one. */
function wording(interaction: SlackInteraction, problem: 'late' | number): string {
  const type = interaction.body.type;
  if (problem !== 'late') return `This app responded with Status Code ${problem}`;
  if (interaction.kind === 'command')
    return `${String(interaction.body.command)} failed with the error "operation_timeout"`;
  if (type === 'view_submission') return MODAL_TROUBLE;
  return 'Operation timed out';
}

const inputBlockIds = (view: unknown): Set<string> => {
  const blocks = isRecord(view) && Array.isArray(view.blocks) ? view.blocks : [];
  return new Set(
    blocks
      .filter(isRecord)
      .flatMap((b) => (b.type === 'input' && typeof b.block_id === 'string' ? [b.block_id] : [])),
  );
};

/**
 * A view_submission answer: empty (closes the modal) or JSON with a `response_action` of `errors`
 * (keyed by the modal's input block ids), `update`/`push` (with a modal view) or `clear`. Anything
 * else is not understood, and the modal shows an error.
 */
export function parseViewAnswer(body: string, submitted: unknown): ViewAnswer | null {
  if (body.trim() === '') return { kind: 'close' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const action = parsed.response_action;
  if (action === 'clear') return { kind: 'clear' };
  if (action === 'update' || action === 'push')
    return isRecord(parsed.view) && parsed.view.type === 'modal' ? { kind: action, view: parsed.view } : null;
  if (action !== 'errors' || !isRecord(parsed.errors)) return null;
  const inputs = inputBlockIds(submitted);
  const entries = Object.entries(parsed.errors);
  const understood = entries.length > 0 && entries.every(([k, v]) => inputs.has(k) && typeof v === 'string');
  return understood
    ? { kind: 'errors', errors: Object.fromEntries(entries) as Record<string, string> }
    : null;
}

/** What Slack makes of the app's answer to `interaction`. */
export function judgeAnswer(interaction: SlackInteraction, answer: Answer): Judged {
  const late = answer.status === null || answer.elapsedMs >= ACK_DEADLINE_MS;
  // Events API deliveries are not shown to anyone: a late or failed one is retried by Slack.
  if (interaction.kind === 'event') return { shownError: null, viewAnswer: null };
  if (late) return { shownError: wording(interaction, 'late'), viewAnswer: null };
  if (answer.status !== 200)
    return { shownError: wording(interaction, answer.status ?? 0), viewAnswer: null };
  if (interaction.body.type !== 'view_submission') return { shownError: null, viewAnswer: null };
  const viewAnswer = parseViewAnswer(answer.body, interaction.body.view);
  return viewAnswer === null ? { shownError: MODAL_TROUBLE, viewAnswer } : { shownError: null, viewAnswer };
}
