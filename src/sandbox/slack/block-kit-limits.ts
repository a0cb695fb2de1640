/**
 * Slack's Block Kit limits, as the sandbox enforces them (docs.slack.dev/reference/block-kit and the
 * comments in `@slack/types` 3.2, which state each limit; where the two disagree, the smaller wins).
 * See docs/platform-contract.md, rows SC-*.
 */
export const BLOCK_KIT = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** `chat.*` top-level `text`; longer answers `msg_too_long`. */
  messageText: 40_000,
  textObject: 3_000,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2_000,
  url: 3_000,
  accessibilityLabel: 75,
  altText: 2_000,
  imageTitle: 2_000,
  placeholder: 150,
  selectOptions: 100,
  optionGroups: 100,
  overflowOptions: 5,
  optionText: 75,
  /** `@slack/types` says 75, the option-object page says 150: the stricter is enforced. */
  optionValue: 75,
  optionDescription: 75,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  inputLabel: 2_000,
  inputHint: 2_000,
  textInputLength: 3_000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3_000,
  callbackId: 255,
} as const;

/** Block types Slack knows; the sandbox checks the fields of those sla-bot uses, the rest by type only. */
const KNOWN_BLOCKS: ReadonlySet<string> = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'video',
]);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** Collects Slack's complaints (`must be less than 3001 characters [json-pointer:/blocks/0/text/text]`). */
class Problems {
  readonly out: string[] = [];
  add(what: string, at: string): void {
    this.out.push(`${what} [json-pointer:${at}]`);
  }
  /** A string field: required or not, at most `max` characters (UTF-16 units, never fewer than Slack counts). */
  str(v: unknown, at: string, max: number, required = false): void {
    if (v === undefined) {
      if (required) this.add('missing required field', at);
      return;
    }
    if (typeof v !== 'string') this.add('must provide a string', at);
    else if (v.length > max) this.add(`must be less than ${max + 1} characters`, at);
    else if (v.length === 0 && required) this.add('must be more than 0 characters', at);
  }
  items(v: unknown, at: string, max: number, min = 0): readonly unknown[] {
    if (!Array.isArray(v)) {
      if (v !== undefined || min > 0) this.add('must provide an array', at);
      return [];
    }
    if (v.length > max) this.add(`no more than ${max} items allowed`, at);
    if (v.length < min) this.add(`must provide at least ${min} items`, at);
    return v;
  }
}

/** A text object: `plain_text` (with `emoji`) or `mrkdwn` (with `verbatim`), 1..max characters. */
function textObject(p: Problems, v: unknown, at: string, max: number, only?: 'plain_text'): void {
  if (!isObj(v)) {
    p.add(v === undefined ? 'missing required field' : 'must provide an object', at);
    return;
  }
  const allowed = only ? [only] : ['plain_text', 'mrkdwn'];
  if (typeof v.type !== 'string' || !allowed.includes(v.type)) {
    p.add(`must be one of ${allowed.join(', ')}`, `${at}/type`);
    return;
  }
  if (v.type === 'mrkdwn' && 'emoji' in v) p.add('invalid additional property: emoji', at);
  if (v.type === 'plain_text' && 'verbatim' in v) p.add('invalid additional property: verbatim', at);
  p.str(v.text, `${at}/text`, max, true);
}

function confirm(p: Problems, v: unknown, at: string): void {
  if (v === undefined) return;
  if (!isObj(v)) {
    p.add('must provide an object', at);
    return;
  }
  textObject(p, v.title, `${at}/title`, BLOCK_KIT.confirmTitle, 'plain_text');
  textObject(p, v.text, `${at}/text`, BLOCK_KIT.confirmText);
  textObject(p, v.confirm, `${at}/confirm`, BLOCK_KIT.confirmButton, 'plain_text');
  textObject(p, v.deny, `${at}/deny`, BLOCK_KIT.confirmButton, 'plain_text');
}

function option(p: Problems, v: unknown, at: string): void {
  if (!isObj(v)) {
    p.add('must provide an object', at);
    return;
  }
  textObject(p, v.text, `${at}/text`, BLOCK_KIT.optionText);
  p.str(v.value, `${at}/value`, BLOCK_KIT.optionValue, true);
  if (v.description !== undefined)
    textObject(p, v.description, `${at}/description`, BLOCK_KIT.optionDescription);
  p.str(v.url, `${at}/url`, BLOCK_KIT.url);
}

function options(p: Problems, v: unknown, at: string, max: number, min = 0): void {
  const values = new Set<unknown>();
  p.items(v, at, max, min).forEach((o, i) => {
    option(p, o, `${at}/${i}`);
    // The docs require option values to be unique; the wording of Slack's complaint is not verified.
    if (isObj(o) && values.has(o.value)) p.add('duplicate option value', `${at}/${i}/value`);
    if (isObj(o)) values.add(o.value);
  });
}

/** Interactive elements (accessories, `actions` elements, `input` elements). */
function element(p: Problems, v: unknown, at: string): void {
  if (!isObj(v)) {
    p.add('must provide an object', at);
    return;
  }
  p.str(v.action_id, `${at}/action_id`, BLOCK_KIT.actionId);
  confirm(p, v.confirm, `${at}/confirm`);
  if (v.placeholder !== undefined)
    textObject(p, v.placeholder, `${at}/placeholder`, BLOCK_KIT.placeholder, 'plain_text');
  switch (v.type) {
    case 'button':
      textObject(p, v.text, `${at}/text`, BLOCK_KIT.buttonText, 'plain_text');
      p.str(v.value, `${at}/value`, BLOCK_KIT.buttonValue);
      p.str(v.url, `${at}/url`, BLOCK_KIT.url);
      p.str(v.accessibility_label, `${at}/accessibility_label`, BLOCK_KIT.accessibilityLabel);
      if (v.style !== undefined && v.style !== 'primary' && v.style !== 'danger')
        p.add('must be one of primary, danger', `${at}/style`);
      return;
    case 'static_select':
    case 'multi_static_select':
      if (v.option_groups === undefined) options(p, v.options, `${at}/options`, BLOCK_KIT.selectOptions, 1);
      else p.items(v.option_groups, `${at}/option_groups`, BLOCK_KIT.optionGroups, 1);
      return;
    case 'overflow':
      options(p, v.options, `${at}/options`, BLOCK_KIT.overflowOptions, 1);
      return;
    case 'plain_text_input':
      bounded(p, v.min_length, `${at}/min_length`, 0);
      bounded(p, v.max_length, `${at}/max_length`, 1);
      return;
    case 'image':
      p.str(v.alt_text, `${at}/alt_text`, BLOCK_KIT.altText, true);
      p.str(v.image_url, `${at}/image_url`, BLOCK_KIT.url);
      return;
    default:
      if (typeof v.type !== 'string') p.add('missing required field', `${at}/type`);
  }
}

/** `min_length` / `max_length` of a text input: an integer in min..3000. */
function bounded(p: Problems, v: unknown, at: string, min: number): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > BLOCK_KIT.textInputLength)
    p.add(`must be an integer between ${min} and ${BLOCK_KIT.textInputLength}`, at);
}

function uniqueActionIds(p: Problems, elements: readonly unknown[], at: string): void {
  const seen = new Set<unknown>();
  elements.forEach((e, i) => {
    if (!isObj(e) || e.action_id === undefined) return;
    // The docs require action_ids unique within a block; the wording of Slack's complaint is not verified.
    if (seen.has(e.action_id)) p.add('duplicate action_id', `${at}/${i}/action_id`);
    seen.add(e.action_id);
  });
}

function block(p: Problems, b: Json, at: string): void {
  switch (b.type) {
    case 'section': {
      if (b.text === undefined && b.fields === undefined) p.add('must provide either text or fields', at);
      if (b.text !== undefined) textObject(p, b.text, `${at}/text`, BLOCK_KIT.sectionText);
      p.items(b.fields, `${at}/fields`, BLOCK_KIT.sectionFields).forEach((f, i) => {
        textObject(p, f, `${at}/fields/${i}`, BLOCK_KIT.fieldText);
      });
      if (b.accessory !== undefined) element(p, b.accessory, `${at}/accessory`);
      return;
    }
    case 'header':
      textObject(p, b.text, `${at}/text`, BLOCK_KIT.headerText, 'plain_text');
      return;
    case 'context':
      p.items(b.elements, `${at}/elements`, BLOCK_KIT.contextElements, 1).forEach((e, i) => {
        if (isObj(e) && e.type === 'image') element(p, e, `${at}/elements/${i}`);
        else textObject(p, e, `${at}/elements/${i}`, BLOCK_KIT.textObject);
      });
      return;
    case 'actions': {
      const elements = p.items(b.elements, `${at}/elements`, BLOCK_KIT.actionsElements, 1);
      elements.forEach((e, i) => {
        element(p, e, `${at}/elements/${i}`);
      });
      uniqueActionIds(p, elements, `${at}/elements`);
      return;
    }
    case 'image':
      p.str(b.alt_text, `${at}/alt_text`, BLOCK_KIT.altText, true);
      p.str(b.image_url, `${at}/image_url`, BLOCK_KIT.url);
      if (b.title !== undefined) textObject(p, b.title, `${at}/title`, BLOCK_KIT.imageTitle, 'plain_text');
      return;
    case 'input':
      textObject(p, b.label, `${at}/label`, BLOCK_KIT.inputLabel, 'plain_text');
      if (b.hint !== undefined) textObject(p, b.hint, `${at}/hint`, BLOCK_KIT.inputHint, 'plain_text');
      element(p, b.element, `${at}/element`);
      return;
    default:
      if (typeof b.type !== 'string' || !KNOWN_BLOCKS.has(b.type))
        p.add(`unsupported type: ${String(b.type)}`, `${at}/type`);
  }
}

/** Every complaint about a `blocks` array at `at` (`/blocks`, `/view/blocks`), at most `max` blocks. */
function blocksAt(p: Problems, value: unknown, at: string, max: number): void {
  const blocks = p.items(value, at, max);
  const ids = new Set<unknown>();
  blocks.forEach((b, i) => {
    const here = `${at}/${i}`;
    if (!isObj(b)) {
      p.add('must provide an object', here);
      return;
    }
    if (b.block_id !== undefined) {
      p.str(b.block_id, `${here}/block_id`, BLOCK_KIT.blockId, true);
      // The docs require block_ids unique per message or view; the wording of Slack's complaint is not verified.
      if (ids.has(b.block_id)) p.add('duplicate block_id', `${here}/block_id`);
      ids.add(b.block_id);
    }
    block(p, b, here);
  });
}

/** Slack's complaints about a message's `blocks` (chat.postMessage, chat.update, response_url). */
export function messageBlockErrors(blocks: unknown): string[] {
  const p = new Problems();
  blocksAt(p, blocks, '/blocks', BLOCK_KIT.messageBlocks);
  return p.out;
}

/** Slack's complaints about a `view` (views.open / update / push / publish), pointers under `/view`. */
export function viewErrors(view: Json): string[] {
  const p = new Problems();
  const modal = view.type === 'modal';
  blocksAt(p, view.blocks ?? [], '/view/blocks', BLOCK_KIT.viewBlocks);
  if (modal) {
    textObject(p, view.title, '/view/title', BLOCK_KIT.viewTitle, 'plain_text');
    const inputs = list(view.blocks).some((b) => isObj(b) && b.type === 'input');
    if (inputs && view.submit === undefined) p.add('missing required field: submit', '/view');
    if (view.submit !== undefined)
      textObject(p, view.submit, '/view/submit', BLOCK_KIT.viewButton, 'plain_text');
    if (view.close !== undefined)
      textObject(p, view.close, '/view/close', BLOCK_KIT.viewButton, 'plain_text');
  }
  p.str(view.private_metadata, '/view/private_metadata', BLOCK_KIT.privateMetadata);
  p.str(view.callback_id, '/view/callback_id', BLOCK_KIT.callbackId);
  return p.out;
}

/** Slack's answer body for rejected blocks: `errors` plus `response_metadata.messages` with `[ERROR]`. */
export const rejection = (problems: readonly string[]) => ({
  errors: [...problems],
  response_metadata: { messages: problems.map((m) => `[ERROR] ${m}`) },
});
