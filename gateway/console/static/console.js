// The console's only script: swaps server-rendered fragments in place and draws the traffic charts as
// inline SVG. Without it every form and link still works as a plain page load.
"use strict";

(function () {
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  const SVG = "http://www.w3.org/2000/svg";
  const OUTCOME_COLOURS = { allow: "#1b7f3b", redact: "#1f5fbf", review: "#a35d00", block: "#b3261e", error: "#5f6368" };
  const PALETTE = ["#1f5fbf", "#b3261e", "#1b7f3b", "#a35d00", "#6b3fa0", "#00707a", "#8a4b08", "#5f6368"];

  async function fetchHtml(url, options) {
    const response = await fetch(url, Object.assign({ credentials: "same-origin" }, options || {}));
    if (response.redirected && new URL(response.url).pathname === "/console/login") {
      window.location.reload();   // the session expired: the page itself goes to the login
      throw new Error("login required");
    }
    return { ok: response.ok, text: await response.text() };
  }

  function queryOf(form) {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== "csrf" && value) params.append(name, value);
    }
    return params.toString();
  }

  // ---- decisions: filter, page, open one ----------------------------------------------------------------
  async function loadDecisions(query) {
    const list = document.getElementById("decision-list");
    if (!list) return;
    list.setAttribute("aria-busy", "true");
    const { text } = await fetchHtml("/console/fragments/decisions" + (query ? "?" + query : ""));
    list.outerHTML = text;
    history.replaceState(null, "", "/console" + (query ? "?" + query : "") + "#decisions");
  }

  async function openDecision(link) {
    const detail = document.getElementById("decision-detail");
    const id = link.closest("tr").dataset.requestId;
    const { text } = await fetchHtml("/console/fragments/decision/" + encodeURIComponent(id));
    detail.innerHTML = text;
    document.querySelectorAll("table.decisions tr.selected").forEach((row) => row.classList.remove("selected"));
    link.closest("tr").classList.add("selected");
    detail.focus();
    detail.scrollIntoView({ block: "nearest" });
  }

  function wireDecisions() {
    const form = document.getElementById("decision-filter");
    if (!form) return;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      loadDecisions(queryOf(form));
    });
    const clear = document.getElementById("filter-clear");
    clear.addEventListener("click", (event) => {
      event.preventDefault();
      form.querySelectorAll("select").forEach((s) => { s.value = ""; });
      form.querySelectorAll("input[type=datetime-local]").forEach((i) => { i.value = ""; });
      loadDecisions("");
    });
    document.getElementById("decisions").addEventListener("click", (event) => {
      const link = event.target.closest("a");
      if (!link) return;
      if (link.classList.contains("open")) {
        event.preventDefault();
        openDecision(link);
      } else if (link.rel === "next" || link.rel === "prev") {
        event.preventDefault();
        loadDecisions(new URL(link.href).search.slice(1));
      }
    });
  }

  // ---- try it -------------------------------------------------------------------------------------------
  function wireTry() {
    const form = document.getElementById("try-form");
    if (!form) return;
    const result = document.getElementById("try-result");
    const text = document.getElementById("try-text");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      result.setAttribute("aria-busy", "true");
      try {
        const { text: html } = await fetchHtml("/console/try", {
          method: "POST",
          headers: { "X-CSRF-Token": csrf, "X-Console-Fragment": "1" },
          body: new URLSearchParams(new FormData(form)),
        });
        result.innerHTML = html;
      } finally {
        button.disabled = false;
        result.removeAttribute("aria-busy");
      }
    });
    text.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
  }

  // ---- traffic charts -----------------------------------------------------------------------------------
  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function frame(figure, label, height) {
    figure.querySelectorAll("svg, .legend, details, p.empty").forEach((n) => n.remove());
    const svg = el("svg", { viewBox: `0 0 480 ${height || 180}`, role: "img", "aria-label": label, class: "chart" });
    svg.appendChild(el("title", {}, label));
    figure.appendChild(svg);
    return svg;
  }

  function legend(figure, entries) {
    const list = document.createElement("ul");
    list.className = "legend";
    for (const [name, colour] of entries) {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "key";
      swatch.style.background = colour;
      item.append(swatch, document.createTextNode(" " + name));
      list.appendChild(item);
    }
    figure.appendChild(list);
  }

  function table(figure, headers, rows) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "Data as a table";
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    headers.forEach((h) => { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.appendChild(th); });
    const body = t.createTBody();
    rows.forEach((r) => { const row = body.insertRow(); r.forEach((c) => { row.insertCell().textContent = c; }); });
    details.append(summary, t);
    figure.appendChild(details);
  }

  function axis(svg, max, unit) {
    for (const f of [0, 0.5, 1]) {
      const y = 160 - f * 140;
      svg.appendChild(el("line", { x1: 40, x2: 475, y1: y, y2: y, stroke: "#d0d4d9", "stroke-width": 1 }));
      svg.appendChild(el("text", { x: 36, y: y + 4, "text-anchor": "end", class: "tick" },
        String(Math.round(max * f * 10) / 10) + (f === 1 ? unit : "")));
    }
  }

  function stackedBars(figure, data) {
    const total = data.requests.reduce((a, b) => a + b, 0);
    const svg = frame(figure, `Requests per minute over the last hour: ${total} in all`);
    const max = Math.max(1, ...data.requests);
    axis(svg, max, "");
    const width = 435 / data.minutes.length;
    data.minutes.forEach((minute, i) => {
      let y = 160;
      for (const [outcome, series] of Object.entries(data.outcomes)) {
        const h = (series[i] / max) * 140;
        if (!h) continue;
        y -= h;
        const bar = el("rect", { x: 40 + i * width + 1, y, width: Math.max(width - 2, 1), height: h,
          fill: OUTCOME_COLOURS[outcome] || "#5f6368" });
        bar.appendChild(el("title", {}, `${minute} ${outcome}: ${series[i]}`));
        svg.appendChild(bar);
      }
    });
    svg.appendChild(el("text", { x: 40, y: 176, class: "tick" }, data.minutes[0]));
    svg.appendChild(el("text", { x: 475, y: 176, "text-anchor": "end", class: "tick" }, data.minutes[data.minutes.length - 1]));
    legend(figure, Object.keys(data.outcomes).map((o) => [o, OUTCOME_COLOURS[o] || "#5f6368"]));
    table(figure, ["minute", "requests", ...Object.keys(data.outcomes)],
      data.minutes.map((m, i) => [m, data.requests[i], ...Object.values(data.outcomes).map((s) => s[i])])
        .filter((row) => row[1] > 0));
  }

  function lines(figure, data) {
    const series = [["overhead", data.overhead_ms.mean, "#1f5fbf"], ["upstream", data.upstream_ms.mean, "#a35d00"]];
    const values = series.flatMap(([, s]) => s.filter((v) => v !== null));
    const svg = frame(figure, values.length ? "Mean overhead and upstream latency per minute, in milliseconds"
      : "No latency measured in the last hour");
    const max = Math.max(1, ...values);
    axis(svg, max, " ms");
    const step = 435 / Math.max(data.minutes.length - 1, 1);
    for (const [name, s, colour] of series) {
      let path = "";
      s.forEach((v, i) => {
        if (v === null) return;
        const x = 40 + i * step;
        const y = 160 - (v / max) * 140;
        path += (path ? " L" : "M") + x.toFixed(1) + " " + y.toFixed(1);
        const dot = el("circle", { cx: x, cy: y, r: 2.5, fill: colour });
        dot.appendChild(el("title", {}, `${data.minutes[i]} ${name}: ${v} ms`));
        svg.appendChild(dot);
      });
      if (path) svg.appendChild(el("path", { d: path, fill: "none", stroke: colour, "stroke-width": 2 }));
    }
    legend(figure, series.map(([name, , colour]) => [name, colour]));
    table(figure, ["minute", "overhead mean ms", "overhead max ms", "upstream mean ms", "upstream max ms"],
      data.minutes.map((m, i) => [m, data.overhead_ms.mean[i], data.overhead_ms.max[i], data.upstream_ms.mean[i],
        data.upstream_ms.max[i]]).filter((row) => row[1] !== null));
  }

  function hbars(figure, counts, what) {
    const entries = Object.entries(counts).slice(0, 8);
    figure.querySelectorAll("svg, .legend, details, p.empty").forEach((n) => n.remove());
    if (!entries.length) {
      const p = document.createElement("p");
      p.className = "empty";
      p.textContent = `No ${what} in the last hour.`;
      figure.appendChild(p);
      return;
    }
    const h = 20;
    const svg = frame(figure, `${what} in the last hour: ` + entries.map(([k, v]) => `${k} ${v}`).join(", "),
      entries.length * h + 10);
    const max = Math.max(1, ...entries.map(([, v]) => v));
    entries.forEach(([name, value], i) => {
      const y = 5 + i * h;
      svg.appendChild(el("text", { x: 170, y: y + h * 0.7, "text-anchor": "end", class: "label" }, name));
      const bar = el("rect", { x: 176, y, width: Math.max((value / max) * 260, 1), height: h - 4,
        fill: PALETTE[i % PALETTE.length] });
      bar.appendChild(el("title", {}, `${name}: ${value}`));
      svg.appendChild(bar);
      svg.appendChild(el("text", { x: 180 + (value / max) * 260, y: y + h * 0.7, class: "value" }, String(value)));
    });
    table(figure, [what, "count"], entries);
  }

  async function refreshTraffic() {
    const root = document.getElementById("traffic-charts");
    if (!root) return;
    try {
      const response = await fetch(root.dataset.src, { credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      stackedBars(document.getElementById("chart-requests"), data);
      lines(document.getElementById("chart-latency"), data);
      hbars(document.getElementById("chart-blocks"), data.blocks_by_clause, "refusals by clause");
      hbars(document.getElementById("chart-entities"), data.findings_by_entity, "findings by entity");
      hbars(document.getElementById("chart-classes"), data.findings_by_data_class, "findings by data class");
      document.getElementById("traffic-summary").textContent =
        `Last hour, counted by gateway process ${data.process}: ${data.totals.requests} requests, ` +
        `${data.totals.blocked} refused or held, ${data.totals.findings} findings. Refreshed every 5 seconds.`;
    } catch (error) {
      // The next refresh tries again; the charts keep their last picture.
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    wireDecisions();
    wireTry();
    if (document.getElementById("traffic-charts")) {
      refreshTraffic();
      setInterval(refreshTraffic, 5000);
    }
  });
})();
