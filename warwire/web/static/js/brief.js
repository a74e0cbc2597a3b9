/* The situation brief of the dashboard's current filter: every sentence followed by links to its sources. */
"use strict";

(async () => {
  const {h, api} = WW;
  const main = document.getElementById("content");
  const params = new URLSearchParams(location.search);
  params.delete("format");
  let b;
  try { b = await api("/brief", Object.fromEntries(params)); } catch (err) { return WW.showError(main, err); }
  document.title = "warwire — " + b.title;
  const href = c => {
    const [kind, ...rest] = c.split(":");
    const id = rest.join(":");
    if (kind === "event") return "/event/" + encodeURIComponent(id);
    if (kind === "report") return "/article/" + encodeURIComponent(id.split(":")[0]);
    return "/article/" + encodeURIComponent(id);
  };
  const qs = params.toString();
  const download = fmt => h("a", {href: "/api/brief?" + (qs ? qs + "&" : "") + "format=" + fmt, download: `brief.${fmt}`}, fmt === "md" ? "Markdown" : fmt.toUpperCase());
  main.replaceChildren(
    h("h1", {}, b.title),
    h("p", {class: "meta"}, "Built from the record by fixed templates; each sentence links the events, reports or articles it rests on. ",
      "Download: ", download("md"), " · ", download("html"), " · ", download("json"), " · ",
      h("a", {href: "/" + (qs ? "?" + qs : "")}, "back to the dashboard")),
    ...b.sections.map(s => h("section", {class: "brief-section"}, h("h2", {}, s.title),
      h("ul", {}, s.sentences.map(x => h("li", {class: "sentence", dataset: {cites: x.cites.join(" ")}}, x.text, " ",
        h("span", {class: "cites"}, x.cites.map((c, i) => [i ? " " : "", h("a", {href: href(c), class: "cite", title: c}, `[${i + 1}]`)]))))))));
  if (!b.sections.length) main.appendChild(h("p", {class: "muted"}, "No events match this filter."));
})();
