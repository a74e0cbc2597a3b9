/* Event page: estimates, contradictions side by side, and each report with its evidence highlighted. */
"use strict";

(async () => {
  const {h, api, fmt} = WW;
  const main = document.getElementById("content");
  const id = decodeURIComponent(location.pathname.split("/").pop());
  let e;
  try { e = await api("/events/" + encodeURIComponent(id)); } catch (err) { return WW.showError(main, err); }
  document.title = `warwire — ${e.sub_event_type || e.event_type} ${e.date_start || ""}`;

  /** A disputed value as a reader says it: a count with its qualifier and range, an actor or place by name. */
  function claimed(v) {
    if (v === null || v === undefined) return "not stated";
    if (typeof v !== "object") return String(v);
    if ("best" in v) {
      const q = {at_least: "at least ", about: "about ", at_most: "at most ", vague: "~"}[v.qualifier] || "";
      const range = v.low !== null && v.high !== null && (v.low !== v.best || v.high !== v.best) ? ` (${v.low}–${v.high})` : "";
      return q + fmt(v.best) + range;
    }
    if (v.name) return v.name;
    return JSON.stringify(v);
  }

  const loc = e.location || {};
  const fat = e.fatalities || {};
  const victims = Object.entries(e.victims || {}).filter(([, v]) => v !== null && v !== undefined);
  const dates = e.date_start === e.date_end || !e.date_end ? fmt(e.date_start) : `${fmt(e.date_start)} – ${fmt(e.date_end)}`;

  const fields = h("table", {class: "fields"},
    h("tr", {}, h("th", {}, "Type"), h("td", {}, `${fmt(e.event_type)} / ${fmt(e.sub_event_type)}`)),
    h("tr", {}, h("th", {}, "Date"), h("td", {}, dates)),
    h("tr", {}, h("th", {}, "Place"), h("td", {}, [loc.name, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(", ") || "unknown",
      loc.geo_precision ? h("small", {}, ` (geo precision ${loc.geo_precision})`) : "")),
    h("tr", {}, h("th", {}, "Actor 1"), h("td", {}, fmt(e.actor1 && e.actor1.name), h("small", {}, e.actor1 && e.actor1.kind ? ` (${e.actor1.kind})` : ""))),
    h("tr", {}, h("th", {}, "Actor 2"), h("td", {}, fmt(e.actor2 && e.actor2.name), h("small", {}, e.actor2 && e.actor2.kind ? ` (${e.actor2.kind})` : ""))),
    h("tr", {}, h("th", {}, "Tags"), h("td", {}, (e.tags || []).join(", ") || "–")),
    h("tr", {}, h("th", {}, "Sources"), h("td", {}, `${fmt(e.n_sources)} independent · `, (e.outlets || []).map((o, i) => [i ? ", " : "", WW.outletLink(o)]))));

  const estimates = h("table", {class: "estimates"},
    h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, "low"), h("th", {}, "best"), h("th", {}, "high"))),
    h("tbody", {}, h("tr", {}, h("th", {}, "Fatalities"), h("td", {class: "num"}, fmt(fat.low)),
      h("td", {class: "num best"}, fmt(fat.best)), h("td", {class: "num"}, fmt(fat.high)))),
    victims.length ? h("tfoot", {}, h("tr", {}, h("td", {colspan: 4}, "Victims: " + victims.map(([k, v]) => `${v} ${k}`).join(", ")))) : null);

  const contradictions = (e.contradictions || []).map(c => h("section", {class: "contradiction"},
    h("h3", {}, `Sources disagree on ${c.field}`),
    h("div", {class: "side-by-side"}, (c.values || []).map(v => h("div", {class: "claim"},
      h("div", {class: "value"}, claimed(v.value)),
      h("div", {}, WW.outletLink(v.outlet)),
      h("div", {}, "claimed by ", fmt(v.claimed_by)),
      h("div", {}, h("a", {href: "#report-" + encodeURIComponent(v.report || "")}, "report")))))));

  const allFields = (e.report_items || []).flatMap(r => Object.keys(r.evidence || {}));
  const colours = WW.fieldColours(allFields);
  const cards = (e.report_items || []).map(r => {
    const a = r.article || {};
    const x = r.excerpt || {start: 0, text: ""};
    return h("article", {class: "report card", id: "report-" + r.id},
      h("header", {},
        WW.outletLink(a.outlet), " · published ", fmt(a.published), " · event date ", fmt(r.date),
        h("br"), "claimed by ", h("strong", {class: "claimed-by"}, r.claimed_by ? `${r.claimed_by.name} (${fmt(r.claimed_by.kind)})` : "the outlet itself")),
      h("h3", {}, WW.articleLink(a.id, a.title || "(untitled article)")),
      h("p", {class: "report-fields"}, `${fmt(r.sub_event_type)} · `,
        `deaths ${fmt(r.fatalities && r.fatalities.best)}${r.fatalities && r.fatalities.qualifier ? " (" + r.fatalities.qualifier + ")" : ""} · `,
        `place ${fmt(r.location && r.location.name)} · confidence ${fmt(r.confidence)}`),
      h("div", {class: "excerpt"}, x.start > 0 ? "… " : "", WW.highlighted(x.text, r.evidence, x.start, colours),
        x.end < x.article_length ? " …" : ""));
  });

  main.replaceChildren(
    h("h1", {}, h("span", {class: "swatch", style: `background:${WW.typeColour(e.event_type)}`}), `${fmt(e.sub_event_type)} — ${fmt(loc.name)}, ${dates}`),
    h("div", {class: "two-col"}, fields, estimates),
    contradictions.length ? h("div", {class: "contradictions"}, contradictions) : h("p", {class: "muted"}, "No contradictions between the reports."),
    h("h2", {}, `Reports (${cards.length})`), WW.legend(colours), ...cards);
})();
