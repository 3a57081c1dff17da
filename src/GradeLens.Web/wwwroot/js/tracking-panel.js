// Tracking's student panel, beside the box plot: the colour legend, a student's path against their baseline, every
// subject they take, and a box's quartiles at the pointer. tracking.js draws the boxes and calls these.
"use strict";

window.gradelensTrackingPanel = (() => {
  const { getJson, element, display } = window.gradelens;
  const { round, plot, chartTable, fileName } = window.gradelensCharts;
  const colours = { Above: "#2e7d32", At: "#1f5fbf", Below: "#c62828", NoBaseline: "#8a8f98" };
  const words = { Above: "above their baseline", At: "at their baseline", Below: "below their baseline", NoBaseline: "no baseline" };

  document.getElementById("status-legend").replaceChildren(...Object.entries(colours).map(([status, colour]) => {
    const swatch = element("span", { className: "swatch" });
    swatch.style.background = colour;
    const item = element("li", {}, [swatch, words[status][0].toUpperCase() + words[status].slice(1)]);
    item.dataset.status = status;
    return item;
  }));

  // The subject's own scale: 9-1 reads "U" for 0, letters read A*-G; percent and points keep their numbers.
  function gradeAxis(scale, title) {
    const pad = (scale.maximum - scale.minimum) / 20;
    const axis = { title: { text: `${title} (${scale.name})` }, range: [scale.minimum - pad, scale.maximum + pad] };
    return scale.tickValues.length === 0 ? axis : { ...axis, tickvals: scale.tickValues, ticktext: scale.tickLabels };
  }

  function drawPath(student, subject, scale) {
    const colour = colours[student.status];
    document.getElementById("path-title").textContent = `${student.studentId}: ${subject}`;
    document.getElementById("path-status").textContent =
      `Latest (${student.latestSeries}) ${student.latest}` + (student.baseline === null ? ", no baseline" : ` against a baseline of ${student.baseline}: ${words[student.status]}`) +
      `. Range across the series ${student.minimum} to ${student.maximum}.`;
    const traces = [{
      type: "scatter", mode: "lines+markers", name: student.studentId,
      x: student.series, y: student.scores, line: { color: colour, width: 3 }, marker: { size: 9, color: colour },
      hovertemplate: "%{x}: %{y}<extra></extra>",
    }, {
      type: "scatter", mode: "markers", name: "Range (min to max)", x: ["Range"], y: [(student.minimum + student.maximum) / 2],
      marker: { size: 1, color: colour }, hoverinfo: "skip",
      error_y: { type: "data", symmetric: true, array: [(student.maximum - student.minimum) / 2], color: colour, thickness: 3, width: 10 },
    }];
    const shapes = student.baseline === null ? [] : [{
      type: "line", xref: "paper", x0: 0, x1: 1, y0: student.baseline, y1: student.baseline, line: { color: "#333", dash: "dash", width: 2 },
    }];
    const rows = [
      ...(student.baseline === null ? [] : [{ series: "Baseline", score: student.baseline }]),
      ...student.series.map((s, i) => ({ series: s, score: student.scores[i] })),
    ];
    const file = fileName("tracking", subject, student.studentId, "path");
    plot("path-chart", traces, {
      margin: { l: 60, r: 16, t: 10, b: 44 }, height: 250, showlegend: false, shapes,
      xaxis: { type: "category", categoryarray: [...student.series, "Range"] },
      yaxis: gradeAxis(scale, "Grade"),
      annotations: student.baseline === null ? [] : [{ xref: "paper", x: 1, y: student.baseline, text: `Baseline ${student.baseline}`, showarrow: false, yshift: 10, xanchor: "right" }],
    }, file, rows.length);
    document.getElementById("path-chart").dataset.status = student.status;
    document.getElementById("path-table").replaceChildren(chartTable("path-chart", file, [
      { key: "series", label: "Series" }, { key: "score", label: "Grade", number: true },
    ], rows, "student-path"));
  }

  // Latest grade against baseline in every subject, most below first: is the weakness one subject or all? Only the
  // student last asked for is drawn, and each student's answer is fetched once.
  const subjectsOf = new Map();
  let wanted = null;
  async function drawSubjects(studentId) {
    wanted = studentId;
    if (!subjectsOf.has(studentId)) {
      subjectsOf.set(studentId, getJson(`/api/tracking/students/${encodeURIComponent(studentId)}/subjects`).catch((e) => { subjectsOf.delete(studentId); throw e; }));
    }
    const data = await subjectsOf.get(studentId);
    if (wanted !== studentId) { return; }
    document.getElementById("subjects-title").textContent = `${data.studentId}: all subjects`;
    const subjects = [...data.subjects].reverse(); // Plotly draws the first category at the bottom.
    const file = fileName("tracking", data.studentId, "all-subjects");
    plot("subjects-chart", [{
      type: "bar", orientation: "h",
      y: subjects.map((s) => s.subject),
      x: subjects.map((s) => s.difference ?? 0),
      marker: { color: subjects.map((s) => colours[s.status]) },
      text: subjects.map((s) => s.difference === null ? `${s.latest} (no baseline)` : `${s.difference > 0 ? "+" : ""}${s.difference}`),
      textposition: "outside", cliponaxis: false,
      hovertemplate: "%{y}: %{text}<extra></extra>",
    }], {
      margin: { l: 120, r: 60, t: 6, b: 44 }, height: Math.max(180, 30 * subjects.length + 70), showlegend: false,
      xaxis: { title: { text: "Latest grade minus baseline" }, zeroline: true, zerolinewidth: 2 },
      yaxis: { automargin: true },
    }, file, data.subjects.length);
    document.getElementById("subjects-table").replaceChildren(chartTable("subjects-chart", file, [
      { key: "subject", label: "Subject" }, { key: "baseline", label: "Baseline", number: true },
      { key: "latestSeries", label: "Latest series" }, { key: "latest", label: "Latest", number: true },
      { key: "difference", label: "Difference", number: true },
    ], data.subjects, "student-subjects"));
  }

  // A box's quartiles at the pointer, in the chart's own frame (flipped to the left near its right edge).
  const tip = document.getElementById("box-tip");
  function showQuartiles(box, pointer) {
    // An aggregates-only view has no extremes (each is one pupil's score): only what a group shows.
    const facts = [["Max", box.maximum], ["Q3", box.q3], ["Median", box.median], ["Q1", box.q1], ["Min", box.minimum], ["Mean", round(box.mean, 2)], ["n", box.n]]
      .filter(([, value]) => value !== null && value !== undefined);
    tip.replaceChildren(element("strong", { textContent: box.isBaseline ? `${box.series} (baseline)` : box.series }),
      element("dl", {}, facts.flatMap(([name, value]) => [element("dt", { textContent: name }), element("dd", { textContent: display(value) })])));
    tip.hidden = false;
    const frame = tip.parentElement.getBoundingClientRect();
    const x = pointer.clientX - frame.left, y = pointer.clientY - frame.top;
    tip.style.left = `${x + 16 + tip.offsetWidth > frame.width ? Math.max(0, x - 16 - tip.offsetWidth) : x + 16}px`;
    tip.style.top = `${Math.max(0, Math.min(y - tip.offsetHeight / 2, frame.height - tip.offsetHeight))}px`;
  }

  return { colours, words, gradeAxis, drawPath, drawSubjects, showQuartiles, hideQuartiles: () => { tip.hidden = true; } };
})();
