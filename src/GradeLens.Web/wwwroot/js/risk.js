// Risk: the at-risk model's honest evaluation: cross-validated AUC with its interval, Brier score and log-loss,
// a reliability diagram, AUC per protected group, and odds ratios. Every chart has its table and CSV.
"use strict";

(async () => {
  const { getJson, element, shown } = window.gradelens;
  const { round, pValue, card, chartWithTable, fileName, errorBox, hideChart } = window.gradelensCharts;
  const form = window.gradelensModelForm;
  const status = document.getElementById("risk-status");
  const show = errorBox(document.getElementById("risk-error"));
  const fixed = (v, d) => (v === null || v === undefined ? "n/a" : v.toFixed(d));
  let latest = 0;

  async function draw(params) {
    const ticket = ++latest;
    show("");
    status.hidden = false;
    try {
      const data = await getJson(`/api/risk?${params}`);
      if (ticket !== latest) { return; }
      const r = data.report;
      document.getElementById("risk-title").textContent =
        `${data.outcome}${data.cutoff ? `, as of ${data.cutoff}` : ""}: ${r.positives} of ${r.students} students (${r.folds}-fold cross-validation, seed ${r.seed})`;
      document.getElementById("risk-fitted").textContent = form.fitted(data);
      document.getElementById("risk-cards").replaceChildren(
        card("AUC", fixed(round(r.auc.auc, 3), 3), "", "Out-of-fold"),
        card("AUC 95% CI", `${fixed(round(r.auc.lower, 3), 3)}–${fixed(round(r.auc.upper, 3), 3)}`, "", "DeLong"),
        card("Brier", fixed(round(r.calibratedBrier, 4), 4), "", `After ${r.calibration} calibration; before ${round(r.brier, 4)}`),
        card("Log-loss (nats)", fixed(round(r.calibratedLogLoss, 4), 4), "", `After ${r.calibration} calibration; before ${round(r.logLoss, 4)}`),
        card("Features", String(r.features)));
      document.getElementById("risk-notes").replaceChildren(
        ...r.warnings.map((w) => element("li", { className: "warning", textContent: `Warning: ${w}` })),
        ...data.notes.map((n) => element("li", { textContent: n })),
        ...form.missingNotes(data.missing),
        element("li", { textContent: `Scores from: ${data.featureSeries.length ? data.featureSeries.join(", ") : "no earlier series"}.` }));

      const file = (what) => fileName("risk", data.subject, data.series, what);
      const bins = r.reliability.map((b) => ({ bin: `${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`, students: b.students, predicted: round(b.meanPredicted, 3), observed: round(b.observedRate, 3) }));
      chartWithTable({
        chart: "reliability-chart", table: "reliability-table", file: file("reliability"), rows: bins, className: "reliability",
        traces: [
          { type: "scatter", mode: "lines", x: [0, 1], y: [0, 1], line: { dash: "dash", color: "#8a8f98" }, name: "Perfect", hoverinfo: "skip" },
          { type: "scatter", mode: "lines+markers", name: "Model", x: bins.map((b) => b.predicted), y: bins.map((b) => b.observed),
            marker: { size: bins.map((b) => 6 + Math.sqrt(b.students)), color: "#2f6fde" }, text: bins.map((b) => `${b.students} students`),
            hovertemplate: "predicted %{x:.2f}, observed %{y:.2f} (%{text})<extra></extra>" },
        ],
        layout: { margin: { l: 60, r: 20, t: 10, b: 50 }, height: 400, showlegend: false,
          xaxis: { title: { text: "Mean predicted risk" }, range: [0, 1] }, yaxis: { title: { text: "Observed rate" }, range: [0, 1] } },
        columns: [
          { key: "bin", label: "Risk bin" }, { key: "students", label: "Students", number: true },
          { key: "predicted", label: "Mean predicted", number: true }, { key: "observed", label: "Observed", number: true },
        ],
      });

      const groups = r.fairness.map((g) => ({
        group: `${g.attribute}: ${shown(g.group)}`, students: g.suppressed ? "suppressed" : g.students, positives: g.positives,
        auc: g.auc ? round(g.auc.auc, 3) : null, lower: g.auc ? round(g.auc.lower, 3) : null, upper: g.auc ? round(g.auc.upper, 3) : null,
        meanRisk: round(g.meanRisk, 3), observed: round(g.observedRate, 3),
      }));
      const withAuc = groups.filter((g) => g.auc !== null);
      if (groups.length === 0) {
        hideChart("fairness-chart");
        document.getElementById("fairness-table").replaceChildren(element("p", { className: "note", textContent: "No protected attribute is recorded for these students." }));
      } else {
        chartWithTable({
          chart: "fairness-chart", table: "fairness-table", file: file("auc-by-group"), rows: groups, className: "fairness",
          traces: [{
            type: "scatter", mode: "markers", x: withAuc.map((g) => g.auc), y: withAuc.map((g) => g.group),
            error_x: { type: "data", symmetric: false, array: withAuc.map((g) => g.upper - g.auc), arrayminus: withAuc.map((g) => g.auc - g.lower) },
            marker: { size: 10, color: "#2f6fde" }, hovertemplate: "%{y}: AUC %{x:.3f}<extra></extra>",
          }],
          layout: { margin: { l: 160, r: 20, t: 10, b: 50 }, height: Math.max(220, 50 * withAuc.length + 80),
            xaxis: { title: { text: "AUC (95% CI)" }, range: [0.4, 1] }, yaxis: { automargin: true, type: "category" },
            shapes: [{ type: "line", x0: r.auc.auc, x1: r.auc.auc, yref: "paper", y0: 0, y1: 1, line: { dash: "dot", color: "#333" } }] },
          columns: [
            { key: "group", label: "Group" }, { key: "students", label: "Students", number: true }, { key: "positives", label: "With outcome", number: true },
            { key: "auc", label: "AUC", number: true }, { key: "lower", label: "CI low", number: true }, { key: "upper", label: "CI high", number: true },
            { key: "meanRisk", label: "Mean risk", number: true }, { key: "observed", label: "Observed", number: true },
          ],
        });
      }

      // An odds ratio the data cannot estimate is listed with the reason, never drawn.
      const odds = r.oddsRatios.filter((o) => o.ratio !== null).sort((a, b) => a.ratio - b.ratio).map((o) => ({
        feature: o.feature, ratio: round(o.ratio, 3), lower: round(o.lower, 3), upper: round(o.upper, 3), p: pValue(o.p),
      }));
      document.getElementById("odds-flags").replaceChildren(...form.notShownNotes(r.oddsRatios.filter((o) => o.ratio === null)));
      chartWithTable({
        chart: "odds-chart", table: "odds-table", file: file("odds-ratios"), rows: [...odds].reverse(), className: "odds-ratios",
        traces: [{
          type: "scatter", mode: "markers", x: odds.map((o) => o.ratio), y: odds.map((o) => o.feature),
          error_x: { type: "data", symmetric: false, array: odds.map((o) => o.upper - o.ratio), arrayminus: odds.map((o) => o.ratio - o.lower) },
          marker: { size: 9, color: odds.map((o) => (o.lower > 1 ? "#c62828" : o.upper < 1 ? "#2e7d32" : "#8a8f98")) },
          hovertemplate: "%{y}: odds ratio %{x:.3f}<extra></extra>",
        }],
        layout: { margin: { l: 200, r: 20, t: 10, b: 50 }, height: Math.max(300, 22 * odds.length + 80),
          xaxis: { type: "log", title: { text: "Odds ratio (log scale)" } }, yaxis: { automargin: true, type: "category" },
          shapes: [{ type: "line", x0: 1, x1: 1, yref: "paper", y0: 0, y1: 1, line: { dash: "dash", color: "#333" } }] },
        columns: [
          { key: "feature", label: "Feature" }, { key: "ratio", label: "Odds ratio", number: true },
          { key: "lower", label: "CI low", number: true }, { key: "upper", label: "CI high", number: true }, { key: "p", label: "p", number: true },
        ],
      });
    } catch (e) {
      if (ticket === latest) { show(`The model could not be trained: ${e.message}`); }
    } finally {
      if (ticket === latest) { status.hidden = true; }
    }
  }

  async function drawAll(params) {
    await Promise.all([draw(params), form.drawCurve("curve-chart", "curve-table", params)]);
  }

  try {
    const needs = await form.init(drawAll);
    if (needs) {
      form.needs(document.getElementById("risk-error"), needs);
      return;
    }
    await drawAll(form.query());
  } catch (e) {
    show(`The series could not be loaded: ${e.message}`);
  }
})();
