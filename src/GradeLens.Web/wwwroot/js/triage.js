// Triage: students ranked by calibrated risk, cut at the staff's capacity or a minimum risk; each row says why
// (the features that push their risk up most). The list downloads as CSV, with pseudonymised ids if chosen.
"use strict";

(async () => {
  const { getJson, tableWithCsv } = window.gradelens;
  const form = window.gradelensModelForm;
  const error = document.getElementById("triage-error");
  const status = document.getElementById("triage-status");
  const font = { family: "Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif" };
  const show = (text) => { error.textContent = text; error.hidden = !text; };
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
      document.getElementById("triage-note").textContent =
        `Risk of ${data.subject} in ${data.series} below ${data.threshold}, calibrated; model AUC ${data.auc.auc.toFixed(3)} (95% CI ${data.auc.lower.toFixed(3)}–${data.auc.upper.toFixed(3)}). ` +
        "Students who already have the outcome show their out-of-fold risk; those without it yet are scored by the model." + (data.pseudonymised ? " Ids are pseudonymised." : "");
      const rows = data.rows.map((r) => ({ ...r, riskPercent: Math.round(r.risk * 1000) / 10 }));
      const shown = [...rows].reverse();
      Plotly.newPlot("triage-chart", [{
        type: "bar", orientation: "h", y: shown.map((r) => `${r.rank}. ${r.student}`), x: shown.map((r) => r.riskPercent),
        text: shown.map((r) => r.why), marker: { color: "#c62828" },
        hovertemplate: "%{y}: %{x}%<br>%{text}<extra></extra>",
      }], { margin: { l: 170, r: 20, t: 10, b: 50 }, height: Math.max(300, 18 * shown.length + 80), font,
        xaxis: { title: { text: "Calibrated risk (%)" }, range: [0, 100] }, yaxis: { automargin: true, type: "category" } },
      { responsive: true, displaylogo: false });
      document.getElementById("triage-table").replaceChildren(tableWithCsv("gradelens-triage.csv", [
        { key: "rank", label: "Rank", number: true }, { key: "student", label: "Student" }, { key: "riskPercent", label: "Risk %", number: true },
        { key: "outcome", label: "Outcome" }, { key: "why", label: "Why" },
      ], rows, "triage"));
    } catch (e) {
      if (ticket === latest) { show(`The triage list could not be made: ${e.message}`); }
    } finally {
      if (ticket === latest) { status.hidden = true; }
    }
  }

  try {
    if (!(await form.init(draw))) {
      show("No results yet: import assessment files on the Data page.");
      return;
    }
    for (const id of ["capacity", "minimum-risk", "pseudonymise"]) { document.getElementById(id).addEventListener("change", draw); }
    await draw();
  } catch (e) {
    show(`The series could not be loaded: ${e.message}`);
  }
})();
