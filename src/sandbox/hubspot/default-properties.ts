import type { ObjectType } from './object-types.ts';
import { ANALYTICS_SOURCES, LEAD_STATUSES, type StageInfo } from './pipelines.ts';
import { options, type PropertyCatalog, type PropertyType, defineProperty as p } from './property-catalog.ts';

type Spec = readonly [name: string, label: string, type: PropertyType];

const COMMON: readonly Spec[] = [
  ['hs_object_id', 'Record ID', 'number'],
  ['hubspot_owner_id', 'Owner', 'enumeration'],
];

const CONTACT: readonly Spec[] = [
  ['firstname', 'First Name', 'string'],
  ['lastname', 'Last Name', 'string'],
  ['email', 'Email', 'string'],
  ['phone', 'Phone Number', 'string'],
  ['mobilephone', 'Mobile Phone Number', 'string'],
  ['company', 'Company Name', 'string'],
  ['jobtitle', 'Job Title', 'string'],
  ['country', 'Country/Region', 'string'],
  ['city', 'City', 'string'],
  ['createdate', 'Create Date', 'datetime'],
  ['lastmodifieddate', 'Last Modified Date', 'datetime'],
  ['hubspot_owner_assigneddate', 'Owner Assigned Date', 'datetime'],
  ['hubspotscore', 'HubSpot Score', 'number'],
  ['recent_conversion_event_name', 'Recent Conversion', 'string'],
  ['recent_conversion_date', 'Recent Conversion Date', 'datetime'],
  ['notes_last_contacted', 'Last Contacted', 'datetime'],
  ['num_contacted_notes', 'Number of times contacted', 'number'],
  ['hs_is_unworked', 'Contact unworked', 'bool'],
  ['hs_pipeline', 'Pipeline', 'enumeration'],
];

const ENGAGEMENT: readonly Spec[] = [
  ['hs_timestamp', 'Activity date', 'datetime'],
  ['hs_createdate', 'Create date', 'datetime'],
  ['hs_lastmodifieddate', 'Last modified date', 'datetime'],
];

const BY_TYPE: Readonly<Record<ObjectType, readonly Spec[]>> = {
  contacts: CONTACT,
  calls: [
    ...ENGAGEMENT,
    ['hs_call_direction', 'Call direction', 'enumeration'],
    ['hs_call_status', 'Call status', 'enumeration'],
    ['hs_call_disposition', 'Call outcome', 'enumeration'],
    ['hs_call_duration', 'Call duration', 'number'],
    ['hs_call_title', 'Call Title', 'string'],
    ['hs_call_body', 'Call notes', 'string'],
    ['hs_call_to_number', 'To Number', 'string'],
    ['hs_call_from_number', 'From Number', 'string'],
  ],
  emails: [
    ...ENGAGEMENT,
    ['hs_email_direction', 'Email direction', 'enumeration'],
    ['hs_email_status', 'Email send status', 'enumeration'],
    ['hs_email_subject', 'Email subject', 'string'],
    ['hs_email_text', 'Email body', 'string'],
  ],
  meetings: [
    ...ENGAGEMENT,
    ['hs_meeting_title', 'Meeting name', 'string'],
    ['hs_meeting_start_time', 'Start Time', 'datetime'],
    ['hs_meeting_end_time', 'End Time', 'datetime'],
    ['hs_meeting_outcome', 'Meeting outcome', 'enumeration'],
  ],
  leads: [
    ['hs_createdate', 'Create date', 'datetime'],
    ['hs_lastmodifieddate', 'Last modified date', 'datetime'],
    ['hs_lead_name', 'Lead name', 'string'],
    ['hs_lead_type', 'Lead type', 'enumeration'],
    ['hs_lead_label', 'Lead label', 'enumeration'],
    ['hs_pipeline', 'Pipeline', 'enumeration'],
    ['hs_pipeline_stage', 'Lead stage', 'enumeration'],
  ],
  tasks: [
    ...ENGAGEMENT,
    ['hs_task_subject', 'Task Title', 'string'],
    ['hs_task_body', 'Notes', 'string'],
    ['hs_task_status', 'Task Status', 'enumeration'],
    ['hs_task_priority', 'Priority', 'enumeration'],
    ['hs_task_type', 'Task Type', 'enumeration'],
    ['hs_task_reminders', 'Reminder', 'string'],
  ],
  notes: [...ENGAGEMENT, ['hs_note_body', 'Note body', 'string']],
  deals: [
    ['createdate', 'Create Date', 'datetime'],
    ['hs_lastmodifieddate', 'Last Modified Date', 'datetime'],
    ['dealname', 'Deal Name', 'string'],
    ['pipeline', 'Pipeline', 'enumeration'],
    ['dealstage', 'Deal Stage', 'enumeration'],
    ['amount', 'Amount', 'number'],
    ['deal_currency_code', 'Currency', 'enumeration'],
    ['closedate', 'Close Date', 'datetime'],
    ['hs_is_closed', 'Is Deal Closed?', 'bool'],
    ['hs_is_closed_won', 'Is Closed Won', 'bool'],
    ['hubspot_owner_id', 'Deal owner', 'enumeration'],
  ],
};

const GROUP: Readonly<Record<ObjectType, string>> = {
  contacts: 'contactinformation',
  calls: 'call',
  emails: 'email',
  meetings: 'meeting',
  leads: 'lead_information',
  tasks: 'task',
  notes: 'note',
  deals: 'dealinformation',
};

/** Installs the default properties and groups of every object type. */
export function installDefaultProperties(
  catalog: PropertyCatalog,
  lifecycleStages: readonly StageInfo[],
  leadStages: readonly StageInfo[],
): void {
  for (const [type, specs] of Object.entries(BY_TYPE) as [ObjectType, readonly Spec[]][]) {
    const group = GROUP[type];
    catalog.addGroup(type, {
      name: group,
      label: `${type[0]?.toUpperCase()}${type.slice(1, -1)} information`,
      displayOrder: 0,
    });
    for (const [name, label, kind] of [...COMMON, ...specs])
      catalog.add(type, p(name, label, kind, { group }));
  }
  catalog.addGroup('contacts', { name: 'sales_properties', label: 'Sales properties', displayOrder: 1 });
  const lifecycle = options(lifecycleStages.map((s) => [s.id, s.label] as const));
  catalog.add('contacts', p('lifecyclestage', 'Lifecycle Stage', 'enumeration', { options: lifecycle }));
  catalog.add(
    'contacts',
    p('hs_lead_status', 'Lead Status', 'enumeration', { options: options(LEAD_STATUSES) }),
  );
  catalog.add(
    'contacts',
    p('hs_analytics_source', 'Original Traffic Source', 'enumeration', {
      options: options(ANALYTICS_SOURCES),
    }),
  );
  for (const stage of lifecycleStages)
    addStageProperties(catalog, 'contacts', stage, 'Lifecycle Stage Pipeline');
  for (const stage of leadStages) addStageProperties(catalog, 'leads', stage, 'Lead pipeline');
}

/** The `hs_v2_date_entered_<stage>` family HubSpot creates for every stage, custom ones included. */
export function addStageProperties(
  catalog: PropertyCatalog,
  type: ObjectType,
  stage: StageInfo,
  pipelineLabel: string,
): void {
  const where = `"${stage.label} (${pipelineLabel})"`;
  const o = { group: GROUP[type], readOnly: true } as const;
  catalog.add(type, p(`hs_v2_date_entered_${stage.id}`, `Date entered ${where}`, 'datetime', o));
  catalog.add(type, p(`hs_v2_date_exited_${stage.id}`, `Date exited ${where}`, 'datetime', o));
  catalog.add(type, p(`hs_v2_latest_time_in_${stage.id}`, `Latest time in ${where}`, 'number', o));
  if (type === 'contacts') {
    catalog.add(type, p(`hs_lifecyclestage_${stage.id}_date`, `Became a ${stage.label} Date`, 'datetime', o));
    catalog.add(
      type,
      p(`hs_date_entered_${stage.id}`, `Date entered ${stage.label}`, 'datetime', {
        ...o,
        hidden: true,
        calculated: true,
      }),
    );
  }
}
