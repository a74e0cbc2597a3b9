/* The main page: filters and map view kept in the URL, offline map, summary panel, timeline, table. */
"use strict";

(() => {
  const {h, api} = WW;
  const FILTERS = ["since", "until", "region", "admin1", "event_type", "sub_event_type", "actor", "claimed_by",
                   "outlet", "tag", "q", "min_fatalities", "has_contradiction", "on_map"];
  // Rows per table page; "rows" in the URL changes it.
  const PAGE = Math.max(1, Math.min(500, Number(new URLSearchParams(location.search).get("rows")) || 50));
  // Where the map looks until the events are in, when the URL names no view: it then fits them.
  const START = [[0, 0], 5];
  const TILES_KEY = "warwire.tiles";   // "on" when the user turned the online tile layer on
  const DAY = 86400000;

  const form = document.getElementById("filters");
  let stats = null, metric = "events", sort = "-date", cursors = [null], pageNo = 0;

  // --- state <-> URL ---------------------------------------------------------------------------
  // Filters and the map view ("at": zoom/lat/lon) live in the query string: a link restores both,
  // and Back after opening an event returns to the same view.
  function state() {
    const p = new URLSearchParams(location.search), s = {};
    FILTERS.forEach(k => { if (p.get(k)) s[k] = p.get(k); });
    if (p.get("sort")) s.sort = p.get("sort");
    return s;
  }
  function urlFor(s, at) {
    const p = new URLSearchParams();
    FILTERS.forEach(k => { if (s[k]) p.set(k, s[k]); });
    if (s.sort && s.sort !== "-date") p.set("sort", s.sort);
    const rows = new URLSearchParams(location.search).get("rows");
    if (rows) p.set("rows", rows);
    if (at) p.set("at", at);
    const qs = p.toString();
    return location.pathname + (qs ? "?" + qs : "");
  }
  function currentAt() { return new URLSearchParams(location.search).get("at"); }
  function setState(s) {
    history.pushState(null, "", urlFor(s, currentAt()));
    fitting = s.on_map !== "true";  // a new filter: the map fits what it selects (unless the map is the filter)
    cursors = [null]; pageNo = 0;
    refresh();
  }
  /** The API filters of a state: "only what is on the map" becomes the map's bounding box. */
  function query(s) {
    const out = {...s};
    delete out.on_map; delete out.sort;
    if (s.on_map === "true") {
      const b = map.getBounds();
      const c = v => Math.max(-180, Math.min(180, v)).toFixed(4);
      out.bbox = [c(b.getWest()), Math.max(-90, b.getSouth()).toFixed(4), c(b.getEast()), Math.min(90, b.getNorth()).toFixed(4)].join(",");
    }
    return out;
  }
  function formToState() {
    const s = {};
    for (const k of FILTERS) {
      const el = form.elements[k];
      const v = el.type === "checkbox" ? (el.checked ? "true" : "") : el.value.trim();
      if (v) s[k] = v;
    }
    if (state().sort) s.sort = state().sort;
    return s;
  }
  function stateToForm(s) {
    for (const k of FILTERS) {
      const el = form.elements[k];
      if (el.type === "checkbox") el.checked = s[k] === "true";
      else {
        if (el.tagName === "SELECT" && s[k] && ![...el.options].some(o => o.value === s[k])) el.appendChild(h("option", {value: s[k]}, s[k]));
        el.value = s[k] || "";
      }
    }
  }
  form.addEventListener("change", () => setState(formToState()));
  form.addEventListener("submit", ev => { ev.preventDefault(); setState(formToState()); });
  document.getElementById("reset").addEventListener("click", () => { stateToForm({}); setState({}); });
  document.querySelectorAll("input[name=metric]").forEach(r => r.addEventListener("change", () => {
    metric = r.value; drawTimeline();
  }));
  window.addEventListener("popstate", () => { applyView(); cursors = [null]; pageNo = 0; refresh(); });

  // --- map ---------------------------------------------------------------------------------------
  const map = L.map("map", {minZoom: 5, maxZoom: 18, zoomSnap: 1});
  map.attributionControl.setPrefix(false);
  // Whether the next events drawn decide the view: the URL names none, or the filter changed.
  let fitting = false;
  function applyView() {
    const at = (currentAt() || "").split("/").map(Number);
    if (at.length === 3 && at.every(Number.isFinite)) map.setView([at[1], at[2]], at[0], {animate: false});
    else {
      fitting = true;
      if (!map._loaded) map.setView(...START, {animate: false});
    }
  }
  /** The map fits the located events of the filter, whichever war's they are. */
  function fitTo(items) {
    fitting = false;
    if (!items.length) return;
    map.fitBounds(L.latLngBounds(items.map(p => [p[1], p[2]])), {animate: false, maxZoom: 12, padding: [24, 24]});
  }
  applyView();
  // No tile is requested unless the user turns the layer on; the choice is remembered.
  const osm = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    {maxZoom: 19, attribution: "© OpenStreetMap contributors", errorTileUrl: ""});
  if (localStorage.getItem(TILES_KEY) === "on") osm.addTo(map);
  map.on("overlayadd", ev => { if (ev.layer === osm) localStorage.setItem(TILES_KEY, "on"); });
  map.on("overlayremove", ev => { if (ev.layer === osm) localStorage.setItem(TILES_KEY, "off"); });
  const outlines = {};
  const styles = {adm0: {color: "#333", weight: 2, fill: false}, adm1: {color: "#666", weight: 1.2, fill: false},
                  adm2: {color: "#999", weight: 0.6, dashArray: "2 3", fill: false}};
  for (const level of ["adm2", "adm1", "adm0"]) {
    outlines[level] = L.geoJSON(null, {style: styles[level], interactive: false}).addTo(map);
    fetch("/static/boundaries/" + level + ".geojson").then(r => r.json()).then(g => outlines[level].addData(g))
      .catch(() => {});
  }
  const labels = L.layerGroup().addTo(map);
  L.control.layers(null, {"Governorates": outlines.adm1, "Districts": outlines.adm2, "Place names": labels,
                          "OpenStreetMap tiles (online)": osm}, {collapsed: true}).addTo(map);
  map.attributionControl.addAttribution("Boundaries © UNCS / UN OCHA, CC BY 3.0 IGO");
  L.control.scale({imperial: false}).addTo(map);

  const clusters = L.markerClusterGroup({
    maxClusterRadius: z => (z <= 8 ? 50 : z <= 12 ? 40 : 25), spiderfyOnMaxZoom: true, showCoverageOnHover: false,
    zoomToBoundsOnClick: true, chunkedLoading: false,
    iconCreateFunction: cluster => {
      const children = cluster.getAllChildMarkers();
      const n = children.reduce((s, m) => s + (m.options.stack ? m.options.stack.length : 1), 0);
      return discIcon(n, children.some(m => (m.options.stack || [m.options.ww]).some(p => p[6])));
    },
  }).addTo(map);

  function escapeAttr(v) {
    return String(v).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }
  function markerFor(p) {
    // p: [id, lat, lon, event_type, sub_event_type, deaths, contradicted, place, date]
    // The icon is an HTML string, made into elements only when shown: 10,000 events cost no DOM until then.
    const size = Math.round(Math.min(34, 10 + 3 * Math.sqrt(p[5] || 0)));
    const html = `<div class="ww-event${p[6] ? " contradicted" : ""}" data-event-id="${escapeAttr(p[0])}" ` +
      `style="width:${size}px;height:${size}px;background:${WW.typeColour(p[3])}"></div>`;
    const m = L.marker([p[1], p[2]], {icon: L.divIcon({html, className: "ww-event-icon", iconSize: [size, size]}),
                                      keyboard: false, ww: p});
    return m;
  }
  function discIcon(n, contradicted) {
    const size = Math.round(Math.min(52, 22 + 4 * Math.log2(n)));
    return L.divIcon({html: `<div class="ww-cluster${contradicted ? " ring" : ""}" data-count="${n}" style="width:${size}px;height:${size}px;line-height:${size}px">${n}</div>`,
                      className: "ww-cluster-icon", iconSize: [size, size]});
  }
  /** Events at one point (most places are geocoded to a town) as one marker until it is opened: the
      clusterer then handles a few thousand markers instead of every event, and the map fills fast. */
  function stackFor(group) {
    return L.marker([group[0][1], group[0][2]], {icon: discIcon(group.length, group.some(p => p[6])), keyboard: false,
                                                  stack: group});
  }
  function markersFor(points) {
    const at = new Map();
    for (const p of points) {
      const key = p[1] + "," + p[2];
      if (!at.has(key)) at.set(key, []);
      at.get(key).push(p);
    }
    return [...at.values()].map(g => (g.length === 1 ? markerFor(g[0]) : stackFor(g)));
  }
  // One tooltip and one click handler for every event marker, on the group: none per marker.
  const tip = L.tooltip({direction: "top", offset: [0, -6]});
  clusters.on("mouseover", ev => {
    const stack = ev.layer.options.stack;
    if (stack) {
      tip.setLatLng(ev.layer.getLatLng()).setContent(h("div", {class: "tip"}, h("strong", {}, `${stack.length} events at ${WW.fmt(stack[0][7])}`),
        h("br"), "click to spread them out"));
      map.openTooltip(tip);
      return;
    }
    const p = ev.layer.options.ww;
    if (!p) return;
    tip.setLatLng(ev.layer.getLatLng()).setContent(h("div", {class: "tip"}, h("strong", {}, p[4] || p[3]), h("br"),
      `${WW.fmt(p[8])} · ${WW.fmt(p[7])}`, h("br"), `deaths: ${WW.fmt(p[5])}${p[6] ? " · sources disagree" : ""}`));
    map.openTooltip(tip);
  });
  clusters.on("mouseout", () => map.closeTooltip(tip));
  clusters.on("click", ev => {
    const stack = ev.layer.options.stack;
    if (stack) {  // opened: its events join the map one by one, zoomed in and spread apart
      map.closeTooltip(tip);
      const members = stack.map(markerFor);
      clusters.removeLayer(ev.layer);
      clusters.addLayers(members);
      clusters.zoomToShowLayer(members[0]);
      return;
    }
    const p = ev.layer.options.ww;
    if (p) location.href = "/event/" + encodeURIComponent(p[0]);
  });

  let moveTimer = null;
  function markView() {
    const el = document.getElementById("map"), c = map.getCenter();
    el.dataset.zoom = String(map.getZoom());
    el.dataset.center = `${c.lat.toFixed(4)},${c.lng.toFixed(4)}`;
  }
  markView();
  map.on("moveend", () => {
    markView();
    const c = map.getCenter();
    history.replaceState(null, "", urlFor(state(), `${map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`));
    drawLabels();
    if (state().on_map === "true") { clearTimeout(moveTimer); moveTimer = setTimeout(refresh, 250); }
  });

  let labelGen = 0;
  async function drawLabels() {
    const mine = ++labelGen, b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(3)).join(",");
    let got;
    try { got = await api("/places", {bbox, zoom: map.getZoom()}); } catch (e) { return; }
    if (mine !== labelGen) return;
    labels.clearLayers();
    for (const p of got) {
      labels.addLayer(L.marker([p.lat, p.lon], {interactive: false, keyboard: false,
        icon: L.divIcon({className: "ww-place" + (p.population >= 100000 ? " big" : ""), html: h("span", {}, p.name), iconSize: null})}));
    }
  }

  function drawLegend() {
    const types = Object.entries(WW.TYPE_COLOURS).map(([t, c]) =>
      h("span", {class: "legend-item"}, h("span", {class: "swatch", style: `background:${c}`}), t));
    document.getElementById("legend").replaceChildren(
      h("div", {}, h("strong", {}, "Colour: "), types),
      h("div", {}, h("strong", {}, "Size: "), "deaths (best estimate) · ",
        h("span", {class: "legend-item"}, h("span", {class: "swatch ring"}), "black ring: sources disagree"), " · ",
        h("span", {class: "legend-item"}, h("span", {class: "swatch cluster"}), "grey disc: events grouped, click to zoom"),
        " · place names: gazetteer"));
  }

  // --- data --------------------------------------------------------------------------------------
  let generation = 0;
  async function refresh() {
    const mine = ++generation;
    const s = state();
    stateToForm(s);
    const q = query(s);
    const summaryEl = document.getElementById("summary");
    summaryEl.textContent = "Loading…";
    document.body.dataset.loading = "true";
    for (const fmt of ["csv", "geojson", "jsonl"]) {
      document.getElementById("export-" + fmt).setAttribute("href", "/api/export/events." + fmt + qs(q));
    }
    document.getElementById("brief").setAttribute("href", "/brief" + qs(q));
    try {
      const [st, pts, sm, rows] = await Promise.all([api("/stats", q), api("/points", q), api("/summary", q), tablePage()]);
      if (mine !== generation) return;
      performance.mark("ww-data");
      drawTable(rows);
      stats = st;
      summaryEl.textContent = `${st.events} events · ${st.deaths} deaths (best estimates)`;
      summaryEl.dataset.total = String(st.events);
      summaryEl.dataset.deaths = String(st.deaths);
      clusters.clearLayers();
      // Fitted before the markers join: the clusterer then draws them at the new zoom, with no zoom animation.
      if (fitting) fitTo(pts.items);
      clusters.addLayers(markersFor(pts.items));
      performance.mark("ww-markers");
      document.getElementById("map").dataset.located = String(pts.items.length);
      drawTimeline();
      performance.mark("ww-timeline");
      drawPanel(sm, q);
    } catch (err) {
      if (mine === generation) summaryEl.textContent = "Error: " + err.message;
    } finally {
      if (mine === generation) document.body.dataset.loading = "false";
    }
  }
  function qs(params) {
    const p = new URLSearchParams(params).toString();
    return p ? "?" + p : "";
  }

  function drawTimeline() {
    if (!stats) return;
    const s = state();
    Timeline.draw(document.getElementById("timeline"), stats.by_day, metric, [s.since, s.until], (since, until) => {
      const next = {...state(), since, until};
      if (!since) { delete next.since; delete next.until; }
      setState(next);
    });
  }
  const iso = t => new Date(t).toISOString().slice(0, 10);
  const dayOf = d => Date.parse(d + "T00:00:00Z");
  function lastDay() {
    const days = (stats && stats.by_day || []).map(d => d.date).filter(Boolean).sort();
    return days.length ? days[days.length - 1] : iso(Date.now());
  }
  function shiftWeek(step) {
    const s = state();
    const start = s.since ? dayOf(s.since) : dayOf(lastDay()) - 6 * DAY;
    const a = start + step * 7 * DAY;
    setState({...s, since: iso(a), until: iso(a + 6 * DAY)});
  }
  document.getElementById("week-prev").addEventListener("click", () => shiftWeek(-1));
  document.getElementById("week").addEventListener("click", () => shiftWeek(0));
  document.getElementById("week-next").addEventListener("click", () => shiftWeek(1));
  document.getElementById("all-dates").addEventListener("click", () => {
    const s = {...state()}; delete s.since; delete s.until; setState(s);
  });

  /** The summary panel: every number is a link that narrows the filter to what it counts. */
  function drawPanel(sm, q) {
    const d = sm.deaths;
    const narrow = (key, value) => h("a", {href: urlFor({...state(), [key]: value}, currentAt()), class: "narrow"}, value);
    const list = (title, rows, key, name) => h("div", {class: "panel-block"}, h("h3", {}, title),
      rows.length ? h("table", {class: "mini"}, h("tbody", {}, rows.map(r => h("tr", {},
        h("td", {}, key && !String(r[name]).startsWith("(") ? narrow(key, r[name]) : r[name]), h("td", {class: "num"}, String(r.events)),
        h("td", {class: "num"}, String(r.deaths)))))) : h("p", {class: "muted"}, "none"));
    const cov = sm.coverage || {};
    const gaps = (cov.gaps || []).slice(0, 6).map(g => g[0] === g[1] ? g[0] : `${g[0]} – ${g[1]}`);
    const note = [`Articles in the store: ${WW.fmt(cov.first_article)} – ${WW.fmt(cov.last_article)}.`];
    if (cov.days !== null && cov.days !== undefined) {
      note.push(` ${cov.days_without_articles} of ${cov.days} days in ${cov.since} – ${cov.until} have no article` +
        (gaps.length ? `: ${gaps.join(", ")}${cov.gaps.length > gaps.length ? ", …" : ""}.` : "."));
    }
    const panel = document.getElementById("panel");
    panel.replaceChildren(
      h("div", {class: "panel-totals"},
        h("span", {class: "big", dataset: {events: sm.events}}, `${sm.events} events`), " · deaths ",
        h("span", {class: "big", dataset: {low: d.low, best: d.best, high: d.high}}, `${d.best}`),
        ` best (low ${d.low}, high ${d.high})`),
      h("p", {class: "coverage"}, note.join("")),
      h("div", {class: "panel-grid"},
        list("Deaths by perpetrator (actor 1)", sm.by_perpetrator, "actor", "actor"),
        list("By type", sm.by_type, "event_type", "event_type"),
        list("By claimant", sm.by_claimant, "claimed_by", "claimant"),
        list("Top places", sm.top_places.map(p => ({...p, place: p.admin1 ? `${p.place}, ${p.admin1}` : p.place})), null, "place")),
      h("p", {class: "hint"}, "columns: events, deaths (best) · click a name to filter by it"));
    panel.dataset.events = String(sm.events);
  }

  // --- table -------------------------------------------------------------------------------------
  const SORTABLE = {"Date": "date", "Deaths": "fatalities", "Src": "sources"};
  function tablePage() {
    const s = state();
    sort = s.sort || "-date";
    return api("/events", {...query(s), sort, limit: PAGE, total: true, ...(cursors[pageNo] ? {cursor: cursors[pageNo]} : {})});
  }
  async function turnPage(step) {
    pageNo += step;
    const mine = generation;
    const page = await tablePage();
    if (mine === generation) drawTable(page);
  }
  function drawTable(page) {
    cursors[pageNo + 1] = page.next_cursor;
    const head = ["Date", "Type", "Place", "Actors", "Deaths", "Claimant", "Outlet", "Src", ""].map(t => {
      if (!SORTABLE[t]) return h("th", {}, t);
      const key = SORTABLE[t], on = sort.replace("-", "") === key;
      const next = on && sort.startsWith("-") ? key : "-" + key;
      return h("th", {class: "sortable" + (on ? " on" : ""), dataset: {sort: key}, "aria-sort": on ? (sort.startsWith("-") ? "descending" : "ascending") : "none",
                     onclick: () => setState({...state(), sort: next})}, t + (on ? (sort.startsWith("-") ? " ▼" : " ▲") : ""));
    });
    const rows = page.items.map(e => h("tr", {dataset: {eventId: e.id}},
      h("td", {class: "date"}, WW.eventLink(e.id, WW.fmt(e.date_start))),
      h("td", {}, h("span", {class: "swatch", style: `background:${WW.typeColour(e.event_type)}`}), e.sub_event_type || e.event_type),
      h("td", {}, WW.fmt(e.location && e.location.name), h("br"), h("small", {}, WW.fmt(e.location && e.location.admin1))),
      h("td", {}, WW.fmt(e.actor1 && e.actor1.name), h("br"), h("small", {}, WW.fmt(e.actor2 && e.actor2.name))),
      h("td", {class: "num"}, WW.count(e.fatalities)),
      h("td", {class: "claimant"}, (e.claimants || []).join("; ") || "–"),
      h("td", {class: "outlet"}, (e.outlets || []).join("; ") || "–"),
      h("td", {class: "num"}, WW.fmt(e.n_sources)),
      h("td", {}, e.contradictions && e.contradictions.length
        ? h("span", {class: "badge warn", title: e.contradictions.map(c => c.field).join(", ")}, "disputed") : "")));
    const pages = Math.max(1, Math.ceil(page.total / PAGE));
    const pager = h("div", {class: "pager"},
      h("button", {type: "button", id: "prev-page", disabled: pageNo === 0,
                   onclick: () => turnPage(-1)}, "◀ previous"),
      ` page ${pageNo + 1} of ${pages} (${page.total} events) `,
      h("button", {type: "button", id: "next-page", disabled: !page.next_cursor,
                   onclick: () => turnPage(1)}, "next ▶"));
    const table = document.getElementById("table");
    table.replaceChildren(h("table", {class: "events"}, h("thead", {}, h("tr", {}, head)), h("tbody", {}, rows)), pager);
    table.dataset.page = String(pageNo + 1);
  }

  async function fillChoices() {
    const [st, outlets, regions, sm, ch] = await Promise.all([api("/stats"), api("/outlets"), api("/regions"),
                                                              api("/summary"), api("/choices")]);
    const add = (name, values) => {
      const el = form.elements[name];
      values.filter(Boolean).forEach(v => { if (![...el.options].some(o => o.value === v)) el.appendChild(h("option", {value: v}, v)); });
    };
    const options = (id, values) => document.getElementById(id).replaceChildren(...values.filter(Boolean).map(v => h("option", {value: v})));
    add("event_type", Object.keys(WW.TYPE_COLOURS));
    add("sub_event_type", Object.values(ch.event_types).flat());
    add("region", regions.map(r => r.name).sort());
    add("admin1", st.by_admin1.map(a => a.admin1).sort());
    add("outlet", outlets.map(o => o.outlet));
    options("actors", st.by_actor.map(a => a.actor));
    options("claimants", sm.by_claimant.map(c => c.claimant).filter(c => !c.startsWith("(")));
    options("tags", ch.tags);
    stateToForm(state());
    document.body.dataset.choices = "ready";
  }

  // Watch: the command that saves the current filter, with its feed and webhook (saving needs the store).
  document.getElementById("watch").addEventListener("click", ev => {
    const box = document.getElementById("watch-box");
    box.hidden = !box.hidden;
    ev.currentTarget.setAttribute("aria-expanded", String(!box.hidden));
    if (box.hidden) return;
    const q = new URLSearchParams(query(state())).toString().replace(/\+/g, " ");
    const filter = decodeURIComponent(q).replace(/'/g, "'\\''");
    box.replaceChildren(
      h("p", {}, "To be told of new events matching this filter, save it as a watch:"),
      h("code", {id: "watch-command"}, `warwire watch add NAME --filter '${filter}' [--webhook URL]`),
      h("p", {}, "Its feed is then ", h("code", {}, location.origin + "/api/watches/NAME.atom"),
        "; a webhook gets the new events after each extract or link run. ",
        h("a", {href: "/api/watches"}, "Saved watches")));
  });

  drawLegend();
  drawLabels();
  refresh();
  // The filter's choices load beside the first page of data; body[data-choices] says when they are there.
  fillChoices().catch(() => { document.body.dataset.choices = "failed"; });
})();
