// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-serve's page: asks /api/search (docs/http-api.md) and draws the
// answer with textContent only (article text is untrusted: never parsed as
// HTML). A facet entry or a date bar, clicked, narrows the query.
"use strict";
const limit = 10;
let offset = 0;
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
};

// The snippet with its highlights, which are ranges of code points
// (docs/output-format.md), not of JavaScript's UTF-16 units.
function snippetNode(text, highlights) {
  const points = Array.from(text);
  const part = (a, b) => points.slice(a, b).join("");
  const node = el("p", { className: "snippet" });
  let at = 0;
  for (const [start, end] of highlights) {
    node.append(part(at, start), el("mark", { textContent: part(start, end) }));
    at = end;
  }
  node.append(part(at, points.length));
  return node;
}

function quoteValue(value) { return '"' + value.replaceAll('"', '') + '"'; }

function narrow(field, value) {
  $("q").value = ($("q").value + " " + field + ":" + value).trim();
  offset = 0;
  search();
}

async function showArticle(id) {
  const response = await fetch("/api/article/" + id);
  const article = await response.json();
  if (!response.ok) return showError(article);
  const results = $("results");
  results.replaceChildren(
    el("p", {}, el("button", { textContent: "← back", onclick: () => search() })),
    el("h2", { textContent: article.title || "(no title)" }),
    el("p", { className: "meta", textContent: [article.outlet, article.date, (article.byline || []).join(", ")]
      .filter(Boolean).join(" · ") }),
    el("article", { className: "full", textContent: article.text }));
}

function showError(answer) {
  const error = answer.error || { message: "no answer" };
  $("results").replaceChildren(el("p", { className: "error",
    textContent: error.message + (error.hint ? "\n(" + error.hint + ")" : "") }));
  $("facets").replaceChildren();
}

function drawFacets(facets, granularity) {
  const aside = $("facets");
  aside.replaceChildren();
  const dates = facets.date || [];
  if (dates.length > 1) {
    const most = Math.max(...dates.map((d) => d.count));
    const bars = el("div", { className: "bars" });
    for (const d of dates) {
      const bar = el("div", { title: d.value + ": " + d.count, onclick: () => narrow("date", d.value) });
      bar.style.height = `${100 * d.count / most}%`;  // CSSOM: allowed where style attributes are not
      bars.append(bar);
    }
    aside.append(el("div", { className: "facet" }, el("h3", { textContent: "date by " + granularity }), bars,
      el("p", { className: "meta", textContent: dates[0].value + " … " + dates[dates.length - 1].value })));
  }
  for (const name of ["person", "org", "place", "outlet", "byline"]) {
    const values = facets[name] || [];
    if (values.length === 0) continue;
    const box = el("div", { className: "facet" }, el("h3", { textContent: name === "org" ? "organisation" : name }));
    for (const v of values)
      box.append(el("button", { onclick: () => narrow(name, quoteValue(v.value)) },
        el("span", { textContent: v.value }), el("span", { className: "count", textContent: v.count })));
    aside.append(box);
  }
}

async function search() {
  const q = $("q").value.trim();
  if (!q) return;
  const params = new URLSearchParams({ q, limit, offset, sort: $("sort").value });
  history.replaceState(null, "", "?" + new URLSearchParams({ q, sort: $("sort").value }));
  let answer;
  try {
    const response = await fetch("/api/search?" + params);
    answer = await response.json();
    if (!response.ok) return showError(answer);
  } catch (e) {
    return showError({ error: { message: "the server did not answer: " + e } });
  }
  const results = $("results");
  const shown = answer.hits.length;
  results.replaceChildren(el("p", { className: "summary", textContent:
    `${answer.total.toLocaleString()} articles` + (answer.counts_exact ? "" : " (estimated)") +
    (shown ? ` · ${offset + 1}–${offset + shown}` : "") }));
  if (answer.did_you_mean)
    results.append(el("p", {}, "Did you mean ",
      el("a", { href: "#", textContent: answer.did_you_mean,
                onclick: (e) => { e.preventDefault(); $("q").value = answer.did_you_mean; search(); } }), "?"));
  for (const hit of answer.hits) {
    results.append(el("div", { className: "hit" },
      el("h2", {}, el("a", { textContent: hit.title || "(no title)", onclick: () => showArticle(hit.id) })),
      el("div", { className: "meta", textContent: [hit.outlet, hit.date, (hit.byline || []).join(", ")]
        .filter(Boolean).join(" · ") }),
      snippetNode(hit.snippet || "", hit.highlights || [])));
  }
  const pager = el("p", { className: "pager" });
  if (offset > 0) pager.append(el("button", { textContent: "← previous",
    onclick: () => { offset = Math.max(0, offset - limit); search(); } }));
  if (offset + shown < answer.total) pager.append(el("button", { textContent: "next →",
    onclick: () => { offset += limit; search(); } }));
  results.append(pager);
  drawFacets(answer.facets || {}, answer.date_granularity || "");
}

$("form").addEventListener("submit", (e) => { e.preventDefault(); offset = 0; search(); });
const start = new URLSearchParams(location.search);
if (start.get("q")) {
  $("q").value = start.get("q");
  if (start.get("sort")) $("sort").value = start.get("sort");
  search();
}
