import {
  type PropertyCreate,
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import type { Logger } from '../log/logger.ts';
import { HubSpotRequestError } from './errors.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import { ops } from './operations.ts';
import { WRITE_BACK_GROUP, WRITE_BACK_PROPERTIES, type WriteBackProperty } from './write-back-properties.ts';

export interface SetupReport {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

const TYPES: Record<WriteBackProperty['type'], PropertyCreateTypeEnum> = {
  string: PropertyCreateTypeEnum.String,
  number: PropertyCreateTypeEnum.Number,
  datetime: PropertyCreateTypeEnum.Datetime,
  enumeration: PropertyCreateTypeEnum.Enumeration,
};

const FIELD_TYPES: Record<WriteBackProperty['fieldType'], PropertyCreateFieldTypeEnum> = {
  text: PropertyCreateFieldTypeEnum.Text,
  number: PropertyCreateFieldTypeEnum.Number,
  date: PropertyCreateFieldTypeEnum.Date,
  select: PropertyCreateFieldTypeEnum.Select,
};

export const toPropertyCreate = (p: WriteBackProperty): PropertyCreate => ({
  name: p.name,
  label: p.label,
  description: p.description,
  groupName: WRITE_BACK_GROUP.name,
  type: TYPES[p.type],
  fieldType: FIELD_TYPES[p.fieldType],
  formField: false,
  ...(p.options ? { options: p.options.map((o, i) => ({ ...o, displayOrder: i, hidden: false })) } : {}),
});

/** 409 Conflict: it is there already (a second run of the setup is harmless). */
const exists = (error: unknown): boolean => error instanceof HubSpotRequestError && error.status === 409;

/**
 * Creates the `sla_bot` property group and the write-back contact properties (`sla-bot hubspot-setup`).
 * Idempotent: what exists is left as it is and reported.
 */
export async function setupWriteBack(api: HubSpotApi, logger: Logger): Promise<SetupReport> {
  const created: string[] = [];
  const existing: string[] = [];
  try {
    await api.call(ops.createPropertyGroup, () =>
      api.sdk.crm.properties.groupsApi.create('contacts', {
        name: WRITE_BACK_GROUP.name,
        label: WRITE_BACK_GROUP.label,
      }),
    );
    created.push(`group ${WRITE_BACK_GROUP.name}`);
  } catch (error) {
    if (!exists(error)) throw error;
    existing.push(`group ${WRITE_BACK_GROUP.name}`);
  }
  for (const property of WRITE_BACK_PROPERTIES) {
    try {
      await api.call(ops.createProperty, () =>
        api.sdk.crm.properties.coreApi.create('contacts', toPropertyCreate(property)),
      );
      created.push(property.name);
    } catch (error) {
      if (!exists(error)) throw error;
      existing.push(property.name);
    }
  }
  logger.info({ created: created.length, existing: existing.length }, 'hubspot write-back properties set up');
  return { created, existing };
}
