// Gaps: per subject, the share below proficiency in every region x grade (a heatmap with its totals in the table),
// then the subject's domains by region; a click on a region x grade drills down to that cell's domains.
// Suppressed cells (too few students) are blank and say so.
"use strict";

(async () => {
  const { getJson, element, tableWithCsv, display } = window.gradelens;
  const select = document.getElementById("gaps-subject");
  const error = document.getElementById("gaps-error");
  const font = { family: "Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif" };
  const show = (text) => { error.textContent = text; error.hidden = !text; };
  const round = (v, digits = 1) => (v === null || v === undefined ? null : Number(v.toFixed(digits)));
  const label = (cell) => `${cell.subject} (${cell.series})`;
  const all = (v) => (v === null ? "All" : v);

  // One heatmap: rows and columns from the cells' two dimensions, colour = % below; suppressed cells show "suppressed".
  function heatmap(id, cells, rowKey, columnKey, rowTitle, columnTitle) {
    const rows = [...new Set(cells.map((c) => c[rowKey]))];
    const columns = [...new Set(cells.map((c) => c[columnKey]))];
    const find = (r, c) => cells.find((cell) => cell[rowKey] === r && cell[columnKey] === c);
    const z = rows.map((r) => columns.map((c) => round(find(r, c)?.percentBelow)));
    const text = rows.map((r) => columns.map((c) => {
      const cell = find(r, c);
      return !cell ? "" : cell.suppressed ? "suppressed" : `${round(cell.percentBelow)}%`;
    }));
    Plotly.newPlot(id, [{
      type: "heatmap", x: columns.map(String), y: rows, z, text, texttemplate: "%{text}", colorscale: "YlOrRd", reversescale: true, zmin: 0, zmax: 100,
      hovertemplate: `${rowTitle} %{y}, ${columnTitle} %{x}: %{text} below proficiency<extra></extra>`,
      colorbar: { title: { text: "% below" } }, xgap: 2, ygap: 2,
    }], {
      margin: { l: 140, r: 20, t: 10, b: 60 }, height: Math.max(320, 36 * rows.length + 100), font,
      xaxis: { type: "category", title: { text: columnTitle } }, yaxis: { type: "category", autorange: "reversed", automargin: true },
    }, { responsive: true, displaylogo: false });
  }

  const columns = (first, second) => [
    { key: first.key, label: first.label }, { key: second.key, label: second.label },
    { key: "students", label: "Students", number: true }, { key: "mean", label: "Mean", number: true },
    { key: "lower", label: "95% CI from", number: true }, { key: "upper", label: "to", number: true },
    { key: "percentBelow", label: "% below", number: true },
  ];
  const rowsOf = (cells, first, second) => cells.map((c) => ({
    [first]: all(c[first]), [second]: all(c[second]), students: c.suppressed ? "suppressed" : c.students,
    mean: round(c.mean), lower: round(c.lower), upper: round(c.upper), percentBelow: round(c.percentBelow),
  }));

  function cards(national, gaps) {
    const widest = gaps.filter((g) => g.significant).sort((a, b) => Math.abs(b.gapPoints) - Math.abs(a.gapPoints))[0];
    const items = [
      ["Students", national ? display(national.students) : "suppressed"],
      ["% below proficiency", national ? `${round(national.percentBelow)}%` : "suppressed"],
      ["Widest significant gender gap", widest ? `${widest.gapPoints > 0 ? "+" : ""}${round(widest.gapPoints)} pts` : "none"],
    ];
    document.getElementById("gaps-cards").replaceChildren(...items.map(([name, value], i) =>
      element("div", { className: "card" }, [
        element("div", { className: "label", textContent: name }),
        element("div", { className: "value", textContent: value }),
        ...(i === 2 && widest ? [element("div", { className: "label", dir: "auto", textContent: `${widest.group} vs ${widest.comparison}: ${[widest.region, widest.gradeLevel && `grade ${widest.gradeLevel}`].filter(Boolean).join(", ") || "all students"}` })] : []),
      ])));
  }

  // Click-to-drill: one region x grade cell's domains, beside the same domains for its region and nationally.
  const domainTables = new Map();
  async function drill(choice, region, grade) {
    const [series, subject] = JSON.parse(choice);
    const panel = document.getElementById("drill");
    panel.hidden = false;
    panel.setAttribute("aria-busy", "true");
    document.getElementById("drill-title").textContent = `${subject} (${series}) in ${region}, grade ${grade}: domains`;
    try {
      if (!domainTables.has(choice)) {
        domainTables.set(choice, getJson(`/api/gaps/table?within=region,grade,domain&subject=${encodeURIComponent(subject)}&series=${encodeURIComponent(series)}`));
      }
      const cells = (await domainTables.get(choice)).cells.filter((c) => c.domain !== "");
      if (choice !== select.value) { return; }
      const domains = [...new Set(cells.map((c) => c.domain))];
      const pick = (d, r, g) => cells.find((c) => c.domain === d && c.region === r && c.gradeLevel === g);
      const levels = [
        { name: `${region}, grade ${grade}`, region, grade, colour: "#d9534f" },
        { name: region, region, grade: null, colour: "#f0ad4e" },
        { name: "National", region: null, grade: null, colour: "#7a869a" },
      ];
      document.getElementById("drill-note").textContent = domains.length === 0
        ? `${subject} has no domains in ${series}.`
        : "Suppressed figures (too few students) are left out of the chart and say so in the table.";
      if (domains.length === 0) {
        Plotly.purge("drill-chart");
        document.getElementById("drill-table").replaceChildren();
        return;
      }
      Plotly.newPlot("drill-chart", levels.map((level) => ({
        type: "bar", name: level.name, x: domains, marker: { color: level.colour },
        y: domains.map((d) => { const c = pick(d, level.region, level.grade); return c && !c.suppressed ? round(c.percentBelow) : null; }),
        hovertemplate: `${level.name}, %{x}: %{y}% below proficiency<extra></extra>`,
      })), {
        barmode: "group", margin: { l: 60, r: 20, t: 10, b: 80 }, height: 360, font,
        xaxis: { type: "category", automargin: true }, yaxis: { title: { text: "% below proficiency" }, range: [0, 100] },
        legend: { orientation: "h", y: -0.25 },
      }, { responsive: true, displaylogo: false });
      const rows = domains.flatMap((d) => levels.map((level) => {
        const c = pick(d, level.region, level.grade);
        return {
          domain: d, level: level.name, students: !c ? null : c.suppressed ? "suppressed" : c.students,
          mean: round(c?.mean), lower: round(c?.lower), upper: round(c?.upper), percentBelow: round(c?.percentBelow),
        };
      }));
      document.getElementById("drill-table").replaceChildren(tableWithCsv(`gradelens-domains-${subject}-${region}-${grade}.csv`,
        columns({ key: "domain", label: "Domain" }, { key: "level", label: "Where" }), rows, "drill-cells"));
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
      heatmap("gaps-heatmap", cells.filter((c) => c.region !== null && c.gradeLevel !== null), "region", "gradeLevel", "Region", "Grade");
      document.getElementById("drill").hidden = true;
      document.getElementById("gaps-heatmap").on("plotly_click", (event) => {
        const point = event.points[0];
        if (point) { drill(choice, point.y, point.x); }
      });
      document.getElementById("gaps-table").replaceChildren(tableWithCsv(`gradelens-gaps-${subject}.csv`,
        columns({ key: "region", label: "Region" }, { key: "gradeLevel", label: "Grade" }), rowsOf(cells, "region", "gradeLevel"), "gap-cells"));
      document.getElementById("gaps-note").textContent =
        `${table.thresholds.join("; ")}. Totals pool students (student-weighted). Groups under ${table.minimumCellSize} students are suppressed, ` +
        `with another cell where needed so none can be worked out from a total (${table.suppressedCells} cells).`;

      const domains = await getJson(`/api/gaps/table?within=region,domain&${query}`);
      if (choice !== select.value) { return; }
      document.getElementById("domains-title").textContent = `${subject}: domains by region`;
      const domainCells = domains.cells;
      document.getElementById("domains-note").textContent = domainCells.length === 0 ? `${subject} has no domains in ${series}.` : "";
      if (domainCells.length === 0) {
        Plotly.purge("domains-heatmap");
        document.getElementById("domains-table").replaceChildren();
        return;
      }
      heatmap("domains-heatmap", domainCells.map((c) => ({ ...c, region: all(c.region) })), "domain", "region", "Domain", "Region");
      document.getElementById("domains-table").replaceChildren(tableWithCsv(`gradelens-domains-${subject}.csv`,
        columns({ key: "domain", label: "Domain" }, { key: "region", label: "Region" }), rowsOf(domainCells, "domain", "region"), "domain-cells"));
    } catch (e) {
      show(e.message);
    }
  }

  try {
    const table = await getJson("/api/gaps/table?within=subject");
    const subjects = [...new Map(table.cells.map((c) => [JSON.stringify([c.series, c.subject]), label(c)])).entries()];
    if (subjects.length === 0) {
      show("No results yet: import a file on the Data page, or run 'gradelens demo'.");
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
