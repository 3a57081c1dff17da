// Areas, what-if: poverty %, median income and unemployment % in (the inputs bounded to the figures observed in the
// store), four predicted scores with their 95% prediction intervals and the extrapolation badge out, with the five
// nearest real area-years; and a ZIP code's county with its predictions, or one sentence saying why there are none.
"use strict";

(() => {
  const { sendJson, getJson, element } = window.gradelens;
  const { tableWithCsv, fileName, errorBox } = window.gradelensCharts;
  const { fixed, label, addPanel } = window.gradelensAreas;
  const fields = [["what-if-poverty", "poverty_percent", 15], ["what-if-income", "median_income", 55000], ["what-if-unemployment", "unemployment_rate", 5]];
  const predictionColumns = [{ key: "score", label: "Score" }, { key: "predicted", label: "Predicted", number: true },
    { key: "lower", label: "95% prediction interval from", number: true }, { key: "upper", label: "to", number: true },
    { key: "meanLower", label: "95% CI of the mean from", number: true }, { key: "meanUpper", label: "to", number: true },
    { key: "leverage", label: "Leverage", number: true }, { key: "flag", label: "Extrapolation" }];
  const predictionRows = (predictions) => predictions.map((p) => ({ score: p.score, predicted: fixed(p.predicted, 1), lower: fixed(p.predictionLower, 1),
    upper: fixed(p.predictionUpper, 1), meanLower: fixed(p.meanLower, 1), meanUpper: fixed(p.meanUpper, 1), leverage: fixed(p.leverage, 4), flag: p.extrapolated ? "yes" : "" }));

  // Each input's bounds: the lowest and highest value any area (state or county) has, so a county-like input can be tried and is flagged.
  function bound(overview) {
    const ranges = [];
    for (const [id, measure, typical] of fields) {
      const range = overview.measures.find((m) => m.name === measure);
      const input = document.getElementById(id);
      if (!range) { continue; }
      const low = Math.min(range.min, range.subAreaMin ?? range.min);
      const high = Math.max(range.max, range.subAreaMax ?? range.max);
      Object.assign(input, { min: String(low), max: String(high) });
      input.value = String(typical >= low && typical <= high ? typical : fixed((low + high) / 2, 1));
      const shown = (v) => fixed(v, 1).toLocaleString();
      ranges.push(`${label(measure)} ${shown(low)} to ${shown(high)} (the states': ${shown(range.min)} to ${shown(range.max)})`);
    }
    document.getElementById("what-if-ranges").textContent = ranges.length === 3
      ? `Observed: ${ranges.join("; ")}. Inside the states' ranges the model interpolates; outside them (or for an unusual mix) it is flagged.`
      : "The store lacks poverty, median income or unemployment for the scored areas: the form cannot predict.";
    return ranges.length === 3;
  }

  async function predict(event) {
    event.preventDefault();
    const show = errorBox(document.getElementById("what-if-error"));
    const result = document.getElementById("what-if-result");
    show("");
    const body = Object.fromEntries(fields.map(([id]) => [document.getElementById(id).name, document.getElementById(id).value]));
    try {
      const answer = await sendJson("/api/areas/predict", body);
      const r = answer.result;
      result.hidden = false;
      const reasons = [...new Set(r.predictions.flatMap((p) => p.extrapolationReasons))];
      document.getElementById("what-if-badge").hidden = reasons.length === 0;
      document.getElementById("what-if-reasons").replaceChildren(...[...reasons, ...(r.note ? [r.note] : [])].map((t) => element("li", { textContent: t })));
      document.getElementById("what-if-table").replaceChildren(tableWithCsv(`${fileName("areas", "what", "if")}.csv`, predictionColumns, predictionRows(r.predictions), "what-if-predictions"));
      const nearest = r.nearest.map((n) => ({ area: n.area, year: String(n.year), distance: fixed(n.distance, 2),
        ...Object.fromEntries(Object.entries(n.measures).map(([m, v]) => [m, fixed(v, 1)])), ...Object.fromEntries(Object.entries(n.scores).map(([s, v]) => [s, fixed(v, 1)])) }));
      const scoreNames = [...new Set(r.nearest.flatMap((n) => Object.keys(n.scores)))];
      document.getElementById("what-if-nearest").replaceChildren(tableWithCsv(`${fileName("areas", "what", "if", "nearest")}.csv`, [
        { key: "area", label: "Area" }, { key: "year", label: "Year" }, { key: "distance", label: "Distance (SD)", number: true },
        ...answer.measures.map((m) => ({ key: m, label: label(m), number: true })), ...scoreNames.map((s) => ({ key: s, label: s, number: true }))], nearest, "what-if-nearest"));
      document.getElementById("what-if-version").textContent =
        `${answer.version.model} fitted on data version ${answer.version.dataVersion} at ${new Date(answer.version.fittedAt).toLocaleString()}. ${answer.notes[0]}`;
    } catch (e) {
      result.hidden = true;
      show(e.message);
    }
  }

  async function lookUp(event) {
    event.preventDefault();
    const message = document.getElementById("zip-message");
    const holder = document.getElementById("zip-table");
    try {
      const answer = await getJson(`/api/areas/zip?code=${encodeURIComponent(document.getElementById("zip-code").value.trim())}`);
      message.textContent = answer.prediction ? `${answer.message} ${answer.notes[0]}` : answer.message;
      holder.replaceChildren(...(answer.prediction
        ? [tableWithCsv(`${fileName("areas", "zip", answer.zip)}.csv`, predictionColumns, predictionRows(answer.prediction.predictions), "zip-predictions")]
        : []));
    } catch (e) {
      message.textContent = e.message;
      holder.replaceChildren();
    }
  }

  addPanel(async (overview) => {
    const form = document.getElementById("what-if-form");
    document.getElementById("what-if-button").disabled = !bound(overview);
    form.addEventListener("submit", predict);
    document.getElementById("zip-form").addEventListener("submit", lookUp);
  });
})();
