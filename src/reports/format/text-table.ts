/** A plain-text table: the first column left-aligned, the others right-aligned, two spaces apart. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? pad(c, widths[i] ?? 0, 'end') : pad(c, widths[i] ?? 0, 'start')))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Code points, so names with accents line up (wide CJK characters will not, which is acceptable here). */
const width = (s: string): number => [...s].length;

const pad = (s: string, w: number, side: 'start' | 'end'): string => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return side === 'start' ? fill + s : s + fill;
};

/** A titled section. */
export const section = (title: string, ...parts: readonly string[]): string =>
  [title.toUpperCase(), ...parts.filter((p) => p !== '')].join('\n\n');
