/* Shared helpers of the dashboard pages.
   Article texts, titles and outlets are untrusted: every string reaches the page through
   textContent or createTextNode (see h()), never through innerHTML. */
"use strict";

const WW = (() => {
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };
  const FIELD_COLOURS = ["#ffe08a", "#a8e6a3", "#9fd3ff", "#ffb3c7", "#d7b8ff", "#ffc48a", "#b8f0e6", "#e0e0a0"];

  /** Build an element: h("a", {href: url, class: "x"}, "text", child, ...). Strings become text nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "dataset") Object.assign(el.dataset, v);
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "href") el.setAttribute("href", safeHref(v));
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  /** Only our own paths and http(s) links become hrefs: a javascript: URL from an article must not. */
  function safeHref(url) {
    const s = String(url);
    if (s.startsWith("/") && !s.startsWith("//")) return s;
    try {
      const u = new URL(s);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : "#";
    } catch (e) {
      return "#";
    }
  }

  async function api(path, params) {
    const qs = params ? "?" + new URLSearchParams(params).toString() : "";
    const res = await fetch("/api" + path + qs, {headers: {"Accept": "application/json"}});
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.detail || ("HTTP " + res.status));
    return body;
  }

  function typeColour(t) { return TYPE_COLOURS[t] || "#555"; }

  function fmt(v) { return v === null || v === undefined || v === "" ? "–" : String(v); }

  function count(f) {
    if (!f) return "–";
    const lo = f.low, best = f.best, hi = f.high;
    if (best === null || best === undefined) return "–";
    if (lo !== null && lo !== undefined && hi !== null && hi !== undefined && (lo !== best || hi !== best))
      return `${best} (${lo}–${hi})`;
    return String(best);
  }

  function eventLink(e, text) { return h("a", {href: "/event/" + encodeURIComponent(e)}, text || e); }
  function articleLink(id, text) { return h("a", {href: "/article/" + encodeURIComponent(id)}, text || id); }
  function outletLink(name) {
    return name ? h("a", {href: "/outlet/" + encodeURIComponent(name), class: "outlet"}, name) : h("span", {}, "–");
  }

  /** The text with each evidence span wrapped in <mark>; spans are [start, end] offsets into the article,
      ``offset`` is where ``text`` starts in the article (an excerpt). Overlapping spans split into segments. */
  function highlighted(text, evidence, offset, colours) {
    offset = offset || 0;
    const spans = [];
    for (const [field, s] of Object.entries(evidence || {})) {
      if (!Array.isArray(s) || s.length !== 2) continue;
      const a = Math.max(0, s[0] - offset), b = Math.min(text.length, s[1] - offset);
      if (b > a) spans.push({field, a, b});
    }
    const cuts = new Set([0, text.length]);
    spans.forEach(s => { cuts.add(s.a); cuts.add(s.b); });
    const points = [...cuts].sort((x, y) => x - y);
    const out = h("div", {class: "article-text"});
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const fields = spans.filter(s => s.a <= a && s.b >= b).map(s => s.field);
      if (!fields.length) { out.appendChild(document.createTextNode(piece)); continue; }
      const mark = h("mark", {title: fields.join(", "), dataset: {fields: fields.join(" ")}}, piece);
      mark.style.background = colours[fields[0]] || "#ffe08a";
      out.appendChild(mark);
    }
    return out;
  }

  /** A stable colour per evidence field, shared by the legend and the marks of one page. */
  function fieldColours(fields) {
    const out = {};
    [...new Set(fields)].sort().forEach((f, i) => { out[f] = FIELD_COLOURS[i % FIELD_COLOURS.length]; });
    return out;
  }

  function legend(colours) {
    return h("p", {class: "legend"}, "Evidence: ",
      Object.entries(colours).map(([f, c]) => { const m = h("mark", {}, f); m.style.background = c; return [m, " "]; }));
  }

  /** "14 killed: 9 civilians, 5 fighters; 3 children" from an event's fatalities and victims. */
  function victimsSentence(fat, victims) {
    const v = victims || {}, best = fat && fat.best;
    const n = x => x !== null && x !== undefined;
    const who = [[v.civilians, "civilian", "civilians"], [v.combatants, "fighter", "fighters"]]
      .filter(([x]) => n(x) && x > 0).map(([x, one, many]) => `${x} ${x === 1 ? one : many}`);
    const among = [[v.children, "child", "children"], [v.women, "woman", "women"]]
      .filter(([x]) => n(x) && x > 0).map(([x, one, many]) => `${x} ${x === 1 ? one : many}`);
    if (!n(best)) return who.length ? `Dead: ${who.join(", ")}.` : "No death toll reported.";
    if (best === 0 && !who.length) return "No one reported killed.";
    let out = `${best} killed`;
    const range = fat.low !== fat.high && n(fat.low) && n(fat.high) ? ` (reports range from ${fat.low} to ${fat.high})` : "";
    out += range;
    const counted = [v.civilians, v.combatants].filter(n).reduce((a, b) => a + b, 0);
    if (counted > best) {  // the breakdown comes from a higher toll than the best estimate: say so apart
      return out + `. Reports count ${[...who, ...among].join(", ")}.`;
    }
    if (who.length) out += ": " + who.join(", ");
    if (among.length) out += (who.length ? "; " : ": among them ") + among.join(", ");
    return out + ".";
  }

  const WORDS = {one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
    nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
    hundred: 100, a: 1, an: 1};
  const COUNTED = new Set(["fatalities", "injured"]);

  /** Whether an evidence span can stand for its field's value: a count's span must state that count
      (in digits or words) when it states any number; other fields are not checked. */
  function spanAgrees(field, spanText, report) {
    if (!COUNTED.has(field)) return true;
    const value = report && report[field] && report[field].best;
    if (value === null || value === undefined) return true;
    const digits = (spanText.replace(/(\d),(\d{3})/g, "$1$2").match(/\d+/g) || []).map(Number);
    if (digits.length) return digits.includes(value) || digits.some(d => d === value);
    const words = spanText.toLowerCase().match(/[a-z]+/g) || [];
    const numbers = words.filter(w => w in WORDS && w !== "a" && w !== "an").map(w => WORDS[w]);
    if (!numbers.length) return true;  // "a child was killed", "dozens": nothing to compare
    let sum = 0;  // "twenty three" -> 23
    for (const x of numbers) sum = x === 100 ? (sum || 1) * 100 : sum + x;
    return numbers.includes(value) || sum === value;
  }

  function showError(where, err) {
    where.replaceChildren(h("p", {class: "error"}, "Could not load: " + err.message));
  }

  return {TYPE_COLOURS, h, api, typeColour, fmt, count, eventLink, articleLink, outletLink, highlighted,
          fieldColours, legend, showError, safeHref, victimsSentence, spanAgrees};
})();
