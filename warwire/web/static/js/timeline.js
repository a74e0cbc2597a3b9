/* A small SVG chart of events (or deaths) per day, stacked by event type, with a brush to pick dates. */
"use strict";

const Timeline = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const DAY = 86400000;

  function svg(tag, attrs) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    return el;
  }
  const iso = t => new Date(t).toISOString().slice(0, 10);

  /** Draw ``byDay`` ([{date, event_type, events, deaths}]) into ``host``; ``onBrush(since, until)``
      is called with ISO dates (or nulls when cleared). ``selected`` is the current [since, until]. */
  function draw(host, byDay, metric, selected, onBrush) {
    host.replaceChildren();
    const W = Math.max(host.clientWidth || 480, 240), H = 140, pad = {l: 34, r: 8, t: 8, b: 20};
    const root = svg("svg", {width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "timeline-svg",
                             role: "img", "aria-label": `${metric} per day by type`});
    host.appendChild(root);
    if (!byDay.length) {
      const t = svg("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty"});
      t.textContent = "No dated events";
      root.appendChild(t);
      return;
    }
    const days = new Map();
    for (const d of byDay) {
      const t = Date.parse(d.date + "T00:00:00Z");
      if (Number.isNaN(t)) continue;
      if (!days.has(t)) days.set(t, []);
      days.get(t).push(d);
    }
    let times = [...days.keys()].sort((a, b) => a - b);
    // The axis spans the filter's dates when it has them (zoomed to the filter), else the data's.
    const from = selected && selected[0] ? Date.parse(selected[0] + "T00:00:00Z") : times[0];
    const to = selected && selected[1] ? Date.parse(selected[1] + "T00:00:00Z") : times[times.length - 1];
    const t0 = Math.min(from, to), t1 = Math.max(from, to) + DAY;
    times = times.filter(t => t >= t0 && t < t1);
    root.dataset.from = iso(t0);
    root.dataset.to = iso(t1 - DAY);
    const x = t => pad.l + (t - t0) / (t1 - t0) * (W - pad.l - pad.r);
    root.dataset.days = String(Math.round((t1 - t0) / DAY));
    // Days are grouped into bins at least 3 px wide: a years-long axis draws a few hundred bars, not thousands.
    const span = Math.round((t1 - t0) / DAY);
    const binDays = Math.max(1, Math.ceil(span / ((W - pad.l - pad.r) / 3)));
    const bins = new Map();
    for (const t of times) {
      const k = t0 + Math.floor((t - t0) / DAY / binDays) * binDays * DAY;
      if (!bins.has(k)) bins.set(k, {});
      const bin = bins.get(k);
      for (const d of days.get(t)) bin[d.event_type] = (bin[d.event_type] || 0) + (d[metric] || 0);
    }
    const totals = [...bins.values()].map(b => Object.values(b).reduce((s, v) => s + v, 0));
    const ymax = Math.max(1, ...totals);
    const y = v => H - pad.b - v / ymax * (H - pad.t - pad.b);
    const bw = Math.max(2, x(t0 + binDays * DAY) - x(t0) - 1);
    const types = Object.keys(WW.TYPE_COLOURS);
    const bars = document.createDocumentFragment();
    for (const [t, bin] of bins) {
      let base = 0;
      const when = binDays === 1 ? iso(t) : `${iso(t)} – ${iso(Math.min(t + (binDays - 1) * DAY, t1 - DAY))}`;
      for (const type of Object.keys(bin).sort((a, b) => types.indexOf(a) - types.indexOf(b))) {
        const v = bin[type];
        if (!v) continue;
        const r = svg("rect", {x: x(t), y: y(base + v), width: bw, height: y(base) - y(base + v),
                               fill: WW.typeColour(type), class: "bar"});
        const tip = svg("title");
        tip.textContent = `${when} · ${type}: ${v} ${metric}`;
        r.appendChild(tip);
        bars.appendChild(r);
        base += v;
      }
    }
    root.appendChild(bars);
    root.dataset.binDays = String(binDays);
    root.appendChild(svg("line", {x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: "axis"}));
    const label = (text, attrs) => { const el = svg("text", attrs); el.textContent = text; root.appendChild(el); };
    label(iso(t0), {x: pad.l, y: H - 5, class: "tick"});
    label(iso(t1 - DAY), {x: W - pad.r, y: H - 5, "text-anchor": "end", class: "tick"});
    if (span >= 3) {  // a middle date when there is room for it
      const mid = t0 + Math.floor(span / 2) * DAY;
      label(iso(mid), {x: x(mid), y: H - 5, "text-anchor": "middle", class: "tick"});
    }
    label(String(ymax), {x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", class: "tick"});

    const brush = svg("rect", {y: pad.t, height: H - pad.t - pad.b, class: "brush", width: 0, x: 0});
    root.appendChild(brush);
    const toTime = px => Math.min(t1 - DAY, Math.max(t0, t0 + Math.floor((px - pad.l) / (W - pad.l - pad.r) * (t1 - t0) / DAY) * DAY));
    const show = (a, b) => {
      brush.setAttribute("x", x(Math.min(a, b)));
      brush.setAttribute("width", Math.max(2, x(Math.max(a, b) + DAY) - x(Math.min(a, b))));
    };
    let start = null;
    const px = ev => ev.clientX - root.getBoundingClientRect().left;
    root.addEventListener("pointerdown", ev => { start = toTime(px(ev)); root.setPointerCapture(ev.pointerId); show(start, start); });
    root.addEventListener("pointermove", ev => { if (start !== null) show(start, toTime(px(ev))); });
    root.addEventListener("pointerup", ev => {
      if (start === null) return;
      const end = toTime(px(ev));
      const a = Math.min(start, end), b = Math.max(start, end);  // a click picks its one day
      start = null;
      onBrush(iso(a), iso(b));
    });
    root.addEventListener("dblclick", () => { brush.setAttribute("width", 0); onBrush(null, null); });
  }

  return {draw};
})();
