// Areas: how far poverty, income and unemployment go with an area's average scores (scatter, correlations, OLS), which
// model is validated honestly, which areas beat the odds, the maps, and what an area with given figures would score.
// This file holds the page's shared words and opens it; areas-models.js, areas-maps.js and areas-what-if.js add their
// panels to window.gradelensAreas, and every panel is drawn once the page's scripts have all run.
"use strict";

window.gradelensAreas = (() => {
  const { getJson, element, pagedTable } = window.gradelens;
  const { round, pValue, card, chartWithTable, tableWithCsv, csvLink, fileName, errorBox } = window.gradelensCharts;
  const words = {
    poverty_percent: "Poverty %", median_income: "Median household income", unemployment_rate: "Unemployment %",
    child_poverty_percent: "Child poverty % (5-17)", violent_crime_rate: "Violent crime rate", property_crime_rate: "Property crime rate",
    total_revenue: "School revenue", total_instructional_spending: "Instructional spending", percent_spending_of_revenue: "Instruction % of revenue",
    total_expenditure_per_student: "Spending per student", ses_composite: "SES composite",
  };
  const label = (name) => words[name] ?? String(name).replace(/_/g, " ");
  const fixed = (v, d) => (v === null || v === undefined ? "" : round(v, d));
  // A coefficient as read: three decimals, or three significant digits when it is that small (a slope per dollar of income).
  const coefficient = (v) => (v !== 0 && Math.abs(v) < 0.01 ? Number(v).toPrecision(3) : round(v, 3));
  const options = (select, values, labelOf = label, first = null) =>
    select.replaceChildren(...(first ? [new Option(first[1], first[0])] : []), ...values.map((v) => new Option(labelOf(v), v)));
  const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined)).toString();
  const panels = [];

  // A measure against a score: a point per area and year (hover: the area, the year and both figures), the OLS line and its band.
  async function drawScatter() {
    const measure = document.getElementById("scatter-measure").value;
    const score = document.getElementById("scatter-score").value;
    const year = document.getElementById("scatter-year").value;
    const data = await getJson(`/api/areas/scatter?${query({ measure, score, year })}`);
    const when = data.year === null ? "every year" : String(data.year);
    document.getElementById("scatter-title").textContent = data.slope
      ? `${score} against ${label(measure)}, ${when}: ${data.points.length} area-years, r = ${round(data.r, 2)}, slope ${round(data.slope.estimate, 4)} (95% CI ${round(data.slope.lower, 4)} to ${round(data.slope.upper, 4)})`
      : `${score} against ${label(measure)}, ${when}: ${data.reason}`;
    const rows = data.points.map((p) => ({ area: p.area, year: String(p.year), measure: fixed(p.measure, 2), score: fixed(p.score, 1) }));
    const band = data.line;
    chartWithTable({
      chart: "scatter-chart", table: "scatter-table", file: fileName("areas", score, "against", measure, when), rows, className: "area-points",
      traces: [
        { type: "scatter", mode: "lines", x: [...band.map((b) => b.measure), ...band.map((b) => b.measure).reverse()],
          y: [...band.map((b) => b.upper), ...band.map((b) => b.lower).reverse()], fill: "toself", fillcolor: "rgba(47,111,222,0.15)",
          line: { width: 0 }, hoverinfo: "skip", name: "95% CI of the mean" },
        { type: "scatter", mode: "lines", x: band.map((b) => b.measure), y: band.map((b) => b.fitted), line: { color: "#2f6fde", width: 2 }, name: "OLS line",
          hovertemplate: `${label(measure)} %{x}: fitted %{y:.1f}<extra></extra>` },
        { type: "scatter", mode: "markers", x: data.points.map((p) => p.measure), y: data.points.map((p) => p.score), name: "area-years",
          text: data.points.map((p) => `${p.area} ${p.year}`), marker: { color: "#102a43", size: 7, opacity: 0.7 },
          hovertemplate: `%{text}<br>${label(measure)}: %{x}<br>${score}: %{y:.1f}<extra></extra>` },
      ],
      layout: { margin: { l: 60, r: 20, t: 10, b: 60 }, height: 440, showlegend: true, legend: { orientation: "h", y: -0.2 },
        xaxis: { title: { text: label(measure) } }, yaxis: { title: { text: score } } },
      columns: [{ key: "area", label: "Area" }, { key: "year", label: "Year" }, { key: "measure", label: label(measure), number: true },
        { key: "score", label: score, number: true }],
    });
  }

  // Every measure against every score as a heatmap of Pearson's r; the table has the intervals, p, q and Spearman's rho.
  async function drawCorrelations() {
    const ses = document.getElementById("correlations-ses").checked;
    const cells = await getJson(`/api/areas/correlations?${query({ ses: ses ? "true" : "" })}`);
    const measures = [...new Set(cells.map((c) => c.measure))];
    const scores = [...new Set(cells.map((c) => c.score))];
    const find = (m, s) => cells.find((c) => c.measure === m && c.score === s);
    const rows = cells.map((c) => ({ measure: label(c.measure), score: c.score, n: c.n, r: fixed(c.r, 3), lower: fixed(c.lower, 3), upper: fixed(c.upper, 3),
      p: pValue(c.p), q: pValue(c.q), rho: fixed(c.rho, 3), reason: c.reason ?? "" }));
    chartWithTable({
      chart: "correlations-chart", table: "correlations-table", file: fileName("areas", "correlations"), rows, className: "area-correlations",
      traces: [{ type: "heatmap", x: scores, y: measures.map(label), z: measures.map((m) => scores.map((s) => fixed(find(m, s)?.r, 2))),
        texttemplate: "%{z}", colorscale: "RdBu", zmin: -1, zmax: 1, colorbar: { title: { text: "r" } }, xgap: 2, ygap: 2,
        hovertemplate: "%{y} and %{x}: r = %{z}<extra></extra>" }],
      layout: { margin: { l: 200, r: 20, t: 10, b: 90 }, height: Math.max(320, 34 * measures.length + 120),
        xaxis: { type: "category" }, yaxis: { type: "category", autorange: "reversed", automargin: true } },
      columns: [{ key: "measure", label: "Measure" }, { key: "score", label: "Score" }, { key: "n", label: "n", number: true },
        { key: "r", label: "r", number: true }, { key: "lower", label: "95% CI from", number: true }, { key: "upper", label: "to", number: true },
        { key: "p", label: "p", number: true }, { key: "q", label: "q (BH)", number: true }, { key: "rho", label: "Spearman's rho", number: true }],
    });
  }

  // OLS per score: R² and adjusted R² as bars, the coefficients with SE, t, p and 95% CI in a table; the SES loadings when asked.
  async function drawFits() {
    const ses = document.getElementById("fits-ses").checked;
    const set = await getJson(`/api/areas/fits?${query({ ses: ses ? "true" : "" })}`);
    const fitted = set.fits.filter((f) => f.model);
    document.getElementById("fits-title").textContent = `OLS of each score on ${set.measures.map(label).join(", ")}`;
    const rows = set.fits.map((f) => ({ score: f.score, n: f.n, r2: fixed(f.model?.rSquared, 3), adjusted: fixed(f.model?.adjustedRSquared, 3),
      sigma: fixed(f.model?.residualStandardError, 2), reason: f.reason ?? "" }));
    chartWithTable({
      chart: "fits-chart", table: "fits-table", file: fileName("areas", "ols", ses ? "ses" : "measures"), rows, className: "area-fits",
      traces: [
        { type: "bar", name: "R²", x: fitted.map((f) => f.score), y: fitted.map((f) => round(f.model.rSquared, 3)), marker: { color: "#2f6fde" } },
        { type: "bar", name: "Adjusted R²", x: fitted.map((f) => f.score), y: fitted.map((f) => round(f.model.adjustedRSquared, 3)), marker: { color: "#9fb3c8" } },
      ],
      layout: { margin: { l: 60, r: 20, t: 10, b: 80 }, height: 340, barmode: "group", yaxis: { title: { text: "R² (in sample)" }, rangemode: "tozero" } },
      columns: [{ key: "score", label: "Score" }, { key: "n", label: "n", number: true }, { key: "r2", label: "R²", number: true },
        { key: "adjusted", label: "Adjusted R²", number: true }, { key: "sigma", label: "Residual SE", number: true }],
    });
    const coefficients = fitted.flatMap((f) => f.model.coefficients.map((c) => ({ score: f.score, term: c.name === "const" ? "intercept" : label(c.name),
      estimate: coefficient(c.estimate), se: coefficient(c.standardError), t: round(c.t, 2), p: pValue(c.p), lower: coefficient(c.lower), upper: coefficient(c.upper) })));
    const holder = document.getElementById("ses-loadings");
    const parts = [element("h3", { textContent: "Coefficients" }), tableWithCsv(`${fileName("areas", "ols", "coefficients")}.csv`, [
      { key: "score", label: "Score" }, { key: "term", label: "Term" }, { key: "estimate", label: "Coefficient", number: true },
      { key: "se", label: "SE", number: true }, { key: "t", label: "t", number: true }, { key: "p", label: "p", number: true },
      { key: "lower", label: "95% CI from", number: true }, { key: "upper", label: "to", number: true }], coefficients, "area-coefficients")];
    if (set.composite) {
      const loadings = set.composite.loadings.map((l) => ({ measure: label(l.measure), weight: round(l.weight, 3), loading: round(l.loading, 3) }));
      parts.push(element("h3", { textContent: `SES composite: ${round(100 * set.composite.explainedShare, 1)}% of the measures' variance (higher = more disadvantaged)` }),
        tableWithCsv(`${fileName("areas", "ses", "loadings")}.csv`, [{ key: "measure", label: "Measure" }, { key: "weight", label: "Weight", number: true },
          { key: "loading", label: "Loading (r with the composite)", number: true }], loadings, "ses-loadings"));
    }
    holder.replaceChildren(...parts);
    document.getElementById("fits-note").textContent = `Fitted on data version ${set.version.dataVersion}; predictions on this page come from these OLS fits on the study's three measures.`;
  }

  // The join report, loaded when opened: every ZIP, county and area-year that matched nothing.
  async function drawJoinReport() {
    const report = await getJson("/api/areas/join-report");
    const problems = { ZipWithoutCounty: "ZIP without a county", ZipCountyNotFound: "ZIP's county not found", ParentNotFound: "state not found",
      NoFigures: "no figures", ScoresWithoutFigures: "scores without figures", FiguresWithoutScores: "figures without scores", ConflictingValues: "conflicting values" };
    const rows = report.issues.map((i) => ({ problem: problems[i.problem] ?? i.problem, level: i.level, area: i.area, parent: i.parent ?? "", year: i.year === null ? "" : String(i.year), detail: i.detail }));
    const columns = [{ key: "problem", label: "What" }, { key: "level", label: "Level" }, { key: "area", label: "Area" }, { key: "parent", label: "In" },
      { key: "year", label: "Year" }, { key: "detail", label: "Why" }];
    document.getElementById("join-table").replaceChildren(pagedTable(columns, rows, "join-issues", { label: "Find an area" }),
      element("div", { className: "downloads" }, [csvLink(`${fileName("areas", "join", "report")}.csv`, columns, rows)]));
  }

  async function open() {
    const show = errorBox(document.getElementById("areas-error"));
    try {
      const overview = await getJson("/api/areas");
      document.getElementById("areas-standing").textContent = overview.notes[0];
      const join = document.getElementById("join-report");
      join.hidden = false;
      document.getElementById("join-summary").textContent = `Join report: ${overview.joinSummary}`;
      join.addEventListener("toggle", () => { if (join.open) { drawJoinReport().catch((e) => show(e.message)); } }, { once: true });
      if (overview.areas === 0) {
        const empty = document.getElementById("areas-empty");
        empty.hidden = false;
        empty.textContent = "No area has an average score yet: import area scores (such as NAEP's naep.csv) and their measures on the Data page.";
        return;
      }
      document.getElementById("areas-cards").replaceChildren(card("Areas", String(overview.areas)), card("Years", String(overview.years.length),
        `${overview.years[0]}-${overview.years[overview.years.length - 1]}`), card("Area-years", String(overview.areaYears)),
      card("Counties", String(overview.subAreas), overview.subAreaYear ? `figures of ${overview.subAreaYear}` : ""), card("Matched nothing", String(overview.joinIssues), "see the join report"));
      document.getElementById("areas-body").hidden = false;
      const measures = overview.measures.map((m) => m.name);
      const scores = overview.scores.map((s) => s.name);
      options(document.getElementById("scatter-measure"), measures);
      options(document.getElementById("scatter-score"), scores, (s) => s);
      options(document.getElementById("scatter-year"), overview.years, String, ["", "every year"]);
      for (const [id, draw] of [["scatter-measure", drawScatter], ["scatter-score", drawScatter], ["scatter-year", drawScatter], ["correlations-ses", drawCorrelations], ["fits-ses", drawFits]]) {
        document.getElementById(id).addEventListener("change", () => draw().catch((e) => show(e.message)));
      }
      const drawn = [drawScatter(), drawCorrelations(), drawFits(), ...panels.map((panel) => panel(overview))];
      const failures = (await Promise.allSettled(drawn)).filter((r) => r.status === "rejected");
      if (failures.length > 0) { show(failures[0].reason.message); }
    } catch (e) {
      show(`The areas could not be loaded: ${e.message}`);
    }
  }

  document.addEventListener("DOMContentLoaded", open);
  // Each other Areas script adds a panel: a function of the overview that draws it (and redraws it on its controls' changes).
  return { label, fixed, options, query, addPanel: (panel) => panels.push(panel) };
})();
