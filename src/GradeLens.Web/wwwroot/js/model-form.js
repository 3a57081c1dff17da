// The at-risk model's choices, shared by the Risk, Triage and Students pages: the target (a series x subject that exists,
// or a student outcome column and the values to warn of), the outcome threshold, the cutoff, protected attributes and
// calibration. Filled from /api/models/targets: every menu offers only what exists given the other choices, and the form
// opens on the target with the most students.
"use strict";

window.gradelensModelForm = (() => {
  const { getJson, element } = window.gradelens;
  const columnPrefix = "column:";
  let targets = null;

  const byId = (id) => document.getElementById(id);
  const isColumn = () => byId("target-series").value.startsWith(columnPrefix);
  const columnOf = (value) => targets.outcomeColumns.find((c) => columnPrefix + c.column === value);

  // Subjects of the chosen series (most students first), or the chosen outcome column's values (several may be chosen).
  function fillSubjects(preferred) {
    const subject = byId("target-subject");
    const chosen = byId("target-series").value;
    const column = columnOf(chosen);
    subject.multiple = Boolean(column);
    subject.size = column ? Math.min(4, column.levels.length) : 1;
    subject.setAttribute("aria-label", column ? "Values to warn of" : "Subject");
    const options = column
      ? column.levels.map((l) => new Option(`${l.value} (${l.students})`, l.value))
      : targets.targets.filter((t) => t.series === chosen && t.trainable).map((t) => new Option(`${t.subject} (${t.students})`, t.subject));
    subject.replaceChildren(...options);
    if (column) {
      // The rarest value is the outcome to warn of until the user chooses.
      subject.options[subject.options.length - 1].selected = true;
    } else if (preferred && options.some((o) => o.value === preferred)) {
      subject.value = preferred;
    }
    const below = byId("below");
    if (below) { below.disabled = Boolean(column); }
  }

  // The cutoffs that exist for the target: every series before it (a column target: every series).
  function fillCutoffs() {
    const cutoff = byId("cutoff");
    if (!cutoff) { return; }
    const target = targets.targets.find((t) => t.series === byId("target-series").value);
    const earlier = target ? target.earlierSeries : [...new Set(targets.tables.map((t) => t.series))];
    cutoff.replaceChildren(new Option("every earlier series", ""), ...earlier.map((s) => new Option(`as of ${s}`, s)));
  }

  // Null when the form is ready; otherwise the one sentence saying what the page needs.
  async function init(onChange) {
    targets = await getJson("/api/models/targets");
    if (!targets.defaultTarget) { return targets.needs; }
    const series = byId("target-series");
    const names = [...new Set(targets.targets.filter((t) => t.trainable).map((t) => t.series))];
    series.replaceChildren(...names.map((s) => new Option(s, s)),
      ...targets.outcomeColumns.map((c) => new Option(`${c.column} (student outcome)`, columnPrefix + c.column)));
    series.value = targets.defaultTarget.series;
    fillSubjects(targets.defaultTarget.subject);
    fillCutoffs();
    series.addEventListener("change", () => { fillSubjects(null); fillCutoffs(); onChange(query()); });
    for (const id of ["target-subject", "below", "include-protected", "calibration", "cutoff"]) {
      const control = byId(id);
      if (control) { control.addEventListener("change", () => onChange(query())); }
    }
    return null;
  }

  function query() {
    const params = new URLSearchParams();
    const subject = byId("target-subject");
    if (isColumn()) {
      params.set("targetColumn", byId("target-series").value.slice(columnPrefix.length));
      params.set("positive", [...subject.selectedOptions].map((o) => o.value).join(","));
    } else {
      params.set("series", byId("target-series").value);
      params.set("subject", subject.value);
      const below = byId("below");
      if (below && below.value !== "") { params.set("below", below.value); }
    }
    const cutoff = byId("cutoff");
    if (cutoff && cutoff.value !== "") { params.set("cutoff", cutoff.value); }
    const includeProtected = byId("include-protected");
    if (includeProtected && includeProtected.checked) { params.set("includeProtected", "true"); }
    const calibration = byId("calibration");
    if (calibration) { params.set("calibration", calibration.value); }
    return params;
  }

  // What the page needs, in one sentence with a link to the Data page: a note before the page's error box (which stays
  // hidden: absent data is not an error).
  function needs(node, sentence) {
    const note = node.parentElement?.querySelector(":scope > p.needs-data") ?? element("p", { className: "note needs-data" });
    note.replaceChildren(element("span", { textContent: `${sentence} ` }), element("a", { href: "/data", textContent: "Go to Data" }));
    if (!note.isConnected) { node.before(note); }
    node.hidden = true;
  }

  // "Fitted at 14:02 on the data of 1 Dec" (the kept model's time and data version).
  function fitted(data) {
    if (!data || !data.fitted) { return ""; }
    const at = new Date(data.fitted.fittedAt);
    const imports = data.fitted.dataVersion.split("|")[1];
    return `Model fitted at ${at.toLocaleTimeString()} on ${at.toLocaleDateString()} (in ${data.fitted.seconds.toFixed(1)} s)` +
      `${imports ? ` on the data after import ${imports}` : ""}; kept until the data changes.`;
  }

  // The honest early-warning curve: the same target fitted as of each earlier series, its cross-validated AUC with 95% CI.
  async function drawCurve(chartId, tableId, params) {
    const chart = byId(chartId);
    if (!chart) { return; }
    const { round, chartWithTable } = window.gradelensCharts;
    const curve = new URLSearchParams(params);
    curve.delete("cutoff");
    try {
      const points = await getJson(`/api/risk/curve?${curve}`);
      const rows = points.map((p) => ({ cutoff: p.cutoff, features: p.features, auc: p.auc ? round(p.auc.auc, 3) : null,
        lower: p.auc ? round(p.auc.lower, 3) : null, upper: p.auc ? round(p.auc.upper, 3) : null, note: p.notFitted ?? "" }));
      const drawn = rows.filter((r) => r.auc !== null);
      chartWithTable({
        chart: chartId, table: tableId, file: window.gradelensCharts.fileName("risk", "auc-by-cutoff"), rows, className: "auc-by-cutoff",
        traces: [{ type: "scatter", mode: "lines+markers", x: drawn.map((r) => r.cutoff), y: drawn.map((r) => r.auc), marker: { size: 9, color: "#2f6fde" },
          error_y: { type: "data", symmetric: false, array: drawn.map((r) => r.upper - r.auc), arrayminus: drawn.map((r) => r.auc - r.lower) },
          hovertemplate: "as of %{x}: AUC %{y:.3f}<extra></extra>" }],
        layout: { margin: { l: 60, r: 20, t: 10, b: 60 }, height: 300, xaxis: { type: "category", title: { text: "Model fitted as of" } },
          yaxis: { title: { text: "Cross-validated AUC" }, range: [0.4, 1] } },
        columns: [{ key: "cutoff", label: "As of" }, { key: "features", label: "Features", number: true }, { key: "auc", label: "AUC", number: true },
          { key: "lower", label: "CI low", number: true }, { key: "upper", label: "CI high", number: true }, { key: "note", label: "Note" }],
      });
    } catch (e) {
      byId(tableId).replaceChildren(element("p", { className: "note", textContent: `The early-warning curve could not be drawn: ${e.message}` }));
    }
  }

  // One line for every feature with missing values, however many there are.
  function missingNotes(missing) {
    if (!missing.length) { return []; }
    return [element("li", { textContent: "Missing values (each carried by a missing-value indicator or the level \"(missing)\"): " +
      missing.map((m) => `${m.feature} ${m.missing} of ${m.rows}`).join("; ") + "." })];
  }

  // Odds ratios not shown, one line per reason, naming the features.
  function notShownNotes(odds) {
    return [...Map.groupBy(odds, (o) => o.notShown)].map(([reason, list]) =>
      element("li", { className: "warning", textContent: `${list.map((o) => o.feature).join(", ")}: ${reason}` }));
  }

  return { init, query, needs, fitted, drawCurve, missingNotes, notShownNotes, targets: () => targets };
})();
