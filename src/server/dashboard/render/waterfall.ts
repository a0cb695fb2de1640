import { html, type SafeHtml } from './html.ts';

/** One month of a waterfall: the running gap moves from `start` to `end` (= start + delta). */
export interface Step {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly display: string;
  readonly href: string | null;
  readonly figure: string;
}

/**
 * Marketing's delivery against its commitment, month after month: each bar floats from the running
 * surplus/shortfall before the month to the one after it (green up, red down), around a zero line.
 */
export function waterfall(title: string, steps: readonly Step[]): SafeHtml {
  const colW = 64;
  const width = Math.max(260, steps.length * colW + 60);
  const plot = 150;
  const values = [0, ...steps.flatMap((s) => [s.start, s.end])];
  const hi = Math.max(...values);
  const lo = Math.min(...values);
  const range = hi - lo || 1;
  const y = (v: number) => 20 + ((hi - v) / range) * plot;
  const bars = steps.map((s, i) => {
    const x0 = 40 + i * colW;
    const top = y(Math.max(s.start, s.end));
    const h = Math.max(1.5, Math.abs(y(s.start) - y(s.end)));
    const tone = s.end >= s.start ? 'good' : 'bad';
    const body = html`<rect x="${x0 + 6}" y="${top.toFixed(1)}" width="${colW - 12}" height="${h.toFixed(1)}" class="bar ${tone}"/><text x="${x0 + colW / 2}" y="${(top - 4).toFixed(1)}" class="val" text-anchor="middle">${s.display}</text>`;
    const link =
      s.href === null
        ? html`<g data-figure="${s.figure}">${body}</g>`
        : html`<a href="${s.href}" data-figure="${s.figure}">${body}</a>`;
    return html`${link}<text x="${x0 + colW / 2}" y="${plot + 38}" class="lbl" text-anchor="middle">${s.label}</text>`;
  });
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${plot + 46}" width="${width}" height="${plot + 46}"><title>${title}</title><line x1="34" x2="${width - 10}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" class="zero"/><text x="30" y="${(y(0) + 4).toFixed(1)}" class="lbl" text-anchor="end">0</text>${bars}</svg>`;
}
