import { raw } from './html.ts';

/** The dashboard's only stylesheet: inline, no fonts or assets from elsewhere (it runs offline). */
export const STYLE = raw(`
:root { --good:#2e7d32; --bad:#c62828; --warn:#ef6c00; --neutral:#1565c0; --muted:#9e9e9e; --ink:#1d2330; --line:#e3e6ec; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:#f6f7f9; }
header { background:#1d2330; color:#fff; padding:12px 24px; display:flex; gap:24px; align-items:baseline; flex-wrap:wrap; }
header h1 { font-size:18px; margin:0; }
header nav a { color:#cfd8ff; margin-right:14px; text-decoration:none; }
header .who { color:#cfd8ff; margin-left:auto; } header form.sign-out { display:inline; } header form.sign-out button { font:inherit; }
main { padding:16px 24px 48px; max-width:1400px; }
form.filters { display:flex; flex-wrap:wrap; gap:10px; align-items:end; background:#fff; border:1px solid var(--line); padding:10px 12px; border-radius:6px; }
form.filters label { display:flex; flex-direction:column; font-size:12px; color:#555; }
form.filters select, form.filters input { font:inherit; padding:3px 6px; }
section { background:#fff; border:1px solid var(--line); border-radius:6px; padding:8px 16px 16px; margin-top:16px; }
h2 { font-size:17px; margin:8px 0; } h3 { font-size:15px; }
.note { color:#5a6170; font-size:13px; }
.tiles { display:flex; flex-wrap:wrap; gap:10px; margin:8px 0; }
.tile { border:1px solid var(--line); border-radius:6px; padding:8px 12px; min-width:140px; }
.tl { font-size:12px; color:#5a6170; } .tv { font-size:22px; font-weight:600; } .th { font-size:12px; color:#5a6170; }
.charts { display:flex; flex-wrap:wrap; gap:16px; }
figure { margin:8px 0; } figure.wide { flex-basis:100%; }
figcaption { font-weight:600; margin-bottom:4px; }
svg.chart text.lbl { font-size:11px; fill:#444; } svg.chart text.val { font-size:11px; fill:#222; }
svg.chart a:hover rect { opacity:.8; }
.bar.good { fill:var(--good); } .bar.bad { fill:var(--bad); } .bar.warn { fill:var(--warn); } .bar.neutral { fill:var(--neutral); } .bar.muted { fill:var(--muted); }
line.target, line.zero { stroke:#888; stroke-dasharray:4 3; }
table.figs { border-collapse:collapse; margin:10px 0; font-size:13px; }
table.figs th, table.figs td { border-bottom:1px solid var(--line); padding:3px 10px; text-align:right; white-space:nowrap; }
table.figs th:first-child { text-align:left; }
table.figs thead th { color:#5a6170; font-weight:600; }
a.fig { color:inherit; text-decoration:underline dotted; }
table.events td.what { text-align:left; white-space:normal; }
.warning { background:#fff4e5; border:1px solid #ffcc80; padding:6px 10px; border-radius:6px; }
`);
