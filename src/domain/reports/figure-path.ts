import type { Figure } from './figure.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const isFigure = (v: unknown): v is Figure =>
  isRecord(v) && Array.isArray(v.ids) && (typeof v.value === 'number' || v.value === null);

/** `['speed', 'byTeam', 'benelux', 'bands', '0-5m']` → `speed/byTeam/benelux/bands/0-5m` (segments URI-encoded). */
export const figurePath = (segments: readonly string[]): string => segments.map(encodeURIComponent).join('/');

/**
 * The figure a path names inside a report (rows of a list are named by their `key`), or `null` when
 * the path names nothing or something that is not a figure. Used by the dashboard's click-through.
 */
export function figureAt(report: unknown, path: string): Figure | null {
  let node: unknown = report;
  for (const raw of path.split('/')) {
    const segment = decodeURIComponent(raw);
    if (Array.isArray(node)) node = node.find((row) => isRecord(row) && row.key === segment);
    else if (isRecord(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return null;
  }
  return isFigure(node) ? node : null;
}
