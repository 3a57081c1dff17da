// Overlap: priority cohorts, where many students are below proficiency and a group gap is real and wide, ranked,
// each with the reason it was flagged; thresholds adjustable.
"use strict";

(async () => {
  const { getJson, element, shown } = window.gradelens;
  const { round, pValue, chartWithTable, fileName, errorBox, hideChart } = window.gradelensCharts;
  const form = document.getElementById("overlap-form");
  const by = document.getElementById("overlap-by");
  const show = errorBox(document.getElementById("overlap-error"));
  const value = (id) => document.getElementById(id).value;

  async function draw() {
    show("");
    try {
      const query = new URLSearchParams({ by: by.value, within: "region,grade", excess: value("overlap-excess"), q: value("overlap-q"), points: value("overlap-points") });
      const list = await getJson(`/api/gaps/priorities?${query}`);
      const cohorts = list.cohorts.map((c) => ({
        ...c, cohort: `${c.domain ? `${c.subject} / ${c.domain}` : c.subject} · ${[c.region, c.gradeLevel && `grade ${c.gradeLevel}`].filter(Boolean).map(shown).join(", ")}`,
        percentBelow: round(c.percentBelow, 1), nationalPercentBelow: round(c.nationalPercentBelow, 1), excessPercentBelow: round(c.excessPercentBelow, 1),
        group: `${shown(c.gap.group)} vs ${shown(c.gap.comparison)}`, gapPoints: round(c.gap.gapPoints, 1), q: pValue(c.gap.q),
      }));
      document.getElementById("overlap-title").textContent = `${cohorts.length} priority cohort${cohorts.length === 1 ? "" : "s"} by ${list.attribute}`;
      const ranked = [...cohorts].reverse(); // Plotly draws the first category at the bottom: rank 1 on top.
      if (cohorts.length === 0) {
        hideChart("overlap-chart");
        document.getElementById("overlap-table").replaceChildren(element("p", { className: "note", textContent: "No cohort meets all three thresholds; loosen them above." }));
        return;
      }
      chartWithTable({
        chart: "overlap-chart", table: "overlap-table", file: fileName("overlap", "priority-cohorts", "by", list.attribute), rows: cohorts, className: "priority-cohorts",
        traces: [{
          type: "bar", orientation: "h", y: ranked.map((c) => `${c.rank}. ${c.cohort}`), x: ranked.map((c) => c.excessPercentBelow),
          marker: { color: "#c62828" }, text: ranked.map((c) => `${c.group}: ${c.gapPoints > 0 ? "+" : ""}${c.gapPoints}`), textposition: "outside", cliponaxis: false,
          hovertemplate: "%{y}<br>%{x} points above the national % below<br>%{text}<extra></extra>",
        }],
        layout: {
          margin: { l: 260, r: 120, t: 10, b: 50 }, height: Math.max(300, 30 * cohorts.length + 100),
          xaxis: { title: { text: "% below proficiency minus the national figure (points)" }, rangemode: "tozero" }, yaxis: { type: "category", automargin: true },
        },
        columns: [
          { key: "rank", label: "Rank", number: true }, { key: "cohort", label: "Cohort" }, { key: "students", label: "Students", number: true },
          { key: "percentBelow", label: "% below", number: true }, { key: "nationalPercentBelow", label: "National % below", number: true },
          { key: "excessPercentBelow", label: "Excess (points)", number: true }, { key: "group", label: "Gap" },
          { key: "gapPoints", label: "Gap (points)", number: true }, { key: "q", label: "q", number: true }, { key: "reason", label: "Why" },
        ],
      });
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
