/** The review pages' inline stylesheet (no web fonts: the reader's own CJK fonts). */
export const REVIEW_STYLE = `
:root { --fail: #ffc7ce; --fail-ink: #9c0006; --line: #9aa4b1; --head: #eef3f8; --missing: #f1f1f1; --flag: #fff4c2; }
body { font: 14px/1.45 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.2em 2em; color: #1d232b; }
h1 { font-size: 1.5em; margin: .3em 0; }
h2 { font-size: 1.15em; margin: 1.6em 0 .5em; }
h2 small { font-weight: normal; color: #5b6673; }
a { color: #0b57a4; }
nav { margin-bottom: .5em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .5em 0; }
dl.meta dt { color: #5b6673; }
dl.meta dd { margin: 0; word-break: break-all; }
.note { color: #5b6673; }
.legend .value { display: inline-block; padding: 0 .5em; border: 1px solid var(--line); }
table { border-collapse: collapse; }
.report-table th, .report-table td { border: 1px solid var(--line); padding: .2em .45em; }
.report-table th { background: var(--head); font-weight: normal; }
.report-table th.stub { text-align: left; max-width: 22em; }
.report-table td.value { text-align: right; min-width: 2.6em; font-variant-numeric: tabular-nums; }
.value.blank { background: #fff; }
.value.missing, .value.absent { background: repeating-linear-gradient(45deg, var(--missing), var(--missing) 4px, #fff 4px, #fff 8px); }
.value.flagged { background: var(--flag); }
.value.fail { background: var(--fail); color: var(--fail-ink); font-weight: bold; }
.value.hot { outline: 3px solid #0b57a4; outline-offset: -2px; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.grid { overflow-x: auto; max-width: 100%; }
.pages { flex: 1 1 420px; max-width: 640px; }
figure.page { margin: 0 0 1em; }
.sheet { display: block; width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
rect.outline { fill: rgba(11, 87, 164, .08); stroke: #0b57a4; stroke-width: 1; }
rect.outline.fail { fill: rgba(220, 0, 30, .15); stroke: #d0001e; stroke-width: 2; }
rect.outline.hot { fill: rgba(255, 200, 0, .45); stroke-width: 2.5; }
figcaption { color: #5b6673; font-size: .9em; }
ul.failed-checks li { color: var(--fail-ink); }
#reports { margin-top: .5em; }
#reports th, #reports td { border-bottom: 1px solid #d5dbe2; padding: .25em .6em; text-align: left; }
#reports td.num { text-align: right; font-variant-numeric: tabular-nums; }
#reports th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
#reports th[aria-sort="ascending"] button::after { content: " ▲"; }
#reports th[aria-sort="descending"] button::after { content: " ▼"; }
#reports td.fail { color: var(--fail-ink); font-weight: bold; }
.status-failed { color: var(--fail-ink); }
.chart text { font-size: 12px; fill: #1d232b; }
.chart text.group { font-weight: bold; }
.chart text.axis { fill: #5b6673; }
.chart text.none { fill: #8a94a0; }
.chart rect.applications { fill: #4a7fb5; }
.chart rect.rate { fill: #e08a2c; }
.chart a:hover text { text-decoration: underline; }
.filter { margin: 1em 0 .3em; }
.filter input { font: inherit; padding: .2em .4em; width: 20em; }
`;
