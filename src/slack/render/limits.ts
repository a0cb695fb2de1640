/**
 * Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit; docs/platform-contract.md,
 * rows SC-*), which renderers clip to. Tests run every rendered surface through the Slack sandbox's own
 * checker (`src/sandbox/slack/block-kit-limits.ts`), the one that answers `invalid_blocks`.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** Top-level `text`: Slack refuses over 40,000 (`msg_too_long`); we keep notification fallbacks short. */
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
  /** `@slack/types` says 75, the option-object page 150: the stricter. */
  optionValue: 75,
  selectOptions: 100,
  inputLabel: 2000,
  placeholder: 150,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
} as const;
