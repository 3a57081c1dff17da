// Equity: each gap between groups with its 95% confidence interval, filled when significant after the
// Benjamini-Hochberg correction; a sortable table with the tests beside it, and its CSV.
"use strict";

(async () => {
  const { getJson, element, shown } = window.gradelens;
  const { round, pValue, chartWithTable, chartTable, fileName, errorBox } = window.gradelensCharts;
  const by = document.getElementById("equity-by");
  const within = document.getElementById("equity-within");
  const subject = document.getElementById("equity-subject");
  const show = errorBox(document.getElementById("equity-error"));
  let sort = { key: "gapPoints", descending: false };
  let current = [];
  let file = "";

  const where = (g) => [g.region, g.school, g.gradeLevel && `grade ${shown(g.gradeLevel)}`].filter(Boolean).map(shown).join(", ") || "All students";
  const columns = [
    { key: "subject", label: "Subject" }, { key: "cell", label: "Cell" }, { key: "group", label: "Group" }, { key: "comparison", label: "Against" },
    { key: "groupStudents", label: "n", number: true }, { key: "comparisonStudents", label: "n against", number: true },
    { key: "gapPoints", label: "Gap (points)", number: true }, { key: "gapLower", label: "CI from", number: true }, { key: "gapUpper", label: "to", number: true },
    { key: "gapPercentagePoints", label: "Gap % below (pp)", number: true }, { key: "hedgesG", label: "Hedges' g", number: true },
    { key: "p", label: "p (Welch)", number: true }, { key: "pBelow", label: "p (z)", number: true }, { key: "q", label: "q (BH)", number: true },
    { key: "mark", label: "Significant" },
  ];

  // The table shows rounded figures ("< 0.001" for a tiny p) but sorts on the gap's own numbers.
  function rows(gaps) {
    return gaps.map((g) => ({
      ...g, source: g, cell: where(g), group: shown(g.group), comparison: shown(g.comparison), subject: g.domain ? `${g.subject} / ${g.domain}` : g.subject,
      gapPoints: round(g.gapPoints, 2), gapLower: round(g.gapLower, 2), gapUpper: round(g.gapUpper, 2),
      gapPercentagePoints: round(g.gapPercentagePoints, 1), hedgesG: round(g.hedgesG, 3),
      p: pValue(g.p), pBelow: pValue(g.pBelow), q: pValue(g.q), mark: g.significant ? "yes *" : "no",
    }));
  }

  function drawTable() {
    const value = (row) => (typeof row.source[sort.key] === "number" ? row.source[sort.key] : row[sort.key]);
    const sorted = [...current].sort((a, b) => {
      const x = value(a), y = value(b);
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x ?? "").localeCompare(String(y ?? ""));
      return sort.descending ? -order : order;
    });
    const node = chartTable("equity-chart", file, columns, sorted, "equity-gaps");
    for (const th of node.querySelectorAll("th")) {
      const column = columns.find((c) => c.label === th.textContent);
      th.classList.add("sortable");
      th.setAttribute("aria-sort", column.key === sort.key ? (sort.descending ? "descending" : "ascending") : "none");
      th.addEventListener("click", () => {
        sort = { key: column.key, descending: sort.key === column.key ? !sort.descending : false };
        drawTable();
      });
    }
    document.getElementById("equity-table").replaceChildren(node);
  }

  // The chosen subject's gaps with their intervals, drawn with the table; a click on a heading re-sorts the table alone.
  function drawChart(gaps) {
    const labels = gaps.map((g) => `${shown(g.group)} vs ${shown(g.comparison)} · ${where(g)}`);
    const trace = (significant) => {
      const part = gaps.map((g, i) => ({ g, i })).filter((x) => x.g.significant === significant);
      return {
        type: "scatter", mode: "markers", name: significant ? "Significant (q ≤ 0.05)" : "Not significant",
        x: part.map((x) => x.g.gapPoints), y: part.map((x) => labels[x.i]),
        error_x: { type: "data", symmetric: false, array: part.map((x) => x.g.gapUpper - x.g.gapPoints), arrayminus: part.map((x) => x.g.gapPoints - x.g.gapLower), color: "#52606d" },
        marker: { size: 10, color: significant ? "#c62828" : "#ffffff", line: { color: significant ? "#c62828" : "#52606d", width: 2 } },
        customdata: part.map((x) => [pValue(x.g.q), x.g.groupStudents, x.g.comparisonStudents]),
        hovertemplate: "%{y}<br>gap %{x:.2f} points, q %{customdata[0]}<br>n %{customdata[1]} vs %{customdata[2]}<extra></extra>",
      };
    };
    chartWithTable({
      chart: "equity-chart", table: "equity-table", file, columns, rows: current, className: "equity-gaps",
      traces: [trace(true), trace(false)],
      layout: {
        margin: { l: 260, r: 20, t: 30, b: 50 }, height: Math.max(320, 26 * gaps.length + 120),
        xaxis: { title: { text: "Gap in points (group minus the other), 95% CI" }, zeroline: true, zerolinewidth: 2 },
        yaxis: { type: "category", categoryarray: [...labels].reverse(), automargin: true }, legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" },
      },
    });
  }

  async function draw() {
    show("");
    const asked = `${by.value}|${within.value}`;
    try {
      const table = await getJson(`/api/gaps/table?by=${encodeURIComponent(by.value)}&within=${encodeURIComponent(within.value)}`);
      if (asked !== `${by.value}|${within.value}`) { return; }
      if (by.options.length <= 1) {
        by.replaceChildren(...table.attributes.map((a) => element("option", { value: a, textContent: a })));
        by.value = table.attribute;
        by.setAttribute("aria-busy", "false");
      }
      const subjects = [...new Set(table.gaps.map((g) => g.subject))];
      const chosen = subjects.includes(subject.value) ? subject.value : subjects[0];
      subject.replaceChildren(...subjects.map((s) => element("option", { value: s, textContent: s })));
      subject.value = chosen ?? "";
      const gaps = table.gaps.filter((g) => g.subject === chosen);
      current = rows(gaps);
      document.getElementById("equity-title").textContent = chosen ? `${chosen}: gaps by ${table.attribute}` : `No gaps by ${table.attribute}`;
      file = fileName("equity", chosen, "by", table.attribute, within.options[within.selectedIndex]?.text);
      drawChart(gaps);
      drawTable();
      document.getElementById("equity-note").textContent =
        `Welch's t-test for the gap in means, two-proportion z-test for the gap in % below proficiency, Hedges' g; ` +
        `q-values by Benjamini-Hochberg over all ${table.gaps.length} gaps tested together. ` +
        `With more than two groups each is compared with the rest. Groups under ${table.minimumCellSize} students are suppressed (${table.suppressedGroups} groups).`;
    } catch (e) {
      show(e.message);
    }
  }

  by.append(element("option", { value: "gender", textContent: "gender" }));
  by.addEventListener("change", draw);
  within.addEventListener("change", draw);
  subject.addEventListener("change", draw);
  await draw();
})();
