/**
 * Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit) and a checker that walks
 * rendered blocks or views and lists every violation with its path. Renderers clip to these limits;
 * tests run every rendered surface through `blockKitViolations`.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** Top-level `text`; Slack truncates far above this, we keep fallbacks short. */
  fallbackText: 3000,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  blockId: 255,
  actionId: 255,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  inputLabel: 2000,
  placeholder: 150,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
} as const;

export type Surface = 'message' | 'modal' | 'home';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | null => (isObj(v) && typeof v.text === 'string' ? v.text : null);

function checkLength(out: string[], path: string, value: unknown, max: number, min = 0): void {
  if (typeof value !== 'string') {
    if (min > 0) out.push(`${path}: missing`);
    return;
  }
  if (value.length > max) out.push(`${path}: ${value.length} > ${max}`);
  if (value.length < min) out.push(`${path}: empty`);
}

function checkElement(out: string[], path: string, el: unknown): void {
  if (!isObj(el)) return;
  checkLength(out, `${path}.action_id`, el.action_id, LIMITS.actionId);
  if (el.type === 'button') {
    checkLength(out, `${path}.text`, textOf(el.text), LIMITS.buttonText, 1);
    checkLength(out, `${path}.value`, el.value, LIMITS.buttonValue);
    checkLength(out, `${path}.url`, el.url, LIMITS.buttonUrl);
  }
  checkLength(out, `${path}.placeholder`, textOf(el.placeholder), LIMITS.placeholder);
  const options = Array.isArray(el.options) ? el.options : [];
  if (options.length > LIMITS.selectOptions) out.push(`${path}.options: ${options.length} > 100`);
  const values = new Set<unknown>();
  options.forEach((o: unknown, i) => {
    if (!isObj(o)) return;
    checkLength(out, `${path}.options[${i}].text`, textOf(o.text), LIMITS.optionText, 1);
    checkLength(out, `${path}.options[${i}].value`, o.value, LIMITS.optionValue, 1);
    if (values.has(o.value)) out.push(`${path}.options[${i}].value: duplicate`);
    values.add(o.value);
  });
}

function checkBlock(out: string[], path: string, block: Json): void {
  switch (block.type) {
    case 'section': {
      const fields = Array.isArray(block.fields) ? block.fields : [];
      if (block.text === undefined && fields.length === 0) out.push(`${path}: no text or fields`);
      if (block.text !== undefined)
        checkLength(out, `${path}.text`, textOf(block.text), LIMITS.sectionText, 1);
      if (fields.length > LIMITS.fields) out.push(`${path}.fields: ${fields.length} > ${LIMITS.fields}`);
      fields.forEach((f: unknown, i) => {
        checkLength(out, `${path}.fields[${i}]`, textOf(f), LIMITS.fieldText, 1);
      });
      if (block.accessory !== undefined) checkElement(out, `${path}.accessory`, block.accessory);
      return;
    }
    case 'header':
      checkLength(out, `${path}.text`, textOf(block.text), LIMITS.headerText, 1);
      return;
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > LIMITS.contextElements)
        out.push(`${path}.elements: ${elements.length} not in 1..${LIMITS.contextElements}`);
      elements.forEach((e: unknown, i) => {
        if (isObj(e) && e.type !== 'image')
          checkLength(out, `${path}.elements[${i}]`, textOf(e), LIMITS.contextText, 1);
      });
      return;
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > LIMITS.actionsElements)
        out.push(`${path}.elements: ${elements.length} not in 1..${LIMITS.actionsElements}`);
      const ids = new Set<unknown>();
      elements.forEach((e: unknown, i) => {
        checkElement(out, `${path}.elements[${i}]`, e);
        if (isObj(e) && e.action_id !== undefined) {
          if (ids.has(e.action_id)) out.push(`${path}.elements[${i}].action_id: duplicate`);
          ids.add(e.action_id);
        }
      });
      return;
    }
    case 'input':
      checkLength(out, `${path}.label`, textOf(block.label), LIMITS.inputLabel, 1);
      checkElement(out, `${path}.element`, block.element);
      return;
    case 'divider':
      return;
    default:
      out.push(`${path}: unexpected block type ${String(block.type)}`);
  }
}

/** Every violation of Slack's limits in `blocks` for the given surface; empty when all is well. */
export function blockKitViolations(blocks: readonly unknown[], surface: Surface): string[] {
  const out: string[] = [];
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (blocks.length > max) out.push(`blocks: ${blocks.length} > ${max}`);
  const blockIds = new Set<unknown>();
  blocks.forEach((block, i) => {
    const path = `blocks[${i}]`;
    if (!isObj(block)) {
      out.push(`${path}: not an object`);
      return;
    }
    if (block.block_id !== undefined) {
      checkLength(out, `${path}.block_id`, block.block_id, LIMITS.blockId, 1);
      if (blockIds.has(block.block_id)) out.push(`${path}.block_id: duplicate`);
      blockIds.add(block.block_id);
    }
    checkBlock(out, path, block);
  });
  return out;
}

/** Violations of a message (fallback text included). */
export function messageViolations(message: { text: string; blocks: readonly unknown[] }): string[] {
  const out = blockKitViolations(message.blocks, 'message');
  checkLength(out, 'text', message.text, LIMITS.fallbackText, 1);
  return out;
}

/** Violations of a modal or Home view. */
export function viewViolations(rendered: object): string[] {
  const view: Json = { ...rendered };
  const surface: Surface = view.type === 'home' ? 'home' : 'modal';
  const out = blockKitViolations(Array.isArray(view.blocks) ? view.blocks : [], surface);
  if (surface === 'modal') {
    checkLength(out, 'title', textOf(view.title), LIMITS.viewTitle, 1);
    checkLength(out, 'submit', textOf(view.submit), LIMITS.viewButton);
    checkLength(out, 'close', textOf(view.close), LIMITS.viewButton);
  }
  checkLength(out, 'private_metadata', view.private_metadata, LIMITS.privateMetadata);
  checkLength(out, 'callback_id', view.callback_id, LIMITS.callbackId);
  return out;
}
