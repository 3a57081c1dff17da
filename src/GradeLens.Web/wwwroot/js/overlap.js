// Overlap: priority cohorts, where many students are below proficiency and a group gap is real and wide, ranked,
// each with the reason it was flagged; thresholds adjustable.
"use strict";

(async () => {
  const { getJson, element, tableWithCsv } = window.gradelens;
  const form = document.getElementById("overlap-form");
  const by = document.getElementById("overlap-by");
  const error = document.getElementById("overlap-error");
  const font = { family: "Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif" };
  const show = (text) => { error.textContent = text; error.hidden = !text; };
  const round = (v) => (v === null || v === undefined ? null : Number(v.toFixed(1)));
  const value = (id) => document.getElementById(id).value;

  async function draw() {
    show("");
    try {
      const query = new URLSearchParams({ by: by.value, within: "region,grade", excess: value("overlap-excess"), q: value("overlap-q"), points: value("overlap-points") });
      const list = await getJson(`/api/gaps/priorities?${query}`);
      const cohorts = list.cohorts.map((c) => ({
        ...c, cohort: `${c.domain ? `${c.subject} / ${c.domain}` : c.subject} · ${[c.region, c.gradeLevel && `grade ${c.gradeLevel}`].filter(Boolean).join(", ")}`,
        percentBelow: round(c.percentBelow), nationalPercentBelow: round(c.nationalPercentBelow), excessPercentBelow: round(c.excessPercentBelow),
        group: `${c.gap.group} vs ${c.gap.comparison}`, gapPoints: round(c.gap.gapPoints), q: Number(c.gap.q.toPrecision(2)),
      }));
      document.getElementById("overlap-title").textContent = `${cohorts.length} priority cohort${cohorts.length === 1 ? "" : "s"} by ${list.attribute}`;
      const shown = [...cohorts].reverse(); // Plotly draws the first category at the bottom: rank 1 on top.
      Plotly.newPlot("overlap-chart", [{
        type: "bar", orientation: "h", y: shown.map((c) => `${c.rank}. ${c.cohort}`), x: shown.map((c) => c.excessPercentBelow),
        marker: { color: "#c62828" }, text: shown.map((c) => `${c.group}: ${c.gapPoints > 0 ? "+" : ""}${c.gapPoints}`), textposition: "outside", cliponaxis: false,
        hovertemplate: "%{y}<br>%{x} points above the national % below<br>%{text}<extra></extra>",
      }], {
        margin: { l: 260, r: 120, t: 10, b: 50 }, height: Math.max(300, 30 * cohorts.length + 100), font,
        xaxis: { title: { text: "% below proficiency minus the national figure (points)" }, rangemode: "tozero" }, yaxis: { type: "category", automargin: true },
      }, { responsive: true, displaylogo: false });
      document.getElementById("overlap-table").replaceChildren(cohorts.length === 0
        ? element("p", { className: "note", textContent: "No cohort meets all three thresholds; loosen them above." })
        : tableWithCsv("gradelens-priority-cohorts.csv", [
          { key: "rank", label: "Rank", number: true }, { key: "cohort", label: "Cohort" }, { key: "students", label: "Students", number: true },
          { key: "percentBelow", label: "% below", number: true }, { key: "nationalPercentBelow", label: "National % below", number: true },
          { key: "excessPercentBelow", label: "Excess (points)", number: true }, { key: "group", label: "Gap" },
          { key: "gapPoints", label: "Gap (points)", number: true }, { key: "q", label: "q", number: true }, { key: "reason", label: "Why" },
        ], cohorts, "priority-cohorts"));
    } catch (e) {
      show(e.message);
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); draw(); });
  by.addEventListener("change", draw);
  try {
    const table = await getJson("/api/gaps/table?within=subject");
    by.replaceChildren(...table.attributes.map((a) => element("option", { value: a, textContent: a })));
  } catch (e) {
    show(e.message);
  }
  await draw();
})();
