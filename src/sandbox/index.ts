/**
 * The offline sandbox: loopback fakes of the HubSpot and Slack HTTP APIs, shaped so the real SDKs
 * (`@hubspot/api-client` with `basePath`, `@slack/web-api` / `@slack/bolt` with `slackApiUrl`) work
 * against them unchanged. Used by `sla-bot demo`, end-to-end tests and benchmarks.
 */
export { type GeneratedContact, type GenerateOptions, generateContacts } from './hubspot/generator.ts';
export {
  type HubSpotSandbox,
  type HubSpotSandboxOptions,
  startHubSpotSandbox,
} from './hubspot/hubspot-sandbox.ts';
export {
  type ContactInput,
  HubSpotState,
  type LeadInput,
  type ScriptOptions,
} from './hubspot/hubspot-state.ts';
export type { ObjectType } from './hubspot/object-types.ts';
export type { OtherIntegrationOptions } from './hubspot/other-integration.ts';
export type { OwnerInput, SandboxOwner } from './hubspot/owners.ts';
export type { HubSpotLimitsView, HubSpotRateLimitOptions } from './hubspot/rate-limits.ts';
export { HUBSPOT_TIERS, type HubSpotTier } from './hubspot/rate-tiers.ts';
export type { CrmRecord } from './hubspot/records.ts';
export type { CallInput, EmailInput, MeetingInput } from './hubspot/touch-script.ts';
export type { FaultKind, FaultOptions, LatencyOptions } from './shared/faults.ts';
export type { EndpointStats, RequestStats, StatsSnapshot } from './shared/request-stats.ts';
export { ACK_DEADLINE_MS, MODAL_TROUBLE, type ViewAnswer } from './slack/ack-rules.ts';
export type { ChannelInput, SlackChannel, SlackUser, UserInput } from './slack/directory.ts';
export type { Delivered, Interactions, SignedRequest, SlackInteraction } from './slack/interact.ts';
export {
  currentContent,
  type MessageContent,
  type RecordedEphemeral,
  type RecordedMessage,
  type RecordedView,
  type SlackSandboxEvent,
} from './slack/message-log.ts';
export type { OpenIdClient } from './slack/openid/openid-provider.ts';
export type { SlackRateLimitOptions } from './slack/rate-limits.ts';
export { signSlackRequest } from './slack/signing.ts';
export { type SlackSandbox, type SlackSandboxOptions, startSlackSandbox } from './slack/slack-sandbox.ts';
export { type PersonView, SlackState } from './slack/slack-state.ts';
