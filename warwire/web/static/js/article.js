/* Article page: the whole text with every report's evidence highlighted, and its reports. */
"use strict";

(async () => {
  const {h, api, fmt} = WW;
  const main = document.getElementById("content");
  const id = decodeURIComponent(location.pathname.split("/").pop());
  let a;
  try { a = await api("/articles/" + encodeURIComponent(id)); } catch (err) { return WW.showError(main, err); }
  document.title = "warwire — " + (a.title || a.id);
  const reports = a.reports || [];
  // One article, several reports: prefix each field with its report number so their spans stay apart.
  const evidence = {};
  reports.forEach((r, i) => Object.entries(r.evidence || {}).forEach(([f, s]) => { evidence[`${i + 1}:${f}`] = s; }));
  const colours = WW.fieldColours(Object.keys(evidence));
  main.replaceChildren(
    h("h1", {class: "article-title"}, a.title || "(untitled article)"),
    h("p", {class: "meta"}, WW.outletLink(a.outlet), " · published ", fmt(a.published),
      a.metadata_date ? ` (the input said ${a.metadata_date})` : "",
      a.url ? [" · ", h("a", {href: a.url, rel: "noopener noreferrer nofollow"}, "source")] : "",
      a.duplicate_of ? [" · copy of ", WW.articleLink(a.duplicate_of)] : ""),
    h("h2", {}, `Reports (${reports.length})`),
    h("ol", {class: "reports"}, reports.map(r => h("li", {},
      `${fmt(r.event_type)} / ${fmt(r.sub_event_type)} · ${fmt(r.date)} · ${fmt(r.location && r.location.name)} · deaths ${fmt(r.fatalities && r.fatalities.best)} · claimed by ${r.claimed_by ? r.claimed_by.name : "the outlet"} `,
      r.event_id ? WW.eventLink(r.event_id, "event") : h("small", {}, "(not linked)")))),
    h("h2", {}, "Text"), WW.legend(colours), WW.highlighted(a.text || "", evidence, 0, colours));
})();
