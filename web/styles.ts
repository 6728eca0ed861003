/** The site's stylesheet, served from /assets/app.css (kept in code so the Lambda bundle carries it). */
export const APP_CSS = `
:root { --ink:#1f2933; --muted:#52606d; --line:#e4e7eb; --bg:#f5f7fa; --brand:#0b5cad; --brand-dark:#084a8c; --accent:#c2410c; --ok:#047857; --card:#fff; }
* { box-sizing: border-box; }
body { margin:0; font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color:var(--ink); background:var(--bg); line-height:1.6; }
a { color: var(--brand); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline:3px solid #f0b429; outline-offset:2px; }
.skip { position:absolute; left:-999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:4px 8px; z-index:10; }
header.site { background:var(--brand); color:#fff; }
header.site .bar { max-width:1200px; margin:0 auto; padding:10px 16px; display:flex; flex-wrap:wrap; gap:8px 24px; align-items:center; }
header.site .brand { color:#fff; font-weight:700; font-size:1.15rem; text-decoration:none; }
header.site nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:4px 16px; margin:0; padding:0; }
header.site nav a { color:#e6f0fb; text-decoration:none; padding:4px 2px; }
header.site nav a[aria-current="page"] { color:#fff; border-bottom:2px solid #fff; }
header.site .tools { margin-left:auto; display:flex; gap:12px; align-items:center; }
header.site .tools a { color:#fff; }
header.site .tools button, header.site .tools a[hreflang], header.site .tools a.messages-link { flex:none; white-space:nowrap; }
header.site .tools button { padding:6px 12px; }
main { max-width:1200px; margin:0 auto; padding:20px 16px 48px; }
h1 { font-size:1.6rem; margin:8px 0 16px; } h2 { font-size:1.2rem; margin:28px 0 12px; }
.hero { background:linear-gradient(135deg,#0b5cad,#0e7490); color:#fff; border-radius:12px; padding:28px 20px; }
.hero h1 { margin-top:0; } .hero p { color:#dbeafe; }
form.search { display:flex; gap:8px; flex-wrap:wrap; }
form.search input[type=search] { flex:1 1 260px; min-width:0; padding:10px 12px; border-radius:8px; border:1px solid var(--line); font:inherit; }
button, .button { font:inherit; padding:9px 18px; border-radius:8px; border:1px solid var(--brand-dark); background:var(--brand); color:#fff; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary, .button.secondary { background:#fff; color:var(--brand); }
.kpis { display:grid; grid-template-columns:repeat(auto-fit,minmax(200px,1fr)); gap:12px; margin-top:16px; }
.kpi { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:14px; }
.kpi .value { font-size:1.4rem; font-weight:700; } .kpi .label { color:var(--muted); font-size:.9rem; }
.meter { height:8px; background:#e4e7eb; border-radius:4px; overflow:hidden; margin-top:8px; } .meter > span { display:block; height:100%; background:var(--ok); }
.grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(280px,1fr)); gap:14px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:14px 16px; display:flex; flex-direction:column; gap:6px; }
.card h3 { margin:0; font-size:1.05rem; } .card h3 a { text-decoration:none; }
.card p { margin:0; color:var(--muted); font-size:.93rem; }
.tags { display:flex; flex-wrap:wrap; gap:6px; padding:0; margin:0; list-style:none; }
.tag { background:#eef2f7; border-radius:999px; padding:1px 10px; font-size:.8rem; color:#334e68; }
.tag.challenge { background:#fff1e6; color:var(--accent); font-weight:600; } .tag.score { white-space:nowrap; }
.money { font-weight:600; color:#0f172a; }
mark { background:#fde68a; padding:0 1px; }
.layout { display:grid; grid-template-columns:260px 1fr; gap:20px; }
aside.facets { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:12px 14px; align-self:start; }
aside.facets fieldset { border:0; padding:0; margin:0 0 12px; } aside.facets legend { font-weight:600; margin-bottom:4px; }
aside.facets label { display:flex; justify-content:space-between; gap:8px; font-size:.92rem; padding:2px 0; }
aside.facets select { width:100%; padding:6px; font:inherit; }
.summary { color:var(--muted); margin:0 0 12px; }
.pager { margin-top:18px; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:6px 16px; background:var(--card); border:1px solid var(--line); border-radius:10px; padding:14px 16px; }
dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; min-width:0; overflow-wrap:anywhere; }
.notice { background:#fff7ed; border:1px solid #fed7aa; border-radius:8px; padding:10px 12px; }
.chart { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:12px; overflow-x:auto; }
footer.site { text-align:center; color:var(--muted); font-size:.85rem; padding:24px 16px; }
/* Narrow screens: facts stack (a long English term beside a long value no longer pushes the page wider). */
@media (max-width: 720px) { .layout { grid-template-columns:1fr; } header.site .tools { margin-left:0; } h1 { font-size:1.35rem; }
  dl.facts { grid-template-columns:1fr; gap:0; } dl.facts dd { margin-bottom:8px; } }
`;

export const FORM_CSS = `
ul.files { list-style: none; padding: 0; margin: 6px 0; overflow-wrap: anywhere; }
ul.files li { margin: 0 0 8px; }
ul.files code { word-break: break-all; font-size: 12px; }
form.upload progress { width: 100%; }
form.upload select, form.upload input[type=file] { max-width: 100%; }
.files-panel, .files-panel + p.hint { overflow-wrap: anywhere; }
p.hint code { word-break: break-all; }

.field { margin-bottom:14px; display:flex; flex-direction:column; gap:4px; }
.field label { font-weight:600; }
.field input, .field textarea, .field select { font:inherit; padding:8px 10px; border:1px solid #cbd2d9; border-radius:8px; background:#fff; max-width:640px; }
.field [aria-invalid="true"] { border-color:#b91c1c; }
.field-error { color:#b91c1c; margin:0; font-size:.9rem; }
.hint { color:var(--muted); margin:0; font-size:.85rem; }
form.panel { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:16px; }
fieldset.choices { border:0; padding:0; margin:0 0 14px; } fieldset.choices legend { font-weight:600; margin-bottom:4px; }
fieldset.choices label { margin-right:14px; font-weight:400; display:inline-block; white-space:nowrap; }
table.list { width:100%; border-collapse:collapse; background:var(--card); border:1px solid var(--line); border-radius:10px; }
table.list th, table.list td { padding:8px 10px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
.inline { display:inline; } .flash { background:#ecfdf5; border:1px solid #a7f3d0; border-radius:8px; padding:10px 12px; }
.spaced { margin-top:10px; } .flush { margin-top:0; } ul.plain, ol.plain { list-style:none; padding:0; }
/* A <div>, not a <p>: a <form> inside <p> closes the paragraph, and the buttons fell onto separate lines. */
.actions { margin-top:12px; display:flex; flex-wrap:wrap; gap:8px; align-items:center; }
table.list input, table.list select { font:inherit; padding:6px 8px; border:1px solid #cbd2d9; border-radius:8px; background:#fff; max-width:100%; }
/* Stacked on narrow screens: the header row is hidden, so each cell names its column (data-label). */
@media (max-width: 720px) { table.list thead { display:none; } table.list td { display:block; border:0; padding:4px 10px; } table.list tr { display:block; border-bottom:1px solid var(--line); padding:6px 0; }
  table.list td[data-label]::before { content:attr(data-label); display:block; color:var(--muted); font-size:.8rem; } }

.badge { display:inline-block; min-width:1.4em; padding:0 6px; border-radius:999px; background:#dc2626; color:#fff; font-size:.8rem; font-weight:700; text-align:center; line-height:1.4em; }
ol.messages { display:flex; flex-direction:column; gap:10px; margin:12px 0; }
li.message { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:10px 14px; max-width:42rem; overflow-wrap:anywhere; }
li.message.mine { align-self:flex-end; background:#eff6ff; border-color:#bfdbfe; }
li.message p.body { margin:4px 0 0; }
#messages textarea { font:inherit; width:100%; max-width:640px; padding:8px 10px; border:1px solid #cbd2d9; border-radius:8px; box-sizing:border-box; display:block; margin:4px 0; }
label.choice { display:block; margin:4px 0; font-weight:400; } fieldset { border:0; padding:0; margin:0 0 14px; } legend { font-weight:600; margin-bottom:4px; }
div.panel { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:16px; margin:12px 0; }
figure.echart { margin:12px 0; background:var(--card); border:1px solid var(--line); border-radius:10px; padding:8px; overflow:hidden; }
figure.echart svg { display:block; width:100%; height:auto; }
figure.echart.compact { max-width:680px; }
figure.echart .narrow { display:none; }
@media (max-width: 600px) { figure.echart .wide { display:none; } figure.echart .narrow { display:block; } }
div.chart-pair { display:grid; grid-template-columns:minmax(0,3fr) minmax(0,2fr); gap:16px; align-items:start; }
@media (max-width: 720px) { div.chart-pair { grid-template-columns:1fr; } }
`;
