import { json } from '../../shared/http-types.ts';
import { isoOf } from '../crm-data.ts';
import { hubspotError } from '../errors.ts';
import type { HubSpotState } from '../hubspot-state.ts';
import type { ObjectType } from '../object-types.ts';
import { LEAD_PIPELINE_ID, LIFECYCLE_PIPELINE_ID, pipelineJson } from '../pipelines.ts';
import { type Route, withType } from './route.ts';

function pipelines(state: HubSpotState, type: ObjectType) {
  const at = isoOf(0);
  if (type === 'contacts')
    return [pipelineJson(LIFECYCLE_PIPELINE_ID, 'Lifecycle Stage Pipeline', state.lifecycleStages, at)];
  if (type === 'leads') return [pipelineJson(LEAD_PIPELINE_ID, 'Lead pipeline', state.leadStages, at)];
  return [];
}

const pipelineNotFound = (id: string) =>
  hubspotError(404, 'OBJECT_NOT_FOUND', `Unable to find pipeline ${id}`);

export const pipelineRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/crm/v3/pipelines/:type',
    rateClass: 'standard',
    handle: (_req, { type: name }, { state }) =>
      withType(name, (type) => json(200, { results: pipelines(state, type) })),
  },
  {
    method: 'GET',
    path: '/crm/v3/pipelines/:type/:pipelineId',
    rateClass: 'standard',
    handle: (_req, { type: name, pipelineId = '' }, { state }) =>
      withType(name, (type) => {
        const found = pipelines(state, type).find((p) => p.id === pipelineId);
        return found ? json(200, found) : pipelineNotFound(pipelineId);
      }),
  },
  {
    method: 'GET',
    path: '/crm/v3/pipelines/:type/:pipelineId/stages',
    rateClass: 'standard',
    handle: (_req, { type: name, pipelineId = '' }, { state }) =>
      withType(name, (type) => {
        const found = pipelines(state, type).find((p) => p.id === pipelineId);
        return found ? json(200, { results: found.stages }) : pipelineNotFound(pipelineId);
      }),
  },
  {
    method: 'GET',
    path: '/calling/v1/dispositions',
    rateClass: 'standard',
    handle: (_req, _params, { state }) =>
      json(
        200,
        state.dispositions.map((d) => ({ id: d.id, label: d.label, deleted: false })),
      ),
  },
];
