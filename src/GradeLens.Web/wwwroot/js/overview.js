// Overview: count cards and rows per table (a Plotly bar chart, with the same numbers as a table and CSV beside it).
"use strict";

(async () => {
  const { getJson, element, tableWithCsv, display } = window.gradelens;
  const cardsNode = document.getElementById("cards");
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
    cardsNode.replaceChildren(...cards.map(([label, value]) =>
      element("div", { className: "card" }, [
        element("div", { className: "label", textContent: label }),
        element("div", { className: "value", textContent: display(value) }),
      ])));
    cardsNode.setAttribute("aria-busy", "false");

    const rows = Object.entries(info.tableCounts).map(([table, count]) => ({ table, rows: count }));
    document.getElementById("empty-store").hidden = rows.some((r) => r.rows > 0);
    document.getElementById("rows-table").replaceChildren(
      tableWithCsv("gradelens-rows-per-table.csv", [
        { key: "table", label: "Table" },
        { key: "rows", label: "Rows", number: true },
      ], rows));

    const reversed = [...rows].reverse(); // Plotly draws the first category at the bottom.
    const largest = Math.max(0, ...rows.map((r) => r.rows));
    Plotly.newPlot("rows-chart", [{
      type: "bar",
      orientation: "h",
      y: reversed.map((r) => r.table),
      x: reversed.map((r) => r.rows),
      text: reversed.map((r) => display(r.rows)),
      textposition: "outside",
      cliponaxis: false,
      marker: { color: "#2f6fde" },
      hovertemplate: "%{y}: %{x:,} rows<extra></extra>",
    }], {
      margin: { l: 140, r: 60, t: 10, b: 40 },
      height: 460,
      xaxis: { title: { text: "Rows" }, rangemode: "tozero", zeroline: true, dtick: largest <= 10 ? 1 : undefined, tickformat: ",d" },
      yaxis: { automargin: true },
      font: { family: "Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif" },
    }, { responsive: true, displaylogo: false });
  } catch (error) {
    const message = document.getElementById("overview-error");
    message.textContent = `The overview could not be loaded: ${error.message}`;
    message.hidden = false;
    cardsNode.setAttribute("aria-busy", "false");
  }
})();
