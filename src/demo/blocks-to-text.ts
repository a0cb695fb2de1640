import { type MrkdwnContext, mrkdwnToText } from './mrkdwn.ts';

/** Blocks as the sandbox recorded them: JSON from the wire, so every field is checked before use. */
type Json = Readonly<Record<string, unknown>>;

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** A text object (`plain_text` or `mrkdwn`) as terminal text; Slack shows `&amp;` in plain_text as `&`. */
function textOf(obj: unknown, ctx: MrkdwnContext): string {
  if (!isJson(obj) || typeof obj.text !== 'string') return '';
  if (obj.type === 'mrkdwn') return mrkdwnToText(obj.text, ctx);
  return obj.text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** An interactive element as people see it: `[On it]`, `[Open in HubSpot ↗]`, `[Pick a reason ▾]`. */
function elementOf(el: unknown, ctx: MrkdwnContext): string | null {
  if (!isJson(el)) return null;
  switch (el.type) {
    case 'button': {
      const label = `${textOf(el.text, ctx)}${typeof el.url === 'string' ? ' ↗' : ''}`;
      const styled =
        el.style === 'primary'
          ? ctx.style.green(label)
          : el.style === 'danger'
            ? ctx.style.red(label)
            : label;
      return `[${styled}]`;
    }
    case 'static_select':
    case 'users_select':
    case 'conversations_select':
      return `[${textOf(el.placeholder, ctx) || 'choose'} ▾]`;
    case 'image':
      return null;
    case 'plain_text':
    case 'mrkdwn':
      return textOf(el, ctx);
    default:
      return typeof el.type === 'string' ? `[${el.type}]` : null;
  }
}

/** Section fields two to a line, `Label: value`, the way Slack lays them out in two columns. */
function fieldLines(fields: readonly unknown[], ctx: MrkdwnContext): string[] {
  const cells = fields.map((f) => textOf(f, ctx).replace(/\n/, ': ').replace(/\n/g, ' '));
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += 2) lines.push(cells.slice(i, i + 2).join('   ·   '));
  return lines;
}

/** One block as zero or more terminal lines. */
function blockLines(block: unknown, ctx: MrkdwnContext): string[] {
  if (!isJson(block)) return [];
  switch (block.type) {
    case 'header':
      return [ctx.style.bold(textOf(block.text, ctx))];
    case 'section': {
      const lines = textOf(block.text, ctx).split('\n');
      const accessory = elementOf(block.accessory, ctx);
      if (accessory !== null && lines.length > 0) lines[lines.length - 1] += `  ${accessory}`;
      return [...lines.filter((l) => l !== ''), ...fieldLines(list(block.fields), ctx)];
    }
    case 'context':
      return list(block.elements)
        .map((e) => elementOf(e, ctx))
        .filter((t): t is string => t !== null && t !== '')
        .map((t) => ctx.style.dim(t));
    case 'actions': {
      const els = list(block.elements)
        .map((e) => elementOf(e, ctx))
        .filter((t): t is string => t !== null);
      return els.length > 0 ? [els.join(' ')] : [];
    }
    case 'divider':
      return [ctx.style.dim('────────')];
    case 'input':
      return [`${textOf(block.label, ctx)}: ${elementOf(block.element, ctx) ?? ''}`];
    case 'image':
      return [ctx.style.dim(`[image: ${typeof block.alt_text === 'string' ? block.alt_text : ''}]`)];
    default:
      return typeof block.type === 'string' ? [ctx.style.dim(`[${block.type} block]`)] : [];
  }
}

/** A message's blocks, each as its terminal lines; without blocks, its plain `text` as one group. */
export function blocksToLineGroups(
  content: { readonly text: string | null; readonly blocks: readonly unknown[] | null },
  ctx: MrkdwnContext,
): string[][] {
  const blocks = content.blocks ?? [];
  if (blocks.length === 0) return [(mrkdwnToText(content.text ?? '', ctx) || '(empty message)').split('\n')];
  return blocks.map((b) => blockLines(b, ctx)).filter((lines) => lines.length > 0);
}

/** A message's blocks as terminal lines; without blocks, its plain `text`. */
export const blocksToLines = (
  content: { readonly text: string | null; readonly blocks: readonly unknown[] | null },
  ctx: MrkdwnContext,
): string[] => blocksToLineGroups(content, ctx).flat();
