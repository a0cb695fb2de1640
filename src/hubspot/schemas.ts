import { z } from 'zod';

/**
 * Permissive schemas of what we read from HubSpot (after the SDK's deserialisation): only the fields
 * we use, tolerant of `null`, numbers for strings and extra fields. Whole-response schemas check the
 * envelope; records are validated one by one so a bad record is rejected alone.
 */

export const HubSpotId = z.union([z.string().min(1), z.number()]).transform(String);

const Value = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()])
  .transform((v) => (v === null || v === undefined ? null : String(v)));

export const Properties = z.record(z.string(), Value);
export type Properties = z.infer<typeof Properties>;

const Timestamp = z.union([z.string(), z.number(), z.date()]);

export const HistoryEntry = z.object({ value: Value, timestamp: Timestamp }).loose();
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const CrmRecord = z
  .object({
    id: HubSpotId,
    properties: Properties.nullish().transform((p) => p ?? {}),
    propertiesWithHistory: z.record(z.string(), z.array(HistoryEntry).nullish()).nullish(),
    archived: z.boolean().nullish(),
    /** When it was deleted (records read with `archived=true`). */
    archivedAt: Timestamp.nullish(),
  })
  .loose();
export type CrmRecord = z.infer<typeof CrmRecord>;

const Paging = z
  .object({
    next: z
      .object({ after: z.union([z.string(), z.number()]).transform(String) })
      .loose()
      .nullish(),
  })
  .loose()
  .nullish();

export const SearchPage = z
  .object({ total: z.coerce.number().nullish(), results: z.array(z.unknown()), paging: Paging })
  .loose();
export type SearchPage = z.infer<typeof SearchPage>;

export const BatchError = z
  .object({
    category: z.string().nullish(),
    subCategory: z.unknown().optional(),
    message: z.string().nullish(),
    context: z.record(z.string(), z.array(z.string()).nullish()).nullish(),
  })
  .loose();
export type BatchError = z.infer<typeof BatchError>;

/** Batch read: 200, or 207 with `errors` (missing ids, merged records…). */
export const BatchResult = z
  .object({ results: z.array(z.unknown()), errors: z.array(BatchError).nullish() })
  .loose();

export const AssociationRow = z
  .object({
    // The SDK renames `from` to `_from` (reserved word); accept both.
    _from: z.object({ id: HubSpotId }).loose().optional(),
    from: z.object({ id: HubSpotId }).loose().optional(),
    to: z.array(
      z
        .object({
          toObjectId: HubSpotId,
          associationTypes: z.array(z.object({ typeId: z.coerce.number().nullish() }).loose()).nullish(),
        })
        .loose(),
    ),
    paging: Paging,
  })
  .loose();
export type AssociationRow = z.infer<typeof AssociationRow>;

export const OwnerRecord = z
  .object({
    id: HubSpotId,
    email: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    userId: z.union([z.number(), z.string()]).nullish(),
    userIdIncludingInactive: z.union([z.number(), z.string()]).nullish(),
    archived: z.boolean().nullish(),
  })
  .loose();
export type OwnerRecord = z.infer<typeof OwnerRecord>;

export const OwnersPage = z.object({ results: z.array(z.unknown()), paging: Paging }).loose();

export const PropertyOption = z
  .object({ value: z.string(), label: z.string().nullish(), displayOrder: z.number().nullish() })
  .loose();

export const PropertyDefinition = z
  .object({
    name: z.string(),
    label: z.string().nullish(),
    type: z.string().nullish(),
    options: z.array(PropertyOption).nullish(),
  })
  .loose();
export type PropertyDefinition = z.infer<typeof PropertyDefinition>;

export const PropertyList = z.object({ results: z.array(PropertyDefinition) }).loose();

export const PipelineList = z
  .object({
    results: z.array(
      z
        .object({
          id: z.string(),
          label: z.string().nullish(),
          stages: z.array(z.object({ id: z.string(), label: z.string().nullish() }).loose()).nullish(),
        })
        .loose(),
    ),
  })
  .loose();
export type PipelineList = z.infer<typeof PipelineList>;

/** `GET /calling/v1/dispositions`: a bare array. */
export const Dispositions = z.array(z.object({ id: z.string(), label: z.string() }).loose());

export const AccountDetails = z
  .object({
    portalId: HubSpotId.nullish(),
    timeZone: z.string().nullish(),
    uiDomain: z.string().nullish(),
  })
  .loose();
export type AccountDetails = z.infer<typeof AccountDetails>;

/** `POST /oauth/v2/private-apps/get/access-token-info` (HA-1): only the scopes are relied on. */
export const PrivateAppTokenInfo = z.object({ scopes: z.array(z.string()) }).loose();

/** `AccessTokenInfoResponse` of `GET /oauth/v1/access-tokens/{token}` (HA-2): only the scopes are relied on. */
export const OAuthTokenInfo = z.object({ scopes: z.array(z.string()) }).loose();
