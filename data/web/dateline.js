// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-serve's page: asks /api/search and /api/article (docs/http-api.md)
// and draws the answer with textContent only (article text is untrusted:
// never parsed as HTML). The address holds the whole state (query, sort,
// page, article shown), so the back button and a shared link work. A facet
// entry, a date bar or an entity of an article, clicked, narrows the query;
// each filter in the query shows as a button that takes it out again.
"use strict";
const limit = 10;
const fields = ["person", "org", "place", "outlet", "byline", "date"];
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
};

// The state, as the address says it.
function current() {
  const p = new URLSearchParams(location.search);
  return { q: p.get("q") || "", sort: p.get("sort") || "relevance",
           offset: Math.max(0, parseInt(p.get("offset") || "0", 10) || 0), article: p.get("article") || "" };
}

function address(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.sort && state.sort !== "relevance") p.set("sort", state.sort);
  if (state.offset) p.set("offset", state.offset);
  if (state.article) p.set("article", state.article);
  return "?" + p;
}

// Goes to state: a new entry in the history, then drawn.
function go(state) {
  history.pushState(null, "", address(state));
  render();
}

// A link that goes to state when clicked, and can be opened elsewhere.
function link(state, props, ...children) {
  return el("a", { href: address(state), ...props,
    onclick: (e) => { if (e.button === 0 && !e.ctrlKey && !e.metaKey) { e.preventDefault(); go(state); } } },
    ...children);
}

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

function quoteValue(value) { return /^[\p{L}\p{N}-]+$/u.test(value) ? value : '"' + value.replaceAll('"', "") + '"'; }

// The query with field:value added, from page one.
function narrowed(field, value) {
  const s = current();
  return { q: (s.q + " " + field + ":" + quoteValue(value)).trim(), sort: s.sort, offset: 0 };
}

// The filters written in a query: field:word or field:"words", where they are.
function filtersOf(q) {
  const found = [];
  const pattern = new RegExp("(^|\\s)(" + fields.join("|") + '):("[^"]*"|\\S+)', "g");
  for (const m of q.matchAll(pattern))
    found.push({ field: m[2], value: m[3].replaceAll('"', ""), start: m.index + m[1].length, end: m.index + m[0].length });
  return found;
}

function drawFilters(state) {
  const filters = filtersOf(state.q);
  if (filters.length === 0) return null;
  const box = el("p", { className: "filters" }, "Filters: ");
  for (const f of filters) {
    const rest = (state.q.slice(0, f.start) + state.q.slice(f.end)).replace(/\s+/g, " ").trim();
    box.append(link({ q: rest, sort: state.sort, offset: 0 },
      { className: "filter", title: "take this filter out", textContent: f.field + ": " + f.value + " ×" }));
  }
  return box;
}

function showError(answer) {
  const error = answer.error || { message: "no answer" };
  $("results").replaceChildren(el("p", { className: "error", role: "alert",
    textContent: error.message + (error.hint ? "\n(" + error.hint + ")" : "") }));
  $("facets").replaceChildren();
}

async function ask(url) {
  try {
    const response = await fetch(url);
    const answer = await response.json();
    if (!response.ok) { showError(answer); return null; }
    return answer;
  } catch (e) {
    showError({ error: { message: "the server did not answer: " + e } });
    return null;
  }
}

function metaLine(item) {
  return el("div", { className: "meta", textContent: [item.outlet, item.date, (item.byline || []).join(", ")]
    .filter(Boolean).join(" · ") });
}

// A hit's syndicated copies (docs/output-format.md, hits[].copies): who else
// ran it, who ran it first, and a link to them all, oldest first.
function copiesLine(hit) {
  const copies = hit.copies, first = copies.earliest;
  const count = `${copies.others} ${copies.others === 1 ? "copy" : "copies"}`;
  const by = copies.outlets.length ? " by " + copies.outlets.join(", ") : "";
  const firstRun = first.id === hit.id ? "this one" : [first.outlet, first.date].filter(Boolean).join(", ") || first.id;
  return el("p", { className: "meta" }, `Also run${by} (${count}); first: ${firstRun} · `,
    link({ q: "cluster:" + hit.cluster, sort: "date", offset: 0 }, { textContent: "all copies" }));
}

async function showArticle(state) {
  const article = await ask("/api/article/" + encodeURIComponent(state.article));
  if (!article) return;
  document.title = (article.title || "(no title)") + " · Dateline";
  const back = { q: state.q, sort: state.sort, offset: state.offset };
  const entities = el("div", { className: "entities" });
  for (const type of ["person", "org", "place"]) {
    const named = (article.entities || []).filter((e) => e.type === type);
    if (named.length === 0) continue;
    const line = el("p", {}, el("span", { className: "label", textContent: (type === "org" ? "organisation" : type) + ": " }));
    named.forEach((e, i) => {
      if (i) line.append(", ");
      line.append(link({ q: type + ":" + quoteValue(e.name), sort: "relevance", offset: 0 }, { textContent: e.name }));
    });
    entities.append(line);
  }
  $("results").replaceChildren(
    el("p", {}, link(back, { textContent: "← back to the results" })),
    el("h2", { textContent: article.title || "(no title)" }), metaLine(article), entities,
    el("article", { className: "full", textContent: article.text || "" }));
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
      const bar = el("button", { title: d.value + ": " + d.count, ariaLabel: d.value + ": " + d.count + " articles",
                                 onclick: () => go(narrowed("date", d.value)) });
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
      box.append(link(narrowed(name, v.value), { className: "entry" },
        el("span", { textContent: v.value }), el("span", { className: "count", textContent: v.count })));
    aside.append(box);
  }
}

async function showResults(state) {
  document.title = state.q + " · Dateline";
  const params = new URLSearchParams({ q: state.q, limit, offset: state.offset, sort: state.sort });
  const answer = await ask("/api/search?" + params);
  if (!answer) return;
  const results = $("results");
  const shown = answer.hits.length;
  results.replaceChildren(el("p", { className: "summary", textContent:
    `${answer.total.toLocaleString()} articles` + (answer.counts_exact ? "" : " (estimated)") +
    (shown ? ` · ${state.offset + 1}–${state.offset + shown}` : "") }));
  const filters = drawFilters(state);
  if (filters) results.append(filters);
  if (answer.did_you_mean)
    results.append(el("p", {}, "Did you mean ",
      link({ q: answer.did_you_mean, sort: state.sort, offset: 0 }, { textContent: answer.did_you_mean }), "?"));
  for (const hit of answer.hits) {
    const box = el("div", { className: "hit" },
      el("h2", {}, link({ ...state, article: hit.id }, { textContent: hit.title || "(no title)" })),
      metaLine(hit), snippetNode(hit.snippet || "", hit.highlights || []));
    if (hit.copies) box.append(copiesLine(hit));
    results.append(box);
  }
  const pager = el("p", { className: "pager" });
  if (state.offset > 0)
    pager.append(link({ ...state, offset: Math.max(0, state.offset - limit) }, { textContent: "← previous" }));
  if (state.offset + shown < answer.total)
    pager.append(link({ ...state, offset: state.offset + limit }, { textContent: "next →", rel: "next" }));
  results.append(pager);
  drawFacets(answer.facets || {}, answer.date_granularity || "");
}

function render() {
  const state = current();
  $("q").value = state.q;
  $("sort").value = state.sort;
  if (state.article) return showArticle(state);
  if (state.q) return showResults(state);
  document.title = "Dateline";
  $("results").replaceChildren();
  $("facets").replaceChildren();
}

$("form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = $("q").value.trim();
  if (q) go({ q, sort: $("sort").value, offset: 0 });
});
$("sort").addEventListener("change", () => { const s = current(); if (s.q) go({ q: s.q, sort: $("sort").value, offset: 0 }); });
// "/" anywhere but in a field goes to the search box, as on many sites.
document.addEventListener("keydown", (e) => {
  if (e.key === "/" && !["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName)) {
    e.preventDefault();
    $("q").focus();
  }
});
window.addEventListener("popstate", render);
render();
