// Gaps: per subject, the share below proficiency in every region x grade (a heatmap with its totals in the table),
// then the subject's domains by region; a click on a region x grade drills down to that cell's domains.
// Suppressed cells (too few students) are blank and say so.
"use strict";

(async () => {
  const { getJson, element, display, shown } = window.gradelens;
  const { round, chartWithTable, fileName, errorBox, needsData, card, hideChart } = window.gradelensCharts;
  const select = document.getElementById("gaps-subject");
  const show = errorBox(document.getElementById("gaps-error"));
  const label = (cell) => `${cell.subject} (${cell.series})`;
  const all = (v) => (v === null ? "All" : shown(v));

  // One heatmap: rows and columns from the cells' two dimensions, colour = % below; suppressed cells show "suppressed".
  // Its table (every cell and the totals) and downloads go with it.
  function heatmap({ chart, table, file, cells, rowKey, columnKey, rowTitle, columnTitle, columns, rows: tableRows, className }) {
    const rows = [...new Set(cells.map((c) => c[rowKey]))];
    const columnValues = [...new Set(cells.map((c) => c[columnKey]))];
    const find = (r, c) => cells.find((cell) => cell[rowKey] === r && cell[columnKey] === c);
    const z = rows.map((r) => columnValues.map((c) => round(find(r, c)?.percentBelow, 1)));
    const text = rows.map((r) => columnValues.map((c) => {
      const cell = find(r, c);
      return !cell ? "" : cell.suppressed ? "suppressed" : `${round(cell.percentBelow, 1)}%`;
    }));
    return chartWithTable({
      chart, table, file, columns, rows: tableRows, className,
      traces: [{
        type: "heatmap", x: columnValues.map((c) => String(shown(c))), y: rows.map(shown), z, text, texttemplate: "%{text}",
        colorscale: "YlOrRd", reversescale: true, zmin: 0, zmax: 100, colorbar: { title: { text: "% below" } }, xgap: 2, ygap: 2,
        hovertemplate: `${rowTitle} %{y}, ${columnTitle} %{x}: %{text} below proficiency<extra></extra>`,
      }],
      layout: {
        margin: { l: 140, r: 20, t: 10, b: 60 }, height: Math.max(320, 36 * rows.length + 100),
        xaxis: { type: "category", title: { text: columnTitle } }, yaxis: { type: "category", autorange: "reversed", automargin: true },
      },
    });
  }

  const columns = (first, second) => [
    { key: first.key, label: first.label }, { key: second.key, label: second.label },
    { key: "students", label: "Students", number: true }, { key: "mean", label: "Mean", number: true },
    { key: "lower", label: "95% CI from", number: true }, { key: "upper", label: "to", number: true },
    { key: "percentBelow", label: "% below", number: true },
  ];
  const rowsOf = (cells, first, second) => cells.map((c) => ({
    [first]: all(c[first]), [second]: all(c[second]), students: c.suppressed ? "suppressed" : c.students,
    mean: round(c.mean, 1), lower: round(c.lower, 1), upper: round(c.upper, 1), percentBelow: round(c.percentBelow, 1),
  }));

  // Still computed here, to move to the server: the widest significant gap, by the size of its gap in points.
  function cards(national, gaps) {
    const widest = gaps.filter((g) => g.significant).sort((a, b) => Math.abs(b.gapPoints) - Math.abs(a.gapPoints))[0];
    const where = widest ? [widest.region && shown(widest.region), widest.gradeLevel && `grade ${widest.gradeLevel}`].filter(Boolean).join(", ") || "all students" : "";
    document.getElementById("gaps-cards").replaceChildren(
      card("Students", national ? display(national.students) : "suppressed"),
      card("% below proficiency", national ? `${round(national.percentBelow, 1)}%` : "suppressed"),
      card("Widest significant gender gap", widest ? `${widest.gapPoints > 0 ? "+" : ""}${round(widest.gapPoints, 1)} pts` : "none",
        widest ? `${widest.group} vs ${widest.comparison}: ${where}` : ""));
  }

  // Click-to-drill: one region x grade cell's domains, beside the same domains for its region and nationally.
  const domainTables = new Map();
  async function drill(choice, region, grade) {
    const [series, subject] = JSON.parse(choice);
    const panel = document.getElementById("drill");
    panel.hidden = false;
    panel.setAttribute("aria-busy", "true");
    document.getElementById("drill-title").textContent = `${subject} (${series}) in ${shown(region)}, grade ${shown(grade)}: domains`;
    // The drill-down opens right under its heatmap and comes into view: the user sees what the click did.
    panel.scrollIntoView({ behavior: "smooth", block: "start" });
    try {
      if (!domainTables.has(choice)) {
        domainTables.set(choice, getJson(`/api/gaps/table?within=region,grade,domain&subject=${encodeURIComponent(subject)}&series=${encodeURIComponent(series)}`));
      }
      const cells = (await domainTables.get(choice)).cells.filter((c) => c.domain !== "");
      if (choice !== select.value) { return; }
      const domains = [...new Set(cells.map((c) => c.domain))];
      const pick = (d, r, g) => cells.find((c) => c.domain === d && c.region === r && c.gradeLevel === g);
      const levels = [
        { name: `${shown(region)}, grade ${shown(grade)}`, region, grade, colour: "#d9534f" },
        { name: shown(region), region, grade: null, colour: "#f0ad4e" },
        { name: "National", region: null, grade: null, colour: "#7a869a" },
      ];
      document.getElementById("drill-note").textContent = domains.length === 0
        ? `${subject} has no domains in ${series}.`
        : "Suppressed figures (too few students) are left out of the chart and say so in the table.";
      if (domains.length === 0) {
        hideChart("drill-chart");
        document.getElementById("drill-table").replaceChildren();
        return;
      }
      const rows = domains.flatMap((d) => levels.map((level) => {
        const c = pick(d, level.region, level.grade);
        return {
          domain: d, level: level.name, students: !c ? null : c.suppressed ? "suppressed" : c.students,
          mean: round(c?.mean, 1), lower: round(c?.lower, 1), upper: round(c?.upper, 1), percentBelow: round(c?.percentBelow, 1),
        };
      }));
      await chartWithTable({
        chart: "drill-chart", table: "drill-table", file: fileName("gaps", subject, series, region, `grade ${grade}`, "domains"),
        columns: columns({ key: "domain", label: "Domain" }, { key: "level", label: "Where" }), rows, className: "drill-cells",
        traces: levels.map((level) => ({
          type: "bar", name: level.name, x: domains, marker: { color: level.colour },
          y: domains.map((d) => { const c = pick(d, level.region, level.grade); return c && !c.suppressed ? round(c.percentBelow, 1) : null; }),
          hovertemplate: `${level.name}, %{x}: %{y}% below proficiency<extra></extra>`,
        })),
        layout: {
          barmode: "group", margin: { l: 60, r: 20, t: 10, b: 80 }, height: 360,
          xaxis: { type: "category", automargin: true }, yaxis: { title: { text: "% below proficiency" }, range: [0, 100] },
          legend: { orientation: "h", y: -0.25 },
        },
      });
    } catch (e) {
      show(e.message);
    } finally {
      panel.setAttribute("aria-busy", "false");
    }
  }

  async function draw(choice) {
    show("");
    const [series, subject] = JSON.parse(choice);
    try {
      const query = `subject=${encodeURIComponent(subject)}&series=${encodeURIComponent(series)}`;
      const table = await getJson(`/api/gaps/table?within=region,grade&${query}`);
      if (choice !== select.value) { return; }
      const cells = table.cells;
      const national = cells.find((c) => c.region === null && c.gradeLevel === null && !c.suppressed);
      cards(national, table.gaps);
      document.getElementById("gaps-title").textContent = `${subject} (${series}): % below proficiency by region and grade`;
      const inCells = cells.filter((c) => c.region !== null && c.gradeLevel !== null);
      heatmap({
        chart: "gaps-heatmap", table: "gaps-table", file: fileName("gaps", subject, series, "region-by-grade"), cells: inCells,
        rowKey: "region", columnKey: "gradeLevel", rowTitle: "Region", columnTitle: "Grade", className: "gap-cells",
        columns: columns({ key: "region", label: "Region" }, { key: "gradeLevel", label: "Grade" }), rows: rowsOf(cells, "region", "gradeLevel"),
      });
      document.getElementById("drill").hidden = true;
      document.getElementById("gaps-heatmap").on("plotly_click", (event) => {
        const point = event.points[0];
        // The heatmap shows "not recorded" for a missing region or grade; the drill-down asks for the store's own values.
        const cell = point && inCells.find((c) => shown(c.region) === point.y && String(shown(c.gradeLevel)) === point.x);
        if (cell) { drill(choice, cell.region, cell.gradeLevel); }
      });
      document.getElementById("gaps-note").textContent =
        `${table.thresholds.join("; ")}. Totals pool students (student-weighted). Groups under ${table.minimumCellSize} students are suppressed, ` +
        `with another cell where needed so none can be worked out from a total (${table.suppressedCells} cells).`;

      const domains = await getJson(`/api/gaps/table?within=region,domain&${query}`);
      if (choice !== select.value) { return; }
      document.getElementById("domains-title").textContent = `${subject}: domains by region`;
      const domainCells = domains.cells;
      document.getElementById("domains-note").textContent = domainCells.length === 0 ? `${subject} has no domains in ${series}.` : "";
      if (domainCells.length === 0) {
        hideChart("domains-heatmap");
        document.getElementById("domains-table").replaceChildren();
        return;
      }
      heatmap({
        chart: "domains-heatmap", table: "domains-table", file: fileName("gaps", subject, series, "domains-by-region"),
        cells: domainCells.map((c) => ({ ...c, region: all(c.region) })), rowKey: "domain", columnKey: "region", rowTitle: "Domain", columnTitle: "Region",
        columns: columns({ key: "domain", label: "Domain" }, { key: "region", label: "Region" }), rows: rowsOf(domainCells, "domain", "region"), className: "domain-cells",
      });
    } catch (e) {
      show(e.message);
    }
  }

  try {
    const table = await getJson("/api/gaps/table?within=subject");
    const subjects = [...new Map(table.cells.map((c) => [JSON.stringify([c.series, c.subject]), label(c)])).entries()];
    if (subjects.length === 0) {
      needsData(document.getElementById("gaps-error"), "There are no results yet: the gaps need a results file with the students' scores.");
      return;
    }
    select.replaceChildren(...subjects.map(([value, text]) => element("option", { value, textContent: text })));
    select.setAttribute("aria-busy", "false");
    select.addEventListener("change", () => draw(select.value));
    await draw(select.value);
  } catch (e) {
    show(e.message);
  }
})();
