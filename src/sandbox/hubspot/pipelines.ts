/** Default pipelines of a HubSpot portal: the contacts lifecycle pipeline and the Leads pipeline. */
export interface StageInfo {
  readonly id: string;
  readonly label: string;
}

export const LIFECYCLE_PIPELINE_ID = 'contacts-lifecycle-pipeline';
export const LEAD_PIPELINE_ID = 'lead-pipeline-id';

export const DEFAULT_LIFECYCLE_STAGES: readonly StageInfo[] = [
  { id: 'subscriber', label: 'Subscriber' },
  { id: 'lead', label: 'Lead' },
  { id: 'marketingqualifiedlead', label: 'Marketing Qualified Lead' },
  { id: 'salesqualifiedlead', label: 'Sales Qualified Lead' },
  { id: 'opportunity', label: 'Opportunity' },
  { id: 'customer', label: 'Customer' },
  { id: 'evangelist', label: 'Evangelist' },
  { id: 'other', label: 'Other' },
];

export const DEFAULT_LEAD_STAGES: readonly StageInfo[] = [
  { id: 'new-stage-id', label: 'New' },
  { id: 'attempting-stage-id', label: 'Attempting' },
  { id: 'connected-stage-id', label: 'Connected' },
  { id: 'qualified-stage-id', label: 'Qualified' },
  { id: 'unqualified-stage-id', label: 'Disqualified' },
];

export const LEAD_STATUSES: readonly (readonly [string, string])[] = [
  ['NEW', 'New'],
  ['OPEN', 'Open'],
  ['IN_PROGRESS', 'In Progress'],
  ['OPEN_DEAL', 'Open Deal'],
  ['UNQUALIFIED', 'Unqualified'],
  ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
  ['CONNECTED', 'Connected'],
  ['BAD_TIMING', 'Bad Timing'],
];

export const ANALYTICS_SOURCES: readonly (readonly [string, string])[] = [
  ['ORGANIC_SEARCH', 'Organic search'],
  ['PAID_SEARCH', 'Paid search'],
  ['EMAIL_MARKETING', 'Email marketing'],
  ['SOCIAL_MEDIA', 'Organic social'],
  ['REFERRALS', 'Referrals'],
  ['OTHER_CAMPAIGNS', 'Other campaigns'],
  ['DIRECT_TRAFFIC', 'Direct traffic'],
  ['OFFLINE', 'Offline sources'],
  ['PAID_SOCIAL', 'Paid social'],
];

/** A pipeline as `GET /crm/v3/pipelines/{objectType}` returns it. */
export function pipelineJson(id: string, label: string, stages: readonly StageInfo[], createdAt: string) {
  return {
    id,
    label,
    displayOrder: 0,
    createdAt,
    updatedAt: createdAt,
    archived: false,
    stages: stages.map((s, displayOrder) => stageJson(s, displayOrder, createdAt)),
  };
}

export function stageJson(stage: StageInfo, displayOrder: number, createdAt: string) {
  return {
    id: stage.id,
    label: stage.label,
    displayOrder,
    metadata: {
      isClosed: stage.id === 'qualified-stage-id' || stage.id === 'unqualified-stage-id' ? 'true' : 'false',
    },
    createdAt,
    updatedAt: createdAt,
    archived: false,
    writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
  };
}
