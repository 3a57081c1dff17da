// Triage: students ranked by calibrated risk, cut at the staff's capacity or a minimum risk; each row says why
// (the features that push their risk up most). The list downloads as CSV, with pseudonymised ids if chosen.
"use strict";

(async () => {
  const { getJson } = window.gradelens;
  const { round, chartWithTable, fileName, errorBox } = window.gradelensCharts;
  const form = window.gradelensModelForm;
  const status = document.getElementById("triage-status");
  const show = errorBox(document.getElementById("triage-error"));
  let latest = 0;

  function params() {
    const query = form.query();
    const capacity = document.getElementById("capacity").value;
    const minimum = document.getElementById("minimum-risk").value;
    if (minimum !== "") { query.set("minimumRisk", String(Number(minimum) / 100)); } else if (capacity !== "") { query.set("capacity", capacity); }
    if (document.getElementById("pseudonymise").checked) { query.set("pseudonymise", "true"); }
    return query;
  }

  async function draw() {
    const ticket = ++latest;
    show("");
    status.hidden = false;
    try {
      const data = await getJson(`/api/triage?${params()}`);
      if (ticket !== latest) { return; }
      document.getElementById("triage-title").textContent = `${data.rows.length} of ${data.students} students: ${data.cutOff}`;
      document.getElementById("triage-fitted").textContent = form.fitted(data);
      document.getElementById("triage-note").textContent =
        `Risk of ${data.outcome}${data.asOf ? `, as of ${data.asOf}` : ""}, calibrated; model AUC ${data.auc.auc.toFixed(3)} (95% CI ${data.auc.lower.toFixed(3)}–${data.auc.upper.toFixed(3)}). ` +
        "Students who already have the outcome show their out-of-fold risk; those without it yet are scored by the model." + (data.pseudonymised ? " Ids are pseudonymised." : "");
      const rows = data.rows.map((r) => ({ ...r, riskPercent: round(r.risk * 100, 1) }));
      const ranked = [...rows].reverse();
      // Each bar reads its risk at 12 px or more; the reasons are in the hover and in the table beside it.
      chartWithTable({
        chart: "triage-chart", table: "triage-table", file: fileName("triage", data.subject, data.series), rows, className: "triage",
        traces: [{
          type: "bar", orientation: "h", y: ranked.map((r) => `${r.rank}. ${r.student}`), x: ranked.map((r) => r.riskPercent),
          text: ranked.map((r) => `${r.riskPercent}%`), textposition: "outside", cliponaxis: false, textfont: { size: 12 },
          customdata: ranked.map((r) => r.why), marker: { color: "#c62828" },
          hovertemplate: "%{y}: %{x}%<br>%{customdata}<extra></extra>",
        }],
        layout: {
          margin: { l: 170, r: 50, t: 10, b: 50 }, height: Math.max(300, 22 * ranked.length + 80),
          xaxis: { title: { text: "Calibrated risk (%)" }, range: [0, 100] }, yaxis: { automargin: true, type: "category" },
        },
        columns: [
          { key: "rank", label: "Rank", number: true }, { key: "student", label: "Student" }, { key: "riskPercent", label: "Risk %", number: true },
          { key: "outcome", label: "Outcome" }, { key: "why", label: "Why" },
        ],
      });
    } catch (e) {
      if (ticket === latest) { show(`The triage list could not be made: ${e.message}`); }
    } finally {
      if (ticket === latest) { status.hidden = true; }
    }
  }

  const drawAll = () => Promise.all([draw(), form.drawCurve("curve-chart", "curve-table", form.query())]);

  try {
    const needs = await form.init(drawAll);
    if (needs) {
      form.needs(document.getElementById("triage-error"), needs);
      return;
    }
    for (const id of ["capacity", "minimum-risk", "pseudonymise"]) { document.getElementById(id).addEventListener("change", draw); }
    await drawAll();
  } catch (e) {
    show(`The series could not be loaded: ${e.message}`);
  }
})();
