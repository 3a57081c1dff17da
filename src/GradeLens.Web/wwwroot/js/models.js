// Models: predict a score (OLS or a random forest) or "below a score" (logistic regression or a forest) from chosen columns of a series, with
// cross-validated figures, permutation importance and coefficients; an earlier study's figure beside them when known.
"use strict";

(async () => {
  const { getJson, element } = window.gradelens;
  const { round, pValue, card, chartWithTable, fileName, errorBox } = window.gradelensCharts;
  const series = document.getElementById("model-series");
  const outcome = document.getElementById("model-outcome");
  const features = document.getElementById("model-features");
  const status = document.getElementById("model-status");
  const show = errorBox(document.getElementById("model-error"));
  const fixed = (v, d) => (v === null || v === undefined ? "n/a" : v.toFixed(d));

  // The outcome cannot predict itself: its own box is unticked and disabled.
  function syncOutcome() {
    for (const box of features.querySelectorAll("input")) {
      box.disabled = box.value === outcome.value;
      if (box.disabled) { box.checked = false; }
    }
  }

  // The series' columns: the outcome menu lists only its scores (most students first is the default), and the boxes
  // ticked at first are the server's default features (usable attributes, or the other scores), the ones the kept model has.
  async function loadColumns() {
    const columns = await getJson(`/api/models/columns?series=${encodeURIComponent(series.value)}`);
    outcome.replaceChildren(...columns.scores.map((s, j) => new Option(`${s} (${columns.scoreStudents[j]})`, s)));
    if (columns.defaultOutcome) { outcome.value = columns.defaultOutcome; }
    const ticked = new Set(columns.defaultFeatures);
    const boxes = [...columns.scores.map((s) => ({ name: s, checked: ticked.has(s) })),
      ...columns.attributes.map((a) => ({ name: a, checked: ticked.has(a), protectedAttribute: columns.protected.includes(a),
        unusable: !columns.usable.includes(a) && !columns.protected.includes(a) }))];
    features.replaceChildren(element("legend", { textContent: "From" }), ...boxes.map((b) => {
      const box = element("input", { type: "checkbox", value: b.name, checked: b.checked });
      return element("label", { title: b.protectedAttribute ? "A protected attribute: left out unless you include it knowingly"
        : b.unusable ? "One value for everyone, or too many values to use as categories" : "" },
        [box, ` ${b.name}${b.protectedAttribute ? " (protected)" : b.unusable ? " (not usable as it is)" : ""}`]);
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
      document.getElementById("model-notes").replaceChildren(
        ...r.notes.map((n) => element("li", { textContent: n })),
        ...(r.missing.length ? [element("li", { textContent: "Missing values (each carried by a missing-value indicator or the level \"(missing)\"): " +
          r.missing.map((m) => `${m.feature} ${m.missing} of ${m.rows}`).join("; ") + "." })] : []),
        ...r.importance.filter((i) => i.drop === null).map((i) => element("li", { className: "warning", textContent: i.notShown })),
        ...[...Map.groupBy((r.oddsRatios ?? []).filter((o) => o.ratio === null), (o) => o.notShown)]
          .map(([reason, odds]) => element("li", { className: "warning", textContent: `${odds.map((o) => o.feature).join(", ")}: ${reason}` })));
      const at = new Date(data.fitted.fittedAt);
      document.getElementById("model-fitted").textContent = `Model fitted at ${at.toLocaleTimeString()} on ${at.toLocaleDateString()} (in ${data.fitted.seconds.toFixed(1)} s); kept until the data changes.`;
      const cards = r.cvRSquared !== null
        ? [card("CV R²", fixed(round(r.cvRSquared, 3), 3), "", "Mean over folds"), card("CV RMSE", fixed(round(r.cvRmse, 2), 2)), card("CV MAE", fixed(round(r.cvMae, 2), 2))]
        : [card("CV AUC", fixed(round(r.cvAuc, 3), 3), "", "Mean over folds"), card("CV accuracy", fixed(round(r.cvAccuracy, 3), 3))];
      if (r.ols) { cards.push(card("In-sample R²", fixed(round(r.ols.rSquared, 3), 3))); }
      if (data.published) { cards.push(card("Earlier study R²", fixed(round(data.published.rSquared, 3), 3), "", `${data.published.study}: ${data.published.method}`)); }
      document.getElementById("model-cards").replaceChildren(...cards);
      document.getElementById("model-published").textContent = data.published
        ? `${data.published.study} reported R² ${data.published.rSquared} (${data.published.method}); GradeLens shows the mean over ${r.folds} folds, every student held out once. ` +
          "Protected attributes (gender, race/ethnicity) are left out by default; tick them to fit on all five columns."
        : "";

      const file = (what) => fileName("model", r.outcome, r.series, r.method, what);
      const importance = r.importance.filter((i) => i.drop !== null).map((i) => ({ feature: i.feature, drop: round(i.drop, 4) }));
      const ascending = [...importance].reverse();
      chartWithTable({
        chart: "importance-chart", table: "importance-table", file: file("importance"), rows: importance, className: "model-importance",
        traces: [{ type: "bar", orientation: "h", y: ascending.map((i) => i.feature), x: ascending.map((i) => i.drop), marker: { color: "#2f6fde" },
          hovertemplate: "%{y}: %{x}<extra></extra>" }],
        layout: { margin: { l: 200, r: 20, t: 10, b: 50 }, height: Math.max(240, 30 * ascending.length + 80),
          xaxis: { title: { text: r.cvRSquared !== null ? "Drop in held-out R²" : "Drop in held-out AUC" } }, yaxis: { automargin: true, type: "category" } },
        columns: [{ key: "feature", label: "Feature" }, { key: "drop", label: "Drop", number: true }],
      });

      document.getElementById("importance-panel").hidden = false;
      const coefficientsPanel = document.getElementById("coefficients-panel");
      coefficientsPanel.hidden = !r.ols && !r.oddsRatios;
      if (coefficientsPanel.hidden) { return; }
      const coefficients = r.ols
        ? r.ols.coefficients.map((c) => ({ name: c.name, estimate: round(c.estimate, 3), se: round(c.standardError, 3), p: pValue(c.p), significant: c.p < 0.05 }))
        : r.oddsRatios.filter((o) => o.ratio !== null).map((o) => ({ name: o.feature, estimate: round(o.ratio, 3), se: round(o.standardError, 3), p: pValue(o.p), significant: o.p < 0.05 }));
      document.getElementById("coefficients-title").textContent = r.ols ? "Coefficients (points per unit; categories against their reference level)" : "Odds ratios per unit";
      const bars = coefficients.filter((c) => c.name !== "const");
      chartWithTable({
        chart: "coefficients-chart", table: "coefficients-table", file: file(r.ols ? "coefficients" : "odds-ratios"), rows: coefficients, className: "model-coefficients",
        traces: [{ type: "bar", orientation: "h", y: bars.map((c) => c.name), x: bars.map((c) => c.estimate),
          error_x: r.ols ? { type: "data", array: bars.map((c) => 1.96 * c.se) } : undefined,
          marker: { color: bars.map((c) => (c.significant ? "#2f6fde" : "#9fb3c8")) }, hovertemplate: "%{y}: %{x}<extra></extra>" }],
        layout: { margin: { l: 260, r: 20, t: 10, b: 50 }, height: Math.max(260, 24 * bars.length + 80),
          xaxis: { title: { text: r.ols ? "Coefficient (95% CI)" : "Odds ratio" }, type: r.ols ? "linear" : "log" }, yaxis: { automargin: true, type: "category" } },
        columns: [
          { key: "name", label: "Term" }, { key: "estimate", label: r.ols ? "Coefficient" : "Odds ratio", number: true },
          { key: "se", label: "SE", number: true }, { key: "p", label: "p", number: true },
        ],
      });
    } catch (e) {
      if (ticket === latest) { show(`The model could not be fitted: ${e.message}`); }
    } finally {
      if (ticket === latest) { status.hidden = true; }
    }
  }

  try {
    // Only series that have a table of scores; the page opens on the one with the most students.
    const targets = await getJson("/api/models/targets");
    if (!targets.defaultTable) {
      // Nothing to choose or fit: the form goes, the page says what it needs (the result panels stay hidden).
      for (const id of ["model-controls", "model-features", "model-button"]) { document.getElementById(id).hidden = true; }
      window.gradelensModelForm.needs(document.getElementById("model-error"), "Models need students with scores: import results on the Data page.");
      return;
    }
    series.replaceChildren(...targets.tables.map((t) => new Option(`${t.series} (${t.students} students)`, t.series)));
    series.value = targets.defaultTable.series;
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
