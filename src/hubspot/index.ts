/** The HubSpot adapter: what the composition root and the CLI use. */
export * from './errors.ts';
export {
  createHubSpotClient,
  type HubSpotClient,
  type HubSpotClientDeps,
  PortalInfo,
} from './hubspot-client.ts';
export { createHubSpotSource, type HubSpotSource, type HubSpotSourceDeps } from './hubspot-source.ts';
export { createHubSpotLeadWriter, type HubSpotLeadWriterDeps } from './lead-writer.ts';
export { SCOPES } from './operations.ts';
export { DEFAULT_POLL_TUNING, type PollTuning } from './poll-context.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, type Timing } from './retry-policy.ts';
export { WRITE_BACK_PROPERTIES } from './write-back-properties.ts';
export { type SetupReport, setupWriteBack } from './write-back-setup.ts';
