/* Article page: the text and its reports; picking a report lights up the words its fields came from.
   A count whose words state another number is not highlighted as its evidence but flagged. */
"use strict";

(async () => {
  const {h, api, fmt} = WW;
  const main = document.getElementById("content");
  const id = decodeURIComponent(location.pathname.split("/").pop());
  let a;
  try { a = await api("/articles/" + encodeURIComponent(id)); } catch (err) { return WW.showError(main, err); }
  document.title = "warwire — " + (a.title || a.id);
  const reports = a.reports || [];
  const text = a.text || "";
  const textBox = h("div", {class: "article-body"});
  const legendBox = h("div", {class: "legend-box"});
  const items = [];

  function show(i) {
    items.forEach((li, j) => li.classList.toggle("selected", j === i));
    const r = reports[i];
    if (!r) { textBox.replaceChildren(WW.highlighted(text, {}, 0, {})); return; }
    const evidence = r.evidence || {};
    const colours = WW.fieldColours(Object.keys(evidence));
    const out = WW.highlighted(text, evidence, 0, colours);
    const disagree = new Set(Object.entries(evidence).filter(([f, s]) => Array.isArray(s) && s.length === 2 &&
      !WW.spanAgrees(f, text.slice(s[0], s[1]), r)).map(([f]) => f));
    for (const m of out.querySelectorAll("mark")) {
      m.dataset.report = String(i + 1);
      const fields = m.dataset.fields.split(" ");
      const ok = fields.filter(f => !disagree.has(f));
      if (!ok.length) {
        m.className = "disagrees";
        m.dataset.disagrees = m.dataset.fields;
        delete m.dataset.fields;
        m.style.background = "none";
        m.title = fields.map(f => `${f}: the words do not state the value ${claimedValue(r, f)}`).join("; ");
      } else {
        m.dataset.fields = ok.join(" ");
        m.style.background = colours[ok[0]];
      }
    }
    textBox.replaceChildren(out);
    legendBox.replaceChildren(WW.legend(Object.fromEntries(Object.entries(colours).filter(([f]) => !disagree.has(f)))),
      disagree.size ? h("p", {class: "warn"}, `Not highlighted: the words given for ${[...disagree].join(", ")} state another number than the field (dashed).`) : "");
    main.dataset.selected = String(i + 1);
  }
  function claimedValue(r, f) {
    const v = r[f];
    return v && typeof v === "object" ? fmt(v.best) : fmt(v);
  }

  reports.forEach((r, i) => items.push(h("li", {class: "pick", tabindex: 0, dataset: {report: i + 1},
      onclick: () => show(i), onkeydown: ev => { if (ev.key === "Enter") show(i); }},
    h("strong", {}, `Report ${i + 1}: `),
    `${fmt(r.event_type)} / ${fmt(r.sub_event_type)} · ${fmt(r.date)} · ${fmt(r.location && r.location.name)} · deaths ${fmt(r.fatalities && r.fatalities.best)} · claimed by ${r.claimed_by ? r.claimed_by.name : "the outlet"} `,
    r.event_id ? WW.eventLink(r.event_id, "event") : h("small", {}, "(not linked)"))));

  const cred = a.credibility;
  main.replaceChildren(
    h("h1", {class: "article-title"}, a.title || "(untitled article)"),
    h("p", {class: "meta"}, WW.outletLink(a.outlet), " · published ", fmt(a.published),
      a.metadata_date ? ` (the input said ${a.metadata_date})` : "",
      a.url ? [" · ", h("a", {href: a.url, rel: "noopener noreferrer nofollow"}, "source")] : "",
      a.duplicate_of ? [" · copy of ", WW.articleLink(a.duplicate_of)] : ""),
    cred ? h("p", {class: "credibility"}, `Credibility ${Number(cred.score).toFixed(2)} (${cred.label})`,
      (cred.top_signals || []).length ? [" — weighed most: ", cred.top_signals.map((s, i) =>
        [i ? ", " : "", `${s.signal.replace(/_/g, " ")} ${s.effect >= 0 ? "+" : "−"}${Math.abs(s.effect).toFixed(2)}`])] : "") : "",
    h("h2", {}, `Reports (${reports.length}) — pick one to see its evidence`),
    h("ol", {class: "reports"}, items),
    h("h2", {}, "Text"), legendBox, textBox);
  show(reports.length ? 0 : -1);
})();
