import type { SlaConfig } from '../config/types.ts';
import type { ConfigMismatch } from './errors.ts';
import { segmentProperties } from './lead-snapshot.ts';
import { dateEntered } from './poll-context.ts';
import type { PipelineList, PropertyDefinition } from './schemas.ts';
import { WRITE_BACK_PROPERTIES } from './write-back-properties.ts';

const optionList = (p: PropertyDefinition | undefined): string[] =>
  (p?.options ?? []).map((o) => (o.label && o.label !== o.value ? `${o.value} (${o.label})` : o.value));

const hasOption = (p: PropertyDefinition | undefined, value: string): boolean =>
  (p?.options ?? []).some((o) => o.value === value);

/** Property names that look like the one asked for (same first letters), at most ten. */
const similarNames = (names: readonly string[], wanted: string): string[] => {
  const stem = wanted.toLowerCase().slice(0, Math.min(4, wanted.length));
  return names.filter((n) => n.toLowerCase().includes(stem)).slice(0, 10);
};

/**
 * Compares the SLA file with the portal: stages, properties and option values it names must exist.
 * Pure: the caller fetched the contact properties and (when lead stages are configured) the lead
 * pipelines. Each problem names the YAML location and the values that do exist.
 */
export function checkPortal(
  config: SlaConfig,
  contactProperties: readonly PropertyDefinition[],
  leadPipelines: PipelineList | null,
): ConfigMismatch[] {
  const byName = new Map(contactProperties.map((p) => [p.name, p]));
  const names = [...byName.keys()];
  const lifecycle = byName.get('lifecyclestage');
  const problems: ConfigMismatch[] = [];
  const requireStage = (value: string, at: ConfigMismatch['at'], what: string) => {
    if (!hasOption(lifecycle, value)) {
      problems.push({
        at,
        message: `${what}: lifecycle stage '${value}' does not exist in the portal`,
        existing: optionList(lifecycle),
      });
    } else if (!byName.has(dateEntered(value))) {
      problems.push({
        at,
        message: `${what}: the portal has no property '${dateEntered(value)}' to detect entry into '${value}'`,
        existing: [],
      });
    }
  };
  for (const stage of config.stages) {
    const source = stage.source;
    const what = `stage '${stage.key}'`;
    if (source.kind === 'lifecycle_stage') requireStage(source.value, stage.at, what);
    if (source.kind === 'property') {
      const property = byName.get(source.property);
      if (!property) {
        problems.push({
          at: stage.at,
          message: `${what}: contact property '${source.property}' does not exist`,
          existing: similarNames(names, source.property),
        });
      } else if ((property.options?.length ?? 0) > 0 && !hasOption(property, source.equals)) {
        problems.push({
          at: stage.at,
          message: `${what}: '${source.property}' has no value '${source.equals}'`,
          existing: optionList(property),
        });
      }
    }
    if (source.kind === 'lead_pipeline') {
      const pipelines = leadPipelines?.results ?? [];
      const pipeline = pipelines.find((p) => p.id === source.pipeline);
      if (!pipeline) {
        problems.push({
          at: stage.at,
          message: `${what}: lead pipeline '${source.pipeline}' does not exist`,
          existing: pipelines.map((p) => `${p.id} (${p.label ?? ''})`),
        });
      } else if (!(pipeline.stages ?? []).some((s) => s.id === source.stage)) {
        problems.push({
          at: stage.at,
          message: `${what}: lead pipeline '${source.pipeline}' has no stage '${source.stage}'`,
          existing: (pipeline.stages ?? []).map((s) => `${s.id} (${s.label ?? ''})`),
        });
      }
    }
  }
  for (const value of config.recycleStages) requireStage(value, null, `recycle stage '${value}'`);
  for (const property of segmentProperties(config)) {
    if (!byName.has(property)) {
      problems.push({
        at: null,
        message: `segment condition: contact property '${property}' does not exist`,
        existing: similarNames(names, property),
      });
    }
  }
  const notAFit = config.hubspot.writeBack.notAFitLeadStatus;
  if (
    notAFit !== null &&
    !hasOption(byName.get('hs_lead_status'), notAFit) &&
    !hasOption(lifecycle, notAFit)
  ) {
    problems.push({
      at: null,
      message: `"Not a fit" status '${notAFit}' is neither a lead status nor a lifecycle stage`,
      existing: [...optionList(byName.get('hs_lead_status')), ...optionList(lifecycle)],
    });
  }
  if (config.hubspot.writeBack.enabled) {
    const missing = WRITE_BACK_PROPERTIES.map((p) => p.name).filter((n) => !byName.has(n));
    if (missing.length > 0) {
      problems.push({
        at: null,
        message: `write-back is on but the portal lacks ${missing.join(', ')}; run 'sla-bot hubspot-setup' first`,
        existing: [],
      });
    }
  }
  return problems;
}
