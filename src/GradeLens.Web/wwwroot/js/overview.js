// Overview: count cards and rows per table (a Plotly bar chart, with the same numbers as a table and CSV beside it),
// then attainment at a glance: % below proficiency per subject (latest series) and the widest significant gaps of every attribute.
"use strict";

(async () => {
  const { getJson, element, display } = window.gradelens;
  const { round, pValue, card, chartWithTable, tableWithCsv, fileName, errorBox } = window.gradelensCharts;
  const cardsNode = document.getElementById("cards");

  // Each subject's latest series over everyone in view, and the widest significant gaps of every attribute, tested
  // together (one Benjamini-Hochberg correction) and ranked by Hedges' g on the server. Suppressed subjects and groups never show.
  async function drawAttainment() {
    const section = document.getElementById("attainment");
    const view = await getJson("/api/overview/attainment");
    const subjects = view.subjects;
    if (subjects.length === 0) {
      section.hidden = true;
      return;
    }
    const worst = [...subjects].filter((c) => c.percentBelow !== null).sort((a, b) => b.percentBelow - a.percentBelow)[0];
    const widest = view.widest[0];
    document.getElementById("attainment-cards").replaceChildren(
      card("% of latest results below proficiency", view.percentBelow === null ? "suppressed" : `${round(view.percentBelow, 1)}%`,
        `${display(view.results)} results in ${subjects.length} subject${subjects.length === 1 ? "" : "s"}`),
      card("Highest % below", worst ? `${round(worst.percentBelow, 1)}%` : "none", worst ? `${worst.subject} (${worst.series})` : ""),
      card("Widest significant gap", widest ? `${widest.gapPoints > 0 ? "+" : ""}${round(widest.gapPoints, 1)} pts` : "none",
        widest ? `${widest.subject}: ${widest.attribute} ${widest.group} vs ${widest.comparison} (g = ${round(widest.hedgesG, 2)})` : "no gap is significant"),
      card("Significant gaps", `${display(view.significant)} of ${display(view.tested)}`, `${view.attributes.length} attribute${view.attributes.length === 1 ? "" : "s"} tested together`));
    document.getElementById("attainment-note").textContent =
      `Each subject's latest series, all students in your view. Groups under ${view.minimumCellSize} students are suppressed. ` +
      `The gaps of every attribute are corrected for multiple testing together (Benjamini-Hochberg, q ≤ ${view.alpha}).`;

    const rows = subjects.map((c) => ({ subject: c.subject, series: c.series, students: c.students, mean: round(c.mean, 1), percentBelow: round(c.percentBelow, 1) }));
    const ordered = [...rows].sort((a, b) => a.percentBelow - b.percentBelow); // Plotly draws the first category at the bottom.
    chartWithTable({
      chart: "below-chart", table: "below-table", file: fileName("below-proficiency-by-subject"), rows, className: "below-by-subject",
      traces: [{
        type: "bar", orientation: "h", y: ordered.map((r) => `${r.subject} (${r.series})`), x: ordered.map((r) => r.percentBelow),
        text: ordered.map((r) => `${r.percentBelow}%`), textposition: "outside", cliponaxis: false, marker: { color: "#d9534f" },
        hovertemplate: "%{y}: %{x}% below proficiency<extra></extra>",
      }],
      layout: {
        margin: { l: 160, r: 60, t: 10, b: 40 }, height: Math.max(220, 32 * rows.length + 80),
        xaxis: { title: { text: "% below proficiency" }, range: [0, 100] }, yaxis: { automargin: true, type: "category" },
      },
      columns: [
        { key: "subject", label: "Subject" }, { key: "series", label: "Series" }, { key: "students", label: "Students", number: true },
        { key: "mean", label: "Mean", number: true }, { key: "percentBelow", label: "% below", number: true },
      ],
    });

    const gapRows = view.widest.map((g) => ({
      subject: g.subject, attribute: g.attribute, group: g.group, comparison: g.comparison, gapPoints: round(g.gapPoints, 1),
      gapPercentagePoints: round(g.gapPercentagePoints, 1), hedgesG: round(g.hedgesG, 2), q: pValue(g.q),
    }));
    document.getElementById("widest-gaps").replaceChildren(gapRows.length === 0
      ? element("p", { className: "note", textContent: "No gap between groups is significant after the correction." })
      : tableWithCsv(`${fileName("widest-gaps")}.csv`, [
        { key: "subject", label: "Subject" }, { key: "attribute", label: "Attribute" }, { key: "group", label: "Group" },
        { key: "comparison", label: "Against" }, { key: "gapPoints", label: "Gap (points)", number: true },
        { key: "gapPercentagePoints", label: "Gap in % below (pp)", number: true }, { key: "hedgesG", label: "Hedges' g", number: true },
        { key: "q", label: "q (BH)", number: true },
      ], gapRows, "widest-gaps"));
    section.setAttribute("aria-busy", "false");
  }
  try {
    const info = await getJson("/api/overview");
    const cards = [
      ["Students", info.students],
      ["Schools", info.schools],
      ["Regions", info.regions],
      ["Subjects", info.subjects.length],
      ["Series", info.series.length],
      ["Results", info.tableCounts.results ?? 0],
    ];
    cardsNode.replaceChildren(...cards.map(([label, value]) => card(label, display(value))));
    cardsNode.setAttribute("aria-busy", "false");

    const rows = Object.entries(info.tableCounts).map(([table, count]) => ({ table, rows: count }));
    document.getElementById("empty-store").hidden = rows.some((r) => r.rows > 0);
    const reversed = [...rows].reverse(); // Plotly draws the first category at the bottom.
    const largest = Math.max(0, ...rows.map((r) => r.rows));
    chartWithTable({
      chart: "rows-chart", table: "rows-table", file: fileName("rows-per-table"), rows,
      traces: [{
        type: "bar", orientation: "h", y: reversed.map((r) => r.table), x: reversed.map((r) => r.rows),
        text: reversed.map((r) => display(r.rows)), textposition: "outside", cliponaxis: false, marker: { color: "#2f6fde" },
        hovertemplate: "%{y}: %{x:,} rows<extra></extra>",
      }],
      layout: {
        margin: { l: 140, r: 60, t: 10, b: 40 }, height: 460, yaxis: { automargin: true },
        xaxis: { title: { text: "Rows" }, rangemode: "tozero", zeroline: true, dtick: largest <= 10 ? 1 : undefined, tickformat: ",d" },
      },
      columns: [{ key: "table", label: "Table" }, { key: "rows", label: "Rows", number: true }],
    });
    await drawAttainment().catch((e) => {
      const note = document.getElementById("attainment-note");
      note.textContent = `Attainment could not be loaded: ${e.message}`;
      note.className = "error";
      document.getElementById("attainment").setAttribute("aria-busy", "false");
    });
  } catch (error) {
    errorBox(document.getElementById("overview-error"))(`The overview could not be loaded: ${error.message}`);
    cardsNode.setAttribute("aria-busy", "false");
  }
})();
