// Areas, models: OLS, ridge, a random forest and boosted trees scored by cross-validation grouped by area, forward in
// time and by the (optimistic) random split, with the model the page uses and why; then beating the odds: each area's
// actual score against its leave-area-out 95% prediction interval in a year, and how persistent that is.
"use strict";

(() => {
  const { getJson, element } = window.gradelens;
  const { round, chartWithTable, tableWithCsv, fileName, errorBox } = window.gradelensCharts;
  const { fixed, options, query, addPanel } = window.gradelensAreas;
  const validations = { GroupedByArea: "grouped by area", ForwardInTime: "forward in time", RandomSplit: "random split (optimistic)" };
  const colours = { OLS: "#2f6fde", Ridge: "#67a9cf", "Random forest": "#2ca25f", "Boosted trees": "#e08214" };

  async function drawModels() {
    const status = document.getElementById("models-status");
    const show = errorBox(document.getElementById("models-error"));
    status.hidden = false;
    try {
      const comparison = await getJson("/api/areas/models");
      document.getElementById("models-choice").textContent = comparison.scores.length === 0
        ? comparison.choice.reason
        : `The page uses ${comparison.choice.model}. ${comparison.choice.reason} Predictions, intervals and flags on this page are OLS's.`;
      const rows = comparison.scores.flatMap((s) => s.results.map((r) => ({
        score: s.score, model: r.model, validation: validations[r.validation] ?? r.validation, r2: fixed(r.rSquared, 3), se: fixed(r.rSquaredStandardError, 3),
        rmse: fixed(r.rmse, 2), mae: fixed(r.mae, 2), train: r.trainRows, test: r.testRows, settings: r.reason ?? r.settings })));
      const grouped = comparison.scores.flatMap((s) => s.results.filter((r) => r.validation === "GroupedByArea").map((r) => ({ ...r, score: s.score })));
      const random = comparison.scores.flatMap((s) => s.results.filter((r) => r.validation === "RandomSplit" && r.model === "OLS").map((r) => ({ ...r, score: s.score })));
      const models = [...new Set(grouped.map((r) => r.model))];
      chartWithTable({
        chart: "models-chart", table: "models-table", file: fileName("areas", "model", "comparison"), rows, className: "area-models",
        traces: [
          ...models.map((m) => {
            const mine = grouped.filter((r) => r.model === m);
            return { type: "bar", name: `${m} (grouped by area)`, x: mine.map((r) => r.score), y: mine.map((r) => fixed(r.rSquared, 3)), marker: { color: colours[m] },
              error_y: { type: "data", array: mine.map((r) => (r.rSquaredStandardError === null ? 0 : 2 * r.rSquaredStandardError)), visible: true },
              hovertemplate: `${m}, %{x}: cross-validated R² %{y} (±2 SE)<extra></extra>` };
          }),
          { type: "scatter", mode: "markers", name: "OLS, random split (optimistic)", x: random.map((r) => r.score), y: random.map((r) => fixed(r.rSquared, 3)),
            marker: { symbol: "diamond-open", size: 12, color: "#b42318", line: { width: 2 } }, hovertemplate: "OLS, %{x}, random split: R² %{y} (optimistic)<extra></extra>" },
        ],
        layout: { margin: { l: 60, r: 20, t: 10, b: 90 }, height: 400, barmode: "group", legend: { orientation: "h", y: -0.25 },
          yaxis: { title: { text: "R² on held-out areas" } } },
        columns: [{ key: "score", label: "Score" }, { key: "model", label: "Model" }, { key: "validation", label: "Validation" },
          { key: "r2", label: "R²", number: true }, { key: "se", label: "SE over folds", number: true }, { key: "rmse", label: "RMSE", number: true },
          { key: "mae", label: "MAE", number: true }, { key: "train", label: "Train rows", number: true }, { key: "test", label: "Test rows", number: true },
          { key: "settings", label: "Settings" }],
      });
    } catch (e) {
      show(`The models could not be compared: ${e.message}`);
    } finally {
      status.hidden = true;
    }
  }

  // One year's areas, worst to best against expectation: the 95% prediction interval (a bar around the prediction) and the actual score.
  async function drawOdds() {
    const score = document.getElementById("odds-score").value;
    const year = document.getElementById("odds-year").value;
    const result = await getJson(`/api/areas/residuals?${query({ score, year })}`);
    const note = document.getElementById("odds-note");
    if (!result.areaYears) {
      note.textContent = result.reason;
      return;
    }
    const years = [...result.areaYears].sort((a, b) => a.residual - b.residual);
    note.textContent = `${result.method} Above or below only when the actual score lies outside the interval; an area is persistently above or below when it was so in at least two years and in more than half of its years.`;
    const colour = { Above: "#067647", Below: "#b42318", Within: "#616e7c" };
    const rows = years.map((r) => ({ area: r.area, actual: fixed(r.actual, 1), predicted: fixed(r.predicted, 1), lower: fixed(r.lower, 1), upper: fixed(r.upper, 1),
      residual: fixed(r.residual, 1), verdict: r.verdict }));
    chartWithTable({
      chart: "odds-chart", table: "odds-table", file: fileName("areas", "beating", "the", "odds", score, year), rows, className: "area-residuals",
      traces: [
        { type: "scatter", mode: "markers", name: "predicted, with its 95% prediction interval", x: years.map((r) => r.area), y: years.map((r) => round(r.predicted, 1)),
          error_y: { type: "data", symmetric: false, array: years.map((r) => round(r.upper - r.predicted, 1)), arrayminus: years.map((r) => round(r.predicted - r.lower, 1)), color: "#9fb3c8" },
          marker: { color: "#9fb3c8", size: 6 }, hovertemplate: "%{x}: predicted %{y}<extra></extra>" },
        { type: "scatter", mode: "markers", name: "actual", x: years.map((r) => r.area), y: years.map((r) => round(r.actual, 1)),
          marker: { color: years.map((r) => colour[r.verdict]), size: 9, symbol: "circle" },
          text: years.map((r) => `${r.verdict}: ${round(r.residual, 1)} points against the prediction`), hovertemplate: "%{x}: actual %{y}<br>%{text}<extra></extra>" },
      ],
      layout: { margin: { l: 60, r: 20, t: 10, b: 140 }, height: 460, legend: { orientation: "h", y: 1.08 },
        xaxis: { type: "category", tickangle: -60, automargin: true }, yaxis: { title: { text: score } } },
      columns: [{ key: "area", label: "Area" }, { key: "actual", label: "Actual", number: true }, { key: "predicted", label: "Predicted", number: true },
        { key: "lower", label: "95% PI from", number: true }, { key: "upper", label: "to", number: true }, { key: "residual", label: "Actual − predicted", number: true },
        { key: "verdict", label: "Against expectation" }],
    });
    const persistence = result.areas.map((a) => ({ area: a.area, years: a.years, above: a.above, below: a.below, within: a.within,
      mean: fixed(a.meanResidual, 1), verdict: a.verdict === "Within" ? "within expectation" : `persistently ${a.verdict.toLowerCase()}` }));
    document.getElementById("persistence-table").replaceChildren(tableWithCsv(`${fileName("areas", "persistence", score)}.csv`, [
      { key: "area", label: "Area" }, { key: "years", label: "Years", number: true }, { key: "above", label: "Above", number: true },
      { key: "below", label: "Below", number: true }, { key: "within", label: "Within", number: true }, { key: "mean", label: "Mean residual", number: true },
      { key: "verdict", label: "Verdict" }], persistence, "area-persistence"), element("p", { className: "note",
      textContent: `${persistence.filter((p) => p.verdict !== "within expectation").length} of ${persistence.length} areas are persistently above or below expectation in ${score}.` }));
  }

  // The comparison cross-validates four models three ways on every score (tens of seconds on a busy server, then kept
  // until the data changes): it starts when its panel comes into view, so the rest of the page never waits for it.
  function whenSeen(node, draw) {
    if (!("IntersectionObserver" in window)) { draw(); return; }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { observer.disconnect(); draw(); }
    }, { rootMargin: "200px" });
    observer.observe(node);
  }

  addPanel(async (overview) => {
    const show = errorBox(document.getElementById("areas-error"));
    options(document.getElementById("odds-score"), overview.modelScores, (s) => s);
    options(document.getElementById("odds-year"), [...overview.years].reverse(), String);
    for (const id of ["odds-score", "odds-year"]) {
      document.getElementById(id).addEventListener("change", () => drawOdds().catch((e) => show(e.message)));
    }
    document.getElementById("models-choice").textContent = "The comparison runs when this panel is in view: four models, three ways of validating them, every score.";
    whenSeen(document.getElementById("models-chart"), drawModels);
    await drawOdds();
  });
})();
