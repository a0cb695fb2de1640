import type { Block } from './blocks.ts';
import { LIMITS } from './limits.ts';
import { clip, fitEscaped } from './text.ts';

/** A plain_text object: escaped like mrkdwn (Slack stores plain_text escaped and decodes it to display). */
export const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: fitEscaped(text, max),
});

/** Distinct options (Slack rejects duplicate values), clipped to Slack's option limits. */
export function options(items: readonly { label: string; value: string }[]) {
  const seen = new Set<string>();
  const out: { text: { type: 'plain_text'; text: string }; value: string }[] = [];
  for (const item of items) {
    const value = clip(item.value, LIMITS.optionValue);
    if (seen.has(value) || out.length >= LIMITS.selectOptions) continue;
    seen.add(value);
    out.push({ text: plain(item.label, LIMITS.optionText), value });
  }
  return out;
}

export function selectInput(
  ids: { block: string; action: string },
  label: string,
  items: readonly { label: string; value: string }[],
  initial?: string,
): Block {
  const opts = options(items);
  const chosen = opts.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: ids.block,
    label: plain(label, LIMITS.inputLabel),
    element: {
      type: 'static_select',
      action_id: ids.action,
      options: opts,
      ...(chosen ? { initial_option: chosen } : {}),
    },
  };
}

export function textInput(
  ids: { block: string; action: string },
  label: string,
  o: { optional: boolean; maxLength: number; placeholder?: string },
): Block {
  return {
    type: 'input',
    block_id: ids.block,
    optional: o.optional,
    label: plain(label, LIMITS.inputLabel),
    element: {
      type: 'plain_text_input',
      action_id: ids.action,
      max_length: o.maxLength,
      ...(o.placeholder ? { placeholder: plain(o.placeholder, LIMITS.placeholder) } : {}),
    },
  };
}
