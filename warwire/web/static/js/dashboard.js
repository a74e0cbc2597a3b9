/* The main page: filters (kept in the URL), map of events, timeline, table. */
"use strict";

(() => {
  const {h, api} = WW;
  const FILTERS = ["since", "until", "event_type", "admin1", "actor", "outlet", "min_fatalities", "has_contradiction"];
  const PAGE = 500, MAX_EVENTS = 5000;     // the map draws at most this many events; the summary says so
  const CLUSTER_PX = 44, CLUSTER_UNTIL_ZOOM = 11, CLUSTER_MIN = 3;
  const SYRIA = [[32.3, 35.6], [37.4, 42.4]];

  const form = document.getElementById("filters");
  let events = [], stats = null, metric = "events";

  // --- state <-> URL ---------------------------------------------------------------------------
  function state() {
    const p = new URLSearchParams(location.search), s = {};
    FILTERS.forEach(k => { if (p.get(k)) s[k] = p.get(k); });
    return s;
  }
  function setState(s) {
    const p = new URLSearchParams();
    FILTERS.forEach(k => { if (s[k]) p.set(k, s[k]); });
    const qs = p.toString();
    history.replaceState(null, "", qs ? "?" + qs : location.pathname);
    refresh();
  }
  function formToState() {
    const s = {};
    for (const k of FILTERS) {
      const el = form.elements[k];
      const v = el.type === "checkbox" ? (el.checked ? "true" : "") : el.value.trim();
      if (v) s[k] = v;
    }
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

  // --- map ---------------------------------------------------------------------------------------
  const map = L.map("map", {preferCanvas: false, minZoom: 5, maxZoom: 14}).fitBounds(SYRIA);
  map.attributionControl.setPrefix(false);
  const osm = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    {maxZoom: 19, attribution: "© OpenStreetMap contributors", errorTileUrl: ""});
  const offline = L.layerGroup();
  const outlines = {};
  const styles = {adm0: {color: "#333", weight: 2, fill: false}, adm1: {color: "#666", weight: 1.2, fill: false},
                  adm2: {color: "#999", weight: 0.6, dashArray: "2 3", fill: false}};
  for (const level of ["adm2", "adm1", "adm0"]) {
    outlines[level] = L.geoJSON(null, {style: styles[level], interactive: false});
    fetch("/static/boundaries/" + level + ".geojson").then(r => r.json()).then(g => outlines[level].addData(g))
      .catch(() => {});
  }
  Object.values(outlines).forEach(l => offline.addLayer(l));
  offline.addTo(map);
  if (navigator.onLine) osm.addTo(map);
  L.control.layers({"OpenStreetMap (online)": osm, "No tiles": L.layerGroup()},
                   {"Governorates": outlines.adm1, "Districts": outlines.adm2}, {collapsed: true}).addTo(map);
  map.attributionControl.addAttribution("Boundaries © UNCS / UN OCHA, CC BY 3.0 IGO");
  const markers = L.layerGroup().addTo(map);
  map.on("zoomend moveend", drawMarkers);

  function radius(e) {
    const best = (e.fatalities && e.fatalities.best) || 0;
    return Math.min(30, 5 + 3 * Math.sqrt(best));
  }

  function tooltip(e) {
    return h("div", {class: "tip"},
      h("strong", {}, e.sub_event_type || e.event_type), h("br"),
      `${WW.fmt(e.date_start)} · ${WW.fmt(e.location && e.location.name)}`, h("br"),
      `deaths: ${WW.count(e.fatalities)} · sources: ${WW.fmt(e.n_sources)}`);
  }

  /** Grid clustering in screen pixels: dense cells become one circle with a count until zoom is high. */
  function drawMarkers() {
    markers.clearLayers();
    const located = events.filter(e => e.location && e.location.lat !== null && e.location.lon !== null &&
                                       e.location.lat !== undefined);
    const zoom = map.getZoom();
    const cells = new Map();
    for (const e of located) {
      const p = map.project([e.location.lat, e.location.lon], zoom);
      const key = zoom >= CLUSTER_UNTIL_ZOOM ? e.id : Math.floor(p.x / CLUSTER_PX) + ":" + Math.floor(p.y / CLUSTER_PX);
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(e);
    }
    for (const group of cells.values()) {
      if (group.length >= CLUSTER_MIN) {
        const lat = group.reduce((s, e) => s + e.location.lat, 0) / group.length;
        const lon = group.reduce((s, e) => s + e.location.lon, 0) / group.length;
        const size = Math.min(56, 24 + 4 * Math.log2(group.length));
        const label = h("div", {class: "ww-cluster", dataset: {count: group.length}}, String(group.length));
        label.style.width = label.style.height = label.style.lineHeight = size + "px";
        const m = L.marker([lat, lon], {icon: L.divIcon({html: label, className: "ww-cluster-icon", iconSize: [size, size]}),
                                        title: `${group.length} events`});
        const bounds = L.latLngBounds(group.map(e => [e.location.lat, e.location.lon]));
        m.on("click", () => map.fitBounds(bounds.pad(0.5), {maxZoom: CLUSTER_UNTIL_ZOOM}));
        markers.addLayer(m);
      } else {
        for (const e of group) {
          const c = L.circleMarker([e.location.lat, e.location.lon], {
            radius: radius(e), color: e.contradictions && e.contradictions.length ? "#000" : "#fff",
            weight: e.contradictions && e.contradictions.length ? 2 : 1, fillColor: WW.typeColour(e.event_type),
            fillOpacity: 0.75, className: "ww-event"});
          c.bindTooltip(tooltip(e));
          c.on("add", () => { const el = c.getElement(); if (el) el.dataset.eventId = e.id; });
          c.on("click", () => { location.href = "/event/" + encodeURIComponent(e.id); });
          markers.addLayer(c);
        }
      }
    }
    document.getElementById("map").dataset.located = String(located.length);
  }

  // --- data --------------------------------------------------------------------------------------
  let generation = 0;
  async function refresh() {
    const mine = ++generation;
    const s = state();
    stateToForm(s);
    const summary = document.getElementById("summary");
    summary.textContent = "Loading…";
    document.body.dataset.loading = "true";
    try {
      const {since, until, ...undated} = s;   // the timeline shows every date so one can brush outside
      const [first, st] = await Promise.all([api("/events", {...s, limit: PAGE, total: true}), api("/stats", undated)]);
      let got = first.items, cursor = first.next_cursor;
      while (cursor && got.length < MAX_EVENTS) {
        const next = await api("/events", {...s, limit: PAGE, cursor});
        got = got.concat(next.items);
        cursor = next.next_cursor;
      }
      if (mine !== generation) return;
      events = got; stats = st;
      const deaths = events.reduce((n, e) => n + ((e.fatalities && e.fatalities.best) || 0), 0);
      summary.textContent = `${first.total} events` + (first.total > events.length ? ` (first ${events.length} shown)` : "") +
        ` · ${deaths} deaths (best estimates)`;
      summary.dataset.total = String(first.total);
      drawMarkers();
      drawTimeline();
      drawTable();
    } catch (err) {
      summary.textContent = "Error: " + err.message;
    } finally {
      if (mine === generation) document.body.dataset.loading = "false";
    }
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

  function drawTable() {
    const rows = events.slice(0, 200).map(e => h("tr", {dataset: {eventId: e.id}},
      h("td", {}, WW.eventLink(e.id, WW.fmt(e.date_start))),
      h("td", {}, h("span", {class: "swatch", style: `background:${WW.typeColour(e.event_type)}`}), e.sub_event_type || e.event_type),
      h("td", {}, WW.fmt(e.location && e.location.name), h("br"), h("small", {}, WW.fmt(e.location && e.location.admin1))),
      h("td", {}, WW.fmt(e.actor1 && e.actor1.name), h("br"), h("small", {}, WW.fmt(e.actor2 && e.actor2.name))),
      h("td", {class: "num"}, WW.count(e.fatalities)),
      h("td", {class: "num"}, WW.fmt(e.n_sources)),
      h("td", {}, e.contradictions && e.contradictions.length
        ? h("span", {class: "badge warn", title: e.contradictions.map(c => c.field).join(", ")}, "contradicted") : "")));
    document.getElementById("table").replaceChildren(h("table", {class: "events"},
      h("thead", {}, h("tr", {}, ["Date", "Type", "Place", "Actors", "Deaths", "Sources", ""].map(t => h("th", {}, t)))),
      h("tbody", {}, rows)));
  }

  async function fillChoices() {
    const [st, outlets] = await Promise.all([api("/stats"), api("/outlets")]);
    const add = (name, values) => {
      const el = form.elements[name];
      values.filter(Boolean).forEach(v => { if (![...el.options].some(o => o.value === v)) el.appendChild(h("option", {value: v}, v)); });
    };
    add("event_type", Object.keys(WW.TYPE_COLOURS));
    add("admin1", st.by_admin1.map(a => a.admin1).sort());
    add("actor", st.by_actor.map(a => a.actor));
    add("outlet", outlets.map(o => o.outlet));
    stateToForm(state());
    document.getElementById("legend").replaceChildren(...Object.entries(WW.TYPE_COLOURS).map(([t, c]) =>
      h("span", {class: "legend-item"}, h("span", {class: "swatch", style: `background:${c}`}), t)));
  }

  fillChoices().catch(() => {}).finally(refresh);
})();
