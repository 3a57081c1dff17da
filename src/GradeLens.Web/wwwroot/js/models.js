// Models: predict a score (OLS or a random forest) or "below a score" (logistic regression or a forest) from chosen columns of a series, with
// cross-validated figures, permutation importance and coefficients; an earlier study's figure beside them when known.
"use strict";

(async () => {
  const { getJson, tableWithCsv, element } = window.gradelens;
  const series = document.getElementById("model-series");
  const outcome = document.getElementById("model-outcome");
  const features = document.getElementById("model-features");
  const error = document.getElementById("model-error");
  const status = document.getElementById("model-status");
  const font = { family: "Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif" };
  const show = (text) => { error.textContent = text; error.hidden = !text; };
  const round = (v, d = 3) => (v === null || v === undefined ? null : Math.round(v * 10 ** d) / 10 ** d);
  const card = (label, value, title = "") =>
    element("div", { className: "card", title }, [element("div", { className: "label", textContent: label }), element("div", { className: "value", textContent: value })]);

  // The outcome cannot predict itself: its own box is unticked and disabled.
  function syncOutcome() {
    for (const box of features.querySelectorAll("input")) {
      box.disabled = box.value === outcome.value;
      if (box.disabled) { box.checked = false; }
    }
  }

  const pValue = (p) => (p < 0.001 ? p.toExponential(2) : String(round(p, 3)));

  async function loadColumns() {
    const columns = await getJson(`/api/models/columns?series=${encodeURIComponent(series.value)}`);
    outcome.replaceChildren(...columns.scores.map((s) => new Option(s, s)));
    // Attributes by default (protected ones left out); a table with none starts from its other scores.
    const anyAttribute = columns.attributes.some((a) => !columns.protected.includes(a));
    const boxes = [...columns.scores.map((s) => ({ name: s, checked: !anyAttribute && s !== outcome.value })),
      ...columns.attributes.map((a) => ({ name: a, checked: !columns.protected.includes(a), protectedAttribute: columns.protected.includes(a) }))];
    features.replaceChildren(element("legend", { textContent: "From" }), ...boxes.map((b) => {
      const box = element("input", { type: "checkbox", value: b.name, checked: b.checked });
      return element("label", { title: b.protectedAttribute ? "A protected attribute: left out unless you include it knowingly" : "" },
        [box, ` ${b.name}${b.protectedAttribute ? " (protected)" : ""}`]);
    }));
    syncOutcome();
  }

  // Only the latest request draws: an earlier fit that answers late (the page's first fit, say) never overwrites a newer one.
  let latest = 0;

  async function fit() {
    const ticket = ++latest;
    show("");
    status.hidden = false;
    try {
      const chosen = [...features.querySelectorAll("input:checked")].map((b) => b.value).filter((f) => f !== outcome.value);
      if (chosen.length === 0) {
        show("Choose at least one column to predict from.");
        return;
      }
      const params = new URLSearchParams({ series: series.value, outcome: outcome.value, features: chosen.join(",") });
      const below = document.getElementById("model-below").value;
      if (below !== "") { params.set("below", below); }
      if (document.getElementById("model-method").value === "forest") { params.set("forest", "true"); }
      const data = await getJson(`/api/models?${params}`);
      if (ticket !== latest) { return; }
      const r = data.result;
      document.getElementById("model-title").textContent = `${r.outcome} in ${r.series}: ${r.method}, ${r.students} students, ${r.folds}-fold cross-validation`;
      const cards = r.cvRSquared !== null
        ? [card("CV R²", round(r.cvRSquared).toFixed(3), "Mean over folds"), card("CV RMSE", round(r.cvRmse, 2).toFixed(2)), card("CV MAE", round(r.cvMae, 2).toFixed(2))]
        : [card("CV AUC", round(r.cvAuc).toFixed(3), "Mean over folds"), card("CV accuracy", round(r.cvAccuracy).toFixed(3))];
      if (r.ols) { cards.push(card("In-sample R²", round(r.ols.rSquared).toFixed(3))); }
      if (data.published) { cards.push(card("Earlier study R²", data.published.rSquared.toFixed(3), `${data.published.study}: ${data.published.method}`)); }
      document.getElementById("model-cards").replaceChildren(...cards);
      document.getElementById("model-published").textContent = data.published
        ? `${data.published.study} reported R² ${data.published.rSquared} (${data.published.method}); GradeLens shows the mean over ${r.folds} folds, every student held out once. ` +
          "Protected attributes (gender, race/ethnicity) are left out by default; tick them to fit on all five columns."
        : "";

      const importance = r.importance.map((i) => ({ feature: i.feature, drop: round(i.drop, 4) }));
      const shown = [...importance].reverse();
      Plotly.newPlot("importance-chart", [{ type: "bar", orientation: "h", y: shown.map((i) => i.feature), x: shown.map((i) => i.drop), marker: { color: "#2f6fde" },
        hovertemplate: "%{y}: %{x}<extra></extra>" }],
      { margin: { l: 200, r: 20, t: 10, b: 50 }, height: Math.max(240, 30 * shown.length + 80), font,
        xaxis: { title: { text: r.cvRSquared !== null ? "Drop in held-out R²" : "Drop in held-out AUC" } }, yaxis: { automargin: true, type: "category" } },
      { responsive: true, displaylogo: false });
      document.getElementById("importance-table").replaceChildren(tableWithCsv("gradelens-model-importance.csv",
        [{ key: "feature", label: "Feature" }, { key: "drop", label: "Drop", number: true }], importance, "model-importance"));

      const coefficientsPanel = document.getElementById("coefficients-title").parentElement;
      coefficientsPanel.hidden = !r.ols && !r.oddsRatios;
      if (coefficientsPanel.hidden) { return; }
      const coefficients = r.ols
        ? r.ols.coefficients.map((c) => ({ name: c.name, estimate: round(c.estimate), se: round(c.standardError), p: pValue(c.p) }))
        : r.oddsRatios.map((o) => ({ name: o.feature, estimate: round(o.ratio), se: round(o.standardError), p: pValue(o.p) }));
      document.getElementById("coefficients-title").textContent = r.ols ? "Coefficients (points per unit; categories against their reference level)" : "Odds ratios per unit";
      const bars = coefficients.filter((c) => c.name !== "const");
      Plotly.newPlot("coefficients-chart", [{ type: "bar", orientation: "h", y: bars.map((c) => c.name), x: bars.map((c) => c.estimate),
        error_x: r.ols ? { type: "data", array: bars.map((c) => 1.96 * c.se) } : undefined,
        marker: { color: bars.map((c) => (Number(c.p) < 0.05 ? "#2f6fde" : "#9fb3c8")) }, hovertemplate: "%{y}: %{x}<extra></extra>" }],
      { margin: { l: 260, r: 20, t: 10, b: 50 }, height: Math.max(260, 24 * bars.length + 80), font,
        xaxis: { title: { text: r.ols ? "Coefficient (95% CI)" : "Odds ratio" }, type: r.ols ? "linear" : "log" }, yaxis: { automargin: true, type: "category" } },
      { responsive: true, displaylogo: false });
      document.getElementById("coefficients-table").replaceChildren(tableWithCsv("gradelens-model-coefficients.csv", [
        { key: "name", label: "Term" }, { key: "estimate", label: r.ols ? "Coefficient" : "Odds ratio", number: true },
        { key: "se", label: "SE", number: true }, { key: "p", label: "p" },
      ], coefficients, "model-coefficients"));
    } catch (e) {
      if (ticket === latest) { show(`The model could not be fitted: ${e.message}`); }
    } finally {
      if (ticket === latest) { status.hidden = true; }
    }
  }

  try {
    const info = await getJson("/api/overview");
    if (info.series.length === 0) {
      show("No results yet: import a file on the Data page.");
      return;
    }
    series.replaceChildren(...info.series.map((s) => new Option(s, s)));
    series.value = info.series[info.series.length - 1];
    await loadColumns();
    series.addEventListener("change", () => loadColumns().then(fit).catch((e) => show(e.message)));
    document.getElementById("model-button").addEventListener("click", fit);
    outcome.addEventListener("change", () => { syncOutcome(); fit(); });
    document.getElementById("model-method").addEventListener("change", fit);
    await fit();
  } catch (e) {
    show(`The columns could not be loaded: ${e.message}`);
  }
})();
