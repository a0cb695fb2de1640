import { html, type SafeHtml } from './html.ts';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'muted';

/** One bar or column: its value, the text shown, and where clicking it leads (the leads behind it). */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly display: string;
  readonly href: string | null;
  /** The figure path (`data-figure`), for tests and tooling. */
  readonly figure: string;
  readonly tone?: Tone;
}

const LABEL_W = 170;
const ROW_H = 22;

const linked = (href: string | null, figure: string, body: SafeHtml): SafeHtml =>
  href === null
    ? html`<g data-figure="${figure}">${body}</g>`
    : html`<a href="${href}" data-figure="${figure}">${body}</a>`;

const scale = (max: number, span: number) => (v: number | null) =>
  v === null || max <= 0 ? 0 : Math.max(0, (v / max) * span);

/** Horizontal bars, one per row (teams, reps, reasons…). */
export function hbars(
  title: string,
  bars: readonly Bar[],
  opts: { readonly max?: number; readonly width?: number } = {},
): SafeHtml {
  const width = opts.width ?? 560;
  const span = width - LABEL_W - 70;
  const x = scale(opts.max ?? Math.max(1, ...bars.map((b) => b.value ?? 0)), span);
  const height = bars.length * ROW_H + 8;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW_H;
    return html`<text x="${LABEL_W - 6}" y="${y + 15}" class="lbl" text-anchor="end">${clip(b.label, 26)}</text>${linked(
      b.href,
      b.figure,
      html`<rect x="${LABEL_W}" y="${y + 3}" width="${x(b.value).toFixed(1)}" height="${ROW_H - 8}" class="bar ${b.tone ?? 'neutral'}"/><text x="${(LABEL_W + x(b.value) + 5).toFixed(1)}" y="${y + 15}" class="val">${b.display}</text>`,
    )}`;
  });
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${title}</title>${rows}</svg>`;
}

/** Vertical columns over time (periods), with an optional target line (e.g. 100 % compliance). */
export function columns(
  title: string,
  cols: readonly Bar[],
  opts: { readonly max?: number; readonly target?: number } = {},
): SafeHtml {
  const colW = Math.max(28, Math.min(70, Math.floor(640 / Math.max(1, cols.length))));
  const width = Math.max(240, cols.length * colW + 20);
  const plot = 150;
  const max = opts.max ?? Math.max(1, ...cols.map((c) => c.value ?? 0));
  const y = scale(max, plot);
  const bars = cols.map((c, i) => {
    const x0 = 10 + i * colW;
    const h = y(c.value);
    return html`${linked(
      c.href,
      c.figure,
      html`<rect x="${x0 + 4}" y="${(20 + plot - h).toFixed(1)}" width="${colW - 8}" height="${h.toFixed(1)}" class="bar ${c.tone ?? 'neutral'}"/><text x="${x0 + colW / 2}" y="${(16 + plot - h).toFixed(1)}" class="val" text-anchor="middle">${c.display}</text>`,
    )}<text x="${x0 + colW / 2}" y="${plot + 36}" class="lbl" text-anchor="middle">${clip(c.label, Math.floor(colW / 6))}</text>`;
  });
  const target =
    opts.target === undefined
      ? ''
      : html`<line x1="10" x2="${width - 10}" y1="${(20 + plot - y(opts.target)).toFixed(1)}" y2="${(20 + plot - y(opts.target)).toFixed(1)}" class="target"/>`;
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${plot + 44}" width="${width}" height="${plot + 44}"><title>${title}</title>${target}${bars}</svg>`;
}

export interface Segment {
  readonly value: number;
  readonly display: string;
  readonly href: string | null;
  readonly figure: string;
  readonly tone: Tone;
}

/** Horizontal stacked bars (e.g. uncontacted leads per owner by age). */
export function stacked(
  title: string,
  rows: readonly { readonly label: string; readonly segments: readonly Segment[] }[],
  legend: readonly { readonly label: string; readonly tone: Tone }[],
): SafeHtml {
  const width = Math.max(640, LABEL_W + legend.length * 135);
  const span = width - LABEL_W - 20;
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  const x = scale(max, span);
  const body = rows.map((r, i) => {
    const y = 4 + i * ROW_H;
    let at = LABEL_W;
    const segs = r.segments.map((s) => {
      const w = x(s.value);
      const seg = linked(
        s.href,
        s.figure,
        html`<rect x="${at.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW_H - 8}" class="bar ${s.tone}"><title>${s.display}</title></rect>`,
      );
      at += w;
      return seg;
    });
    return html`<text x="${LABEL_W - 6}" y="${y + 15}" class="lbl" text-anchor="end">${clip(r.label, 26)}</text>${segs}`;
  });
  const ly = rows.length * ROW_H + 18;
  const step = Math.floor((width - LABEL_W) / Math.max(1, legend.length));
  const keys = legend.map(
    (l, i) =>
      html`<rect x="${LABEL_W + i * step}" y="${ly - 9}" width="10" height="10" class="bar ${l.tone}"/><text x="${LABEL_W + 14 + i * step}" y="${ly}" class="lbl">${l.label}</text>`,
  );
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${ly + 8}" width="${width}" height="${ly + 8}"><title>${title}</title>${body}${keys}</svg>`;
}

const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, Math.max(1, n - 1))}…`);
