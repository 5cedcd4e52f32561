// the report's stylesheet: inline in the HTML (no external requests), readable on screen and in print

export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1a1a1a; --muted: #595959; --line: #d0d0d0; --accent: #0060a0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-top: .6rem; border-top: 2px solid var(--fg); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
a { color: var(--accent); }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f2f2f2; padding: 0 .2em; border-radius: 3px; }
.meta, .note { color: var(--muted); font-size: .9rem; }
.lead { font-size: 1.05rem; }
.warning { border-left: 4px solid #d55e00; padding-left: .6rem; }
nav ol { columns: 2; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .85rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
td.r { white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .85rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .35em; border-radius: 3px; border: 1px solid currentColor; }
.badge.error { color: #a0300a; } .badge.warning { color: #8a5a00; } .badge.info { color: #595959; }
.badge.strength { color: #00704f; } .badge.muted { color: #595959; }
ul.findings li, ol.sources li { margin-bottom: .4rem; }
ol.sources { font-size: .88rem; }
:target { background: #fff6cc; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  section.scenario, section.bibliography { break-before: page; }
  figure, table, dl.facts { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  :target { background: none; }
}
@page { size: A4; margin: 16mm 14mm; }
`;
