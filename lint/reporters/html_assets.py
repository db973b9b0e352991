"""The HTML report's inline style sheet and filter script: the page loads nothing from anywhere."""

STYLE = """
:root { --ink: #1f2328; --muted: #5d6670; --line: #d8dde3; --paper: #fbfbf9; --card: #fff;
  --error: #b3261e; --error-bg: #f9e0dd; --warning: #8a5a00; --warning-bg: #fcecc8;
  --info: #1f5f99; --info-bg: #dfeaf6; --fine: #2f6b3f; --fine-bg: #eef5ef; --absent-bg: #f0f1f3; }
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; max-width: 76rem; padding: 1.5rem 2rem 4rem; line-height: 1.55; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, "Noto Sans CJK SC", sans-serif; }
:lang(ja) { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, system-ui, sans-serif; }
:lang(zh) { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
:lang(ko) { font-family: "Noto Sans CJK KR", "Malgun Gothic", system-ui, sans-serif; }
code, .text, .code { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace;
  font-size: 0.9em; }
.text:lang(ja) { font-family: "Noto Sans Mono CJK JP", ui-monospace, monospace; }
h1 { font-size: 1.7rem; font-weight: 600; margin: 0 0 0.25rem; }
h2 { font-size: 1.35rem; font-weight: 600; margin: 2.5rem 0 0.25rem; padding-top: 1rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.1rem; font-weight: 600; margin: 1.75rem 0 0.5rem; }
a { color: #0b5cad; }
.muted, .subtitle, figcaption, .where { color: var(--muted); }
.subtitle { margin: 0 0 1rem; }
#filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; margin: 1rem 0; padding: 0.6rem 0.9rem;
  background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
#filters[hidden] { display: none; }
#filters select { font: inherit; padding: 0.1rem 0.3rem; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; margin: 0.25rem 0 0.75rem; padding: 0; list-style: none; font-size: 0.9em; }
.legend .mark { display: inline-block; min-width: 1.8em; text-align: center; border-radius: 4px; margin-right: 0.3em; }
.matrices { display: flex; flex-wrap: wrap; gap: 1rem 3rem; align-items: flex-start; }
.matrix { border-collapse: separate; border-spacing: 2px; font-size: 0.92em; }
.matrix th { font-weight: 600; padding: 0.15rem 0.5rem; text-align: center; }
.matrix thead th { position: sticky; top: 0; background: var(--paper); }
.matrix tbody th { text-align: left; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-weight: 500; }
.matrix td { min-width: 4.2rem; text-align: center; border-radius: 4px; padding: 0.1rem 0.35rem; }
.matrix td a { text-decoration: none; color: inherit; font-weight: 700; padding: 0 0.15em; }
.matrix tr:hover th { background: #eef1f4; }
.fine { background: var(--fine-bg); color: var(--fine); }
.absent { background: var(--absent-bg); color: var(--muted); }
.error { background: var(--error-bg); color: var(--error); }
.warning { background: var(--warning-bg); color: var(--warning); }
.info { background: var(--info-bg); color: var(--info); }
.matrix td.error, .matrix td.warning, .matrix td.info { box-shadow: inset 0 0 0 1px currentColor; }
.matrix tr.marked th { font-weight: 700; }
.glance { border-collapse: collapse; font-size: 0.92em; margin-bottom: 1.5rem; }
.glance th, .glance td { text-align: left; padding: 0.25rem 0.8rem 0.25rem 0; border-bottom: 1px solid var(--line); white-space: nowrap; }
.glance caption, .matrix caption { text-align: left; padding-bottom: 0.3rem; }
.locales { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; list-style: none; }
.locales a { display: inline-block; padding: 0.2rem 0.7rem; border: 1px solid var(--line); border-radius: 999px;
  background: var(--card); text-decoration: none; color: var(--ink); }
.locale { margin-top: 2rem; }
.locale h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.75rem; }
.locale h3 small { font-weight: 400; font-size: 0.85rem; color: var(--muted); }
.badge { display: inline-block; padding: 0 0.55em; border-radius: 999px; font-size: 0.85em; font-weight: 600; }
.score .badge { margin-right: 0.35rem; }
.revision { margin: 0.25rem 0 0.75rem; color: var(--muted); }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line);
  border-radius: 8px; padding: 0.7rem 1rem 0.8rem; margin: 0 0 0.9rem; }
.finding.sev-error { border-left-color: var(--error); }
.finding.sev-warning { border-left-color: var(--warning); }
.finding.sev-info { border-left-color: var(--info); }
.finding:target { outline: 3px solid #8fb8e6; }
.finding[hidden], .locale[hidden] { display: none; }
.finding-head { display: flex; flex-wrap: wrap; gap: 0.4rem 0.7rem; align-items: baseline; font-size: 0.92em; }
.finding-head .rule-name { color: var(--muted); }
.finding-head .where { margin-left: auto; }
.message { margin: 0.35rem 0 0.6rem; font-size: 1.02em; }
.stale { font-size: 0.85em; background: var(--absent-bg); color: var(--muted); border-radius: 4px; padding: 0 0.4em; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(12.5rem, 1fr)); gap: 0.5rem; }
figure { margin: 0; padding: 0.45rem 0.6rem; border: 1px solid var(--line); border-radius: 6px; background: #fcfcfb; min-width: 0; }
figure.here { background: #fffdf5; border-color: #e4d9b4; }
figcaption { font-size: 0.82em; margin-bottom: 0.2rem; }
figcaption b { color: var(--ink); }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.5; }
mark { background: #ffe28a; color: inherit; border-radius: 2px; padding: 0 1px; box-shadow: 0 1px 0 #c9a227; }
.clean { color: var(--fine); }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85em; }
@media print { #filters { display: none; } .finding { break-inside: avoid; } }
"""

# Shows the filters (hidden without scripts), set from the URL's query, and hides the findings they exclude;
# a jump to a hidden finding clears them.
SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var locales = Array.prototype.slice.call(document.querySelectorAll(".locale"));
  var fields = ["locale", "severity", "rule"];
  function apply() {
    var shown = 0;
    findings.forEach(function (item) {
      var keep = fields.every(function (name) { return !form[name].value || item.dataset[name] === form[name].value; });
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    locales.forEach(function (part) { part.hidden = !!form.locale.value && part.dataset.locale !== form.locale.value; });
    form.querySelector("output").textContent = shown + " of " + findings.length + " findings shown";
  }
  function reveal() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.closest("[hidden]")) { form.reset(); apply(); target.scrollIntoView(); }
  }
  var wanted = new URLSearchParams(location.search);  // report.html?locale=es-ES&severity=error: a link to a filtered view
  fields.forEach(function (name) { if (wanted.has(name)) form[name].value = wanted.get(name); });
  form.addEventListener("change", apply);
  window.addEventListener("hashchange", reveal);
  apply();
})();
"""
