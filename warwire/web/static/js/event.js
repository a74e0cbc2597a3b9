/* Event page, written for people: what happened in a sentence, who says so (identical claims grouped),
   where the sources disagree (with their words), each article with its credibility, and why the
   reports were taken for one event. */
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
    return Object.entries(v).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => `${x} ${k}`).join(", ") || "–";
  }

  const loc = e.location || {};
  const fat = e.fatalities || {};
  const reports = e.report_items || [];
  const byId = Object.fromEntries(reports.map(r => [r.id, r]));
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
      h("td", {class: "num best"}, fmt(fat.best)), h("td", {class: "num"}, fmt(fat.high)))));

  // --- claims: identical figures from one claimant, relayed by several outlets, are one line ---------
  const claims = new Map();
  for (const r of reports) {
    const who = r.claimed_by ? r.claimed_by.name : null;
    const figure = r.fatalities && r.fatalities.best !== null && r.fatalities.best !== undefined ? claimed(r.fatalities) : "no figure";
    const key = JSON.stringify([who, figure]);
    if (!claims.has(key)) claims.set(key, {who, figure, outlets: new Set(), reports: []});
    const c = claims.get(key);
    c.outlets.add((r.article && r.article.outlet) || "unknown outlet");
    c.reports.push(r.id);
  }
  const claimList = h("ul", {class: "claims"}, [...claims.values()].map(c => {
    const outlets = [...c.outlets];
    const who = c.who || outlets.join(", ");
    const relay = c.who ? `, relayed by ${outlets.length} outlet${outlets.length > 1 ? "s" : ""}` : " (own reporting)";
    return h("li", {class: "claim-line", dataset: {reports: c.reports.length}},
      h("strong", {}, who), relay, ": ", h("span", {class: "figure"}, c.figure), " ",
      h("small", {}, "(", outlets.join(", "), "; ", c.reports.map((rid, i) => [i ? ", " : "", h("a", {href: "#report-" + rid}, "report " + (i + 1))]), ")"));
  }));

  // --- disagreements, each side with its own words ---------------------------------------------
  function quote(reportId, field) {
    const r = byId[reportId];
    if (!r) return null;
    const s = (r.evidence || {})[field];
    const x = r.excerpt || {};
    if (!Array.isArray(s) || !x.text || s[0] < x.start || s[1] > x.end) return null;
    // The sentence around the span, from the excerpt.
    const text = x.text, a = s[0] - x.start, b = s[1] - x.start;
    const from = Math.max(text.lastIndexOf(". ", a) + 1, 0), stop = text.indexOf(". ", b);
    return text.slice(from, stop < 0 ? text.length : stop + 1).trim();
  }
  const contradictions = (e.contradictions || []).map(c => h("section", {class: "contradiction"},
    h("h3", {}, `Sources disagree on ${c.field}`),
    h("div", {class: "side-by-side"}, (c.values || []).map(v => {
      const q = quote(v.report, c.field);
      return h("div", {class: "claim"},
        h("div", {class: "value"}, claimed(v.value)),
        h("div", {}, WW.outletLink(v.outlet), v.claimed_by ? [" citing ", h("strong", {}, v.claimed_by)] : ""),
        q ? h("blockquote", {class: "quote"}, "“" + q + "”") : h("small", {class: "muted"}, "no quote stored"),
        h("div", {}, h("a", {href: "#report-" + encodeURIComponent(v.report || "")}, "the report")));
    }))));

  // --- why these reports are one event: the linker keeps, per report, the link that brought it in
  // ({report id: "other report id: reason"}) -------------------------------------------------------
  const outletOf = rid => (byId[rid] && byId[rid].article && byId[rid].article.outlet) || rid;
  const reportRef = rid => h("a", {href: "#report-" + rid}, outletOf(rid));
  const reasons = e.link_reasons && typeof e.link_reasons === "object" ? Object.entries(e.link_reasons) : [];
  const why = reasons.length ? h("section", {class: "why"},
    h("h2", {}, "Why these reports are one event"),
    h("ul", {}, reasons.map(([rid, text]) => {
      const cut = String(text).indexOf(": ");
      const other = cut > 0 ? String(text).slice(0, cut) : null;
      const reason = cut > 0 ? String(text).slice(cut + 2) : String(text);
      return h("li", {class: "link-reason"}, "The report of ", reportRef(rid), other ? [" joins that of ", reportRef(other)] : " joined",
        ": ", reason);
    }))) : null;

  // --- one card per article, its reports listed inside it --------------------------------------
  const byArticle = new Map();
  for (const r of reports) {
    const a = r.article || {};
    if (!byArticle.has(a.id)) byArticle.set(a.id, {a, reports: []});
    byArticle.get(a.id).reports.push(r);
  }
  const allFields = reports.flatMap(r => Object.keys(r.evidence || {}));
  const colours = WW.fieldColours(allFields);
  const cards = [...byArticle.values()].map(({a, reports: rs}) => {
    const cred = a.credibility;
    return h("article", {class: "report card"},
      h("header", {},
        h("strong", {}, a.outlet || "unknown outlet"), " · published ", fmt(a.published), " · ",
        a.url ? h("a", {href: a.url, rel: "noopener noreferrer nofollow", class: "source-link"}, "original ↗") : h("span", {class: "muted"}, "no link"),
        " · ", WW.outletLink(a.outlet)),
      h("h3", {}, WW.articleLink(a.id, a.title || "(untitled article)")),
      cred ? h("p", {class: "credibility", dataset: {score: cred.score}}, `Credibility ${Number(cred.score).toFixed(2)} (${cred.label})`,
        cred.top_signals && cred.top_signals.length ? [" — weighed most: ", cred.top_signals.map((s, i) =>
          [i ? ", " : "", `${s.signal.replace(/_/g, " ")} ${s.effect >= 0 ? "+" : "−"}${Math.abs(s.effect).toFixed(2)}`])] : "")
        : h("p", {class: "credibility muted"}, "Credibility not scored (run `warwire credibility`)."),
      rs.map(r => {
        const x = r.excerpt || {start: 0, text: ""};
        return h("div", {class: "report-in-article", id: "report-" + r.id},
          h("p", {class: "report-fields"}, `${fmt(r.sub_event_type)} · event date ${fmt(r.date)} · deaths ${claimed(r.fatalities)} · `,
            `place ${fmt(r.location && r.location.name)} · claimed by `,
            h("strong", {class: "claimed-by"}, r.claimed_by ? `${r.claimed_by.name} (${fmt(r.claimed_by.kind)})` : "the outlet itself")),
          h("div", {class: "excerpt"}, x.start > 0 ? "… " : "", WW.highlighted(x.text, r.evidence, x.start, colours),
            x.end < x.article_length ? " …" : ""));
      }));
  });

  main.replaceChildren(
    h("h1", {}, h("span", {class: "swatch", style: `background:${WW.typeColour(e.event_type)}`}), `${fmt(e.sub_event_type)} — ${fmt(loc.name)}, ${dates}`),
    h("p", {class: "lead victims"}, WW.victimsSentence(fat, e.victims)),
    h("div", {class: "two-col"}, fields, estimates),
    h("h2", {}, "Who says so"), claimList,
    contradictions.length ? h("div", {class: "contradictions"}, contradictions) : h("p", {class: "muted"}, "No contradictions between the reports."),
    why,
    h("h2", {}, `Sources: ${byArticle.size} article${byArticle.size === 1 ? "" : "s"}, ${reports.length} report${reports.length === 1 ? "" : "s"}`),
    WW.legend(colours), ...cards);
})();
