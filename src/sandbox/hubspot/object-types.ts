/** The CRM object types the HubSpot sandbox serves, and the fixed facts HubSpot attaches to each. */
export type ObjectType = 'contacts' | 'calls' | 'emails' | 'meetings' | 'leads' | 'tasks' | 'notes' | 'deals';

export const OBJECT_TYPES: readonly ObjectType[] = [
  'contacts',
  'calls',
  'emails',
  'meetings',
  'leads',
  'tasks',
  'notes',
  'deals',
];

const ALIASES: Readonly<Record<string, ObjectType>> = {
  contacts: 'contacts',
  contact: 'contacts',
  '0-1': 'contacts',
  calls: 'calls',
  call: 'calls',
  '0-48': 'calls',
  emails: 'emails',
  email: 'emails',
  '0-49': 'emails',
  meetings: 'meetings',
  meeting: 'meetings',
  '0-47': 'meetings',
  leads: 'leads',
  lead: 'leads',
  '0-136': 'leads',
  tasks: 'tasks',
  task: 'tasks',
  '0-27': 'tasks',
  notes: 'notes',
  note: 'notes',
  '0-46': 'notes',
  deals: 'deals',
  deal: 'deals',
  '0-3': 'deals',
};

/** HubSpot accepts plural names, singular names and object type ids in paths. */
export const objectTypeOf = (name: string): ObjectType | null => ALIASES[name.toLowerCase()] ?? null;

/**
 * The scope HubSpot asks for to write a record of `type`: the Leads object's own
 * (`crm.objects.leads.write`, the security of `PATCH /crm/v3/objects/leads/{leadsId}` in the Leads spec);
 * contacts and the engagements and tasks sla-bot writes with them are written under
 * `crm.objects.contacts.write`.
 */
export const writeScopeOf = (type: ObjectType): string =>
  type === 'leads' ? 'crm.objects.leads.write' : 'crm.objects.contacts.write';

/** Upper-case singular, as HubSpot writes it in error messages (`CONTACT`, `CALL`). */
export const upperSingular = (type: ObjectType): string => type.slice(0, -1).toUpperCase();

/** First id handed out per type (ids are numeric strings, distinct across types). */
export const ID_BASE: Readonly<Record<ObjectType, number>> = {
  contacts: 100_001,
  calls: 20_000_001,
  emails: 30_000_001,
  meetings: 40_000_001,
  leads: 50_000_001,
  tasks: 60_000_001,
  notes: 70_000_001,
  deals: 80_000_001,
};

export const CREATED_PROPERTY = (type: ObjectType): string =>
  type === 'contacts' || type === 'deals' ? 'createdate' : 'hs_createdate';
export const MODIFIED_PROPERTY = (type: ObjectType): string =>
  type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';

/** Properties returned when a request names none. */
export const DEFAULT_PROPERTIES = (type: ObjectType): readonly string[] =>
  type === 'contacts'
    ? ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']
    : type === 'deals'
      ? [
          'amount',
          'closedate',
          'createdate',
          'dealname',
          'dealstage',
          'hs_lastmodifieddate',
          'hs_object_id',
          'pipeline',
        ]
      : ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];

/** HUBSPOT_DEFINED association type ids (from → to), as in the SDK's `AssociationTypes`. */
const ASSOCIATION_TYPE_IDS: Readonly<Record<string, number>> = {
  'contacts>calls': 193,
  'calls>contacts': 194,
  'contacts>emails': 197,
  'emails>contacts': 198,
  'contacts>meetings': 199,
  'meetings>contacts': 200,
  'contacts>notes': 201,
  'notes>contacts': 202,
  'contacts>tasks': 203,
  'tasks>contacts': 204,
  'leads>contacts': 578,
  'contacts>leads': 579,
  'deals>contacts': 3,
  'contacts>deals': 4,
};

export const defaultAssociationTypeId = (from: ObjectType, to: ObjectType): number | null =>
  ASSOCIATION_TYPE_IDS[`${from}>${to}`] ?? null;

/** Labels of labelled default associations (lead ↔ primary contact). */
export const associationLabel = (typeId: number): string | null =>
  typeId === 578 || typeId === 579 ? 'Primary' : null;
