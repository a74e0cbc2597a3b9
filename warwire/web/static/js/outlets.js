/* Outlets page: per outlet, how often its reports are corroborated or contradicted; one outlet's articles. */
"use strict";

(async () => {
  const {h, api, fmt} = WW;
  const main = document.getElementById("content");
  const parts = location.pathname.split("/");
  const one = parts[1] === "outlet" ? decodeURIComponent(parts.slice(2).join("/")) : null;
  let rows, arts = null;
  try {
    rows = await api("/outlets");
    if (one) arts = await api("/articles", {outlet: one, limit: 100});
  } catch (err) { return WW.showError(main, err); }
  const pct = (n, d) => d ? `${n} (${Math.round(100 * n / d)}%)` : "–";
  // one outlet however cased ("REUTERS", "Reuters"), as the outlet list folds it
  const key = one ? one.toLowerCase() : null;
  const shown = one ? rows.filter(r => (r.outlet || "").toLowerCase() === key) : rows;
  const table = h("table", {class: "outlets"},
    h("thead", {}, h("tr", {}, ["Outlet", "Articles", "Reports", "Corroborated", "Contradicted"].map(t => h("th", {}, t)))),
    h("tbody", {}, shown.map(r => h("tr", {dataset: {outlet: r.outlet || ""}},
      h("td", {}, WW.outletLink(r.outlet)), h("td", {class: "num"}, fmt(r.articles)), h("td", {class: "num"}, fmt(r.reports)),
      h("td", {class: "num corroborated"}, pct(r.corroborated, r.reports)),
      h("td", {class: "num contradicted"}, pct(r.contradicted, r.reports))))));
  main.replaceChildren(
    h("h1", {}, one ? one : "Outlets"),
    h("p", {class: "muted"}, "Corroborated: reports in events that two or more independent sources report. " +
      "Contradicted: reports whose figures or facts another source of the same event disputes."),
    table,
    ...(arts ? [h("h2", {}, "Articles"), h("ul", {class: "articles"}, arts.items.map(a =>
      h("li", {}, fmt(a.published), " · ", WW.articleLink(a.id, a.title || a.id))))] : []));
})();
