import type { Figure } from '../../domain/reports/index.ts';

/** One figure of a report, wherever it sits, with the label of the row it belongs to. */
export interface FigureRow {
  readonly path: readonly string[];
  readonly label: string;
  /** `amount`: a deal value in the currency its row names (the row's label). */
  readonly unit: 'count' | 'ms' | 'percent' | 'mean' | 'amount';
  readonly figure: Figure;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isFigure = (v: unknown): v is Figure => isRecord(v) && Array.isArray(v.ids) && 'value' in v;

const MS = new Set(['timeToContact', 'repDelay', 'systemDelay', 'talkTime', 'averageTalkTime', 'oldest']);
const PERCENT = new Set(['compliance', 'rate']);

function unitOf(path: readonly string[]): FigureRow['unit'] {
  if (path.some((s) => MS.has(s))) return 'ms';
  if (path.some((s) => PERCENT.has(s))) return 'percent';
  if (path.includes('averageAttempts')) return 'mean';
  if (path.includes('averageValue')) return 'amount';
  return 'count';
}

/**
 * Every figure of the report in document order (rows of lists are named by their `key`); `label`
 * names a row in the reader's language (default: the report's own English labels).
 */
export function figureRows(
  report: object,
  relabel: (key: string, label: string) => string = (_key, label) => label,
): FigureRow[] {
  const out: FigureRow[] = [];
  const walk = (node: unknown, path: string[], label: string): void => {
    if (isFigure(node)) {
      out.push({ path, label, unit: unitOf(path), figure: node });
      return;
    }
    if (Array.isArray(node)) {
      for (const row of node)
        if (isRecord(row) && typeof row.key === 'string')
          walk(
            row,
            [...path, row.key],
            relabel(row.key, typeof row.label === 'string' ? row.label : row.key),
          );
      return;
    }
    if (!isRecord(node)) return;
    const own =
      typeof node.key === 'string' && typeof node.label === 'string' ? relabel(node.key, node.label) : label;
    for (const [k, v] of Object.entries(node)) walk(v, [...path, k], own);
  };
  for (const key of ['speed', 'depth', 'uncontacted', 'delivery', 'messages'] as const)
    if (isRecord(report) && key in report) walk((report as Record<string, unknown>)[key], [key], '');
  return out;
}
