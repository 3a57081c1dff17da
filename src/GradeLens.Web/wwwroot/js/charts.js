// The dashboard's one chart kit: Plotly's font and config (no cloud or editor button; a PNG named for what the chart
// shows), the one rounding rule, message boxes, cards, the CSV and PNG downloads, and "chart + its table + CSV + PNG"
// in one call. Pages fetch chart-ready records and draw them with these.
"use strict";

window.gradelensCharts = (() => {
  const { element, table, sendJson } = window.gradelens;
  const font = { family: "Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif", size: 13 };

  // The one rounding rule: `digits` decimal places, halves away from zero on the number's decimal digits (so 1.005
  // gives 1.01 and -2.5 gives -3, as C#'s MidpointRounding.AwayFromZero); null for null, undefined, NaN or ±Infinity.
  function round(value, digits) {
    if (typeof value !== "number" || !Number.isFinite(value)) { return null; }
    const magnitude = Math.abs(value);
    const scaled = String(magnitude).includes("e") ? magnitude * 10 ** digits : Number(`${magnitude}e${digits}`);
    const rounded = (Math.sign(value) * Math.round(scaled)) / 10 ** digits;
    return rounded === 0 ? 0 : rounded;
  }

  // A p- or q-value as read: "< 0.001" when tiny, else three decimals.
  const pValue = (p) => (typeof p !== "number" || !Number.isFinite(p) ? null : p < 0.001 ? "< 0.001" : round(p, 3));

  // "gradelens-tracking-english-language": what the chart (and its table) shows, for the PNG's and CSV's file names.
  const fileName = (...parts) => ["gradelens", ...parts].map((part) => String(part ?? "").normalize("NFKC").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "")).filter(Boolean).join("-");

  // A message paragraph that shows its text, or hides when the text is empty: const show = errorBox(node); show("...").
  const errorBox = (node) => (text) => { node.textContent = text; node.hidden = !text; };

  // A page whose data is absent says what it needs in one sentence, as a note (never an error), with the way to the
  // Data page: put before `anchor` (the page's error box), once.
  function needsData(anchor, sentence) {
    const existing = anchor.parentElement?.querySelector(":scope > p.needs-data");
    const note = existing ?? element("p", { className: "note needs-data" });
    note.replaceChildren(`${sentence} `, element("a", { href: "/data", textContent: "Import it on the Data page" }), " (administrators), or ask one to.");
    if (!existing) { anchor.before(note); }
    return note;
  }

  function card(label, value, detail = "", title = "") {
    return element("div", { className: "card", title }, [
      element("div", { className: "label", textContent: label }),
      element("div", { className: "value", textContent: value }),
      ...(detail ? [element("div", { className: "label", dir: "auto", textContent: detail })] : []),
    ]);
  }

  // Downloads are recorded in the audit log (file, page, rows), never their content.
  const audit = (file, rows) => sendJson("/api/audit/exports", { file, page: location.pathname, rows }).catch(() => {});

  // CSV as Core/Exports/CsvText writes it: quoted when it must be, and text a spreadsheet would run as a formula
  // (starting with =, +, -, @, a tab or a carriage return) neutralised by a leading apostrophe (OWASP); numbers never.
  function csv(columns, rows) {
    const quote = (value) => {
      let text = value === null || value === undefined ? "" : String(value);
      if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = [columns.map((c) => quote(c.label)).join(",")];
    for (const row of rows) {
      lines.push(columns.map((c) => quote(row[c.key])).join(","));
    }
    return lines.join("\r\n") + "\r\n";
  }

  // A link that downloads the rows as UTF-8 CSV (with a byte-order mark, so spreadsheet programs read Arabic right).
  function csvLink(file, columns, rows) {
    const link = element("a", {
      className: "export", textContent: "Download CSV", download: file,
      href: "data:text/csv;charset=utf-8," + encodeURIComponent("\uFEFF" + csv(columns, rows)),
    });
    link.addEventListener("click", () => audit(file, rows.length));
    return link;
  }

  // The chart as a PNG named for what it shows; the mode bar's camera and the button under the table both come here.
  function downloadPng(chart) {
    const node = typeof chart === "string" ? document.getElementById(chart) : chart;
    const file = `${node.dataset.file || "gradelens-chart"}.png`;
    audit(file, Number(node.dataset.rows || 0));
    return Plotly.downloadImage(node, { format: "png", filename: file.slice(0, -4), scale: 2 });
  }

  function pngButton(chartId) {
    const button = element("button", { type: "button", className: "png-export", textContent: "Download PNG" });
    button.addEventListener("click", () => downloadPng(chartId));
    return button;
  }

  function tableWithCsv(file, columns, rows, className = "") {
    return element("div", { className: "table-card" }, [table(columns, rows, className), element("div", { className: "downloads" }, [csvLink(file, columns, rows)])]);
  }

  // Nothing leaves the server from a chart: no Plotly cloud, no editor, no logo; the camera downloads a named PNG.
  const removed = ["toImage", "sendChartToCloud", "editInChartStudio", "downloadJson", "select2d", "lasso2d", "drawline",
    "drawopenpath", "drawclosedpath", "drawcircle", "drawrect", "eraseshape", "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian"];
  function config(file) {
    return {
      responsive: true, displaylogo: false, showSendToCloud: false, showEditInChartStudio: false, plotlyServerURL: "",
      modeBarButtonsToRemove: removed,
      modeBarButtonsToAdd: [{ name: "downloadPng", title: "Download plot as a PNG", icon: Plotly.Icons.camera, click: (gd) => downloadPng(gd) }],
      toImageButtonOptions: { format: "png", filename: file, scale: 2 },
    };
  }

  // The house layout: the font, no label under 12 px, margins that leave a narrow screen a plot, and heatmap numbers
  // only where their cells have room for them.
  function layoutFor(node, layout, traces) {
    const width = node.clientWidth || 800;
    const margin = { ...(layout.margin ?? {}) };
    if (width < 640) {
      margin.l = Math.min(margin.l ?? 80, Math.round(width * 0.35));
      margin.r = Math.min(margin.r ?? 80, 40);
    }
    for (const trace of traces) {
      if (trace.type === "heatmap" && trace.texttemplate) {
        trace.textfont = { size: 12, ...(trace.textfont ?? {}) };
        const columns = new Set(trace.x ?? []).size || 1;
        if ((width - (margin.l ?? 80) - (margin.r ?? 80)) / columns < 44) { delete trace.texttemplate; }
      }
    }
    return { ...layout, margin, font, hoverlabel: { font }, uniformtext: { minsize: 12, mode: "show" } };
  }

  // Draws one chart; `file` names its PNG ("gradelens-..."), `rows` is what the audit log records for it.
  function plot(id, traces, layout, file, rows = 0) {
    const node = document.getElementById(id);
    node.hidden = false;
    node.dataset.file = file;
    node.dataset.rows = String(rows);
    return Plotly.newPlot(node, traces, layoutFor(node, layout, traces), config(file));
  }

  function hideChart(id) {
    const node = document.getElementById(id);
    Plotly.purge(node);
    node.hidden = true;
  }

  // A chart's table with its CSV and the chart's PNG under it (a re-sorted table is drawn again with this alone).
  function chartTable(chartId, file, columns, rows, className = "") {
    return element("div", { className: "table-card" }, [
      table(columns, rows, className),
      element("div", { className: "downloads" }, [csvLink(`${file}.csv`, columns, rows), pngButton(chartId)]),
    ]);
  }

  // Chart + its table + CSV + PNG in one call: { chart, table, file, traces, layout, columns, rows, className }. The
  // table goes beside its chart when every column fits there, else under it (it never hides a column); the chart is
  // drawn once that is settled, at the width it will keep.
  function chartWithTable({ chart, table: tableId, file, traces, layout, columns, rows, className = "" }) {
    const holder = document.getElementById(tableId);
    const grid = holder.closest(".chart-with-table");
    grid?.classList.remove("stacked");
    holder.replaceChildren(chartTable(chart, file, columns, rows, className));
    const wrap = holder.querySelector(".table-wrap");
    if (grid && wrap.scrollWidth > wrap.clientWidth + 1) { grid.classList.add("stacked"); }
    return plot(chart, traces, layout, file, rows.length);
  }

  return { font, round, pValue, fileName, errorBox, needsData, card, csv, csvLink, tableWithCsv, downloadPng, config, plot, hideChart, chartTable, chartWithTable };
})();
