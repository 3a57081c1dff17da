// Tracking: for a chosen subject, each series' distribution as a box (baseline first) with every student as a jittered
// point coloured by their latest grade against their baseline (the legend above says which colour is which). Hovering
// a box shows its quartiles at the pointer; hovering a point draws that student's path in the panel beside the chart,
// and resting on it (or a click) every subject they take. Every chart has its table, CSV and PNG.
"use strict";

(async () => {
  const { getJson, element } = window.gradelens;
  const { round, plot, chartTable, chartWithTable, tableWithCsv, fileName, errorBox, needsData, hideChart } = window.gradelensCharts;
  const select = document.getElementById("subject");
  const groupAttribute = document.getElementById("group-attribute");
  const groupValue = document.getElementById("group-value");
  const show = errorBox(document.getElementById("tracking-error"));
  const { colours, gradeAxis, drawPath, drawSubjects, showQuartiles, hideQuartiles } = window.gradelensTrackingPanel;
  const restBeforeSubjects = 400; // ms on one point before their other subjects are fetched

  // The chosen subject and group as a query string; the group is optional.
  function query(subject) {
    const parts = [`subject=${encodeURIComponent(subject)}`];
    if (groupAttribute.value && groupValue.value) {
      parts.push(`attribute=${encodeURIComponent(groupAttribute.value)}`, `value=${encodeURIComponent(groupValue.value)}`);
    }
    return parts.join("&");
  }
  const current = () => query(select.value);

  // Each series' box sits left of its tick and its students' points in a strip to the right of the box, so a box can be
  // hovered for its quartiles and a point for its student (Plotly gives the hover to any point within ~20 px).
  const box = { offset: -0.13, width: 0.34 };
  const strip = { from: 0.1, width: 0.3 };

  // The same sideways place in the strip for a student every time, so points do not jump between redraws.
  function jitter(id) {
    let h = 0;
    for (const c of id) { h = (h * 31 + c.charCodeAt(0)) | 0; }
    return strip.from + ((Math.abs(h) % 1000) / 1000) * strip.width;
  }

  // Per series: how many students are above, at or below their baseline; then who is furthest below.
  async function drawBaseline(subject, asked) {
    const data = await getJson(`/api/tracking/baseline?${asked}`);
    if (asked !== current()) { return; }
    if (data.shares.length === 0) {
      hideChart("shares-chart");
      const none = () => element("p", { className: "note", textContent: "No student has a baseline in this subject, so nobody can be above or below it (their paths are grey)." });
      document.getElementById("shares-table").replaceChildren(none());
      document.getElementById("below-table").replaceChildren(none());
      return;
    }
    const series = data.shares.map((s) => s.series);
    const bar = (key, name, colour) => ({
      type: "bar", name, x: series, y: data.shares.map((s) => s[key]), marker: { color: colour },
      text: data.shares.map((s) => `${s[key]}%`), textposition: "inside", hovertemplate: `%{x}: %{y}% ${name.toLowerCase()}<extra></extra>`,
    });
    chartWithTable({
      chart: "shares-chart", table: "shares-table", file: fileName("tracking", subject, "against-baseline"), rows: data.shares, className: "baseline-shares",
      traces: [bar("percentBelow", "Below", colours.Below), bar("percentAt", "At", colours.At), bar("percentAbove", "Above", colours.Above)],
      layout: { barmode: "stack", margin: { l: 60, r: 20, t: 10, b: 50 }, height: 320,
        yaxis: { title: { text: "% of students with a baseline" }, range: [0, 100] }, xaxis: { type: "category", title: { text: "Series" } } },
      columns: [
        { key: "series", label: "Series" }, { key: "students", label: "Students", number: true },
        { key: "percentAbove", label: "% above", number: true }, { key: "percentAt", label: "% at", number: true }, { key: "percentBelow", label: "% below", number: true },
      ],
    });
    document.getElementById("below-table").replaceChildren(data.furthestBelow.length === 0
      ? element("p", { className: "note", textContent: "No student is below their baseline on their latest grade." })
      : tableWithCsv(`${fileName("tracking", subject, "below-baseline")}.csv`, [
        { key: "studentId", label: "Student" }, { key: "baseline", label: "Baseline", number: true },
        { key: "latestSeries", label: "Latest series" }, { key: "latest", label: "Latest", number: true }, { key: "difference", label: "Difference", number: true },
      ], data.furthestBelow, "below-baseline"));
  }

  // Each mock against the final: error, correlation and the share within one grade, so nobody over-trusts a mock.
  async function drawBackTest(subject, asked) {
    const data = await getJson(`/api/tracking/backtest?${asked}`);
    if (asked !== current()) { return; }
    document.getElementById("backtest-method").textContent = data.tests.length === 0
      ? "This subject has no earlier series to compare with its final."
      : `${data.method} One grade is ${data.tests[0].gradeStep} on this scale.`;
    const rows = data.tests.map((t) => ({
      series: t.series, finalSeries: t.finalSeries, students: t.students,
      meanAbsoluteError: round(t.meanAbsoluteError, 2), meanDifference: round(t.meanDifference, 2),
      correlation: round(t.correlation, 3), percentWithinOneGrade: round(t.percentWithinOneGrade, 1),
    }));
    chartWithTable({
      chart: "backtest-chart", table: "backtest-table", file: fileName("tracking", subject, "mock-back-test"), rows, className: "mock-back-test",
      traces: [{
        type: "bar", name: "Within one grade of the final", x: rows.map((r) => `${r.series} vs ${r.finalSeries}`), y: rows.map((r) => r.percentWithinOneGrade),
        marker: { color: "#2f6fde" }, text: rows.map((r) => `${r.percentWithinOneGrade}% within one grade<br>MAE ${r.meanAbsoluteError}, r = ${r.correlation ?? "n/a"}`),
        // Outside the bar: a mock with nobody within one grade still reads "0%" rather than an empty chart.
        textposition: "outside", cliponaxis: false, hovertemplate: "%{x}: %{text}<extra></extra>",
      }],
      layout: { margin: { l: 60, r: 20, t: 30, b: 50 }, height: 300, showlegend: false,
        yaxis: { title: { text: "% of students within one grade" }, range: [0, 100] }, xaxis: { type: "category" } },
      columns: [
        { key: "series", label: "Mock" }, { key: "finalSeries", label: "Final" }, { key: "students", label: "Students", number: true },
        { key: "meanAbsoluteError", label: "Mean abs. error", number: true }, { key: "meanDifference", label: "Mock minus final", number: true },
        { key: "correlation", label: "Correlation", number: true }, { key: "percentWithinOneGrade", label: "% within one grade", number: true },
      ],
    });
  }

  // The attributes the subject's students can be narrowed to (teaching group, gender...), keeping the current choice if it still applies.
  async function loadGroups(subject) {
    const groups = await getJson(`/api/tracking/groups?subject=${encodeURIComponent(subject)}`);
    const chosen = groupAttribute.value;
    groupAttribute.replaceChildren(new Option("All", ""), ...groups.map((g) => new Option(g.attribute.replace(/_/g, " "), g.attribute)));
    groupAttribute.value = groups.some((g) => g.attribute === chosen) ? chosen : "";
    groupAttribute.groups = groups;
    fillValues();
  }

  function fillValues() {
    const group = (groupAttribute.groups ?? []).find((g) => g.attribute === groupAttribute.value);
    const chosen = groupValue.value;
    groupValue.replaceChildren(...(group ? group.values.map((v) => new Option(`${v.value} (${v.students})`, v.value)) : []));
    groupValue.hidden = !group;
    if (group && group.values.some((v) => v.value === chosen)) { groupValue.value = chosen; }
  }

  // The boxes with every student's points; a point's hover draws their path beside the chart, a box's shows its quartiles.
  function drawSeries(data, roster) {
    const boxes = data.boxes;
    const position = new Map(boxes.map((b, i) => [b.series, i]));
    const baselineIndex = boxes.findIndex((b) => b.isBaseline);
    const points = { x: [], y: [], id: [], colour: [] };
    roster.students.forEach((student, index) => {
      const add = (series, score) => {
        points.x.push(series + jitter(student.studentId));
        points.y.push(score);
        points.id.push(index);
        points.colour.push(colours[student.status]);
      };
      if (student.baseline !== null && baselineIndex >= 0) { add(baselineIndex, student.baseline); }
      student.series.forEach((s, i) => { if (position.has(s)) { add(position.get(s), student.scores[i]); } });
    });

    plot("series-chart", [{
      type: "box", name: data.subject,
      x: boxes.map((_, i) => i + box.offset), q1: boxes.map((b) => b.q1), median: boxes.map((b) => b.median), q3: boxes.map((b) => b.q3),
      // An aggregates-only view has no whiskers or extremes (single pupils' scores): the box alone.
      lowerfence: boxes.map((b) => b.lowerWhisker ?? b.q1), upperfence: boxes.map((b) => b.upperWhisker ?? b.q3), mean: boxes.map((b) => b.mean),
      boxmean: true, width: box.width, marker: { color: "#2f6fde" }, fillcolor: "rgba(47,111,222,0.12)", hoveron: "boxes", hoverinfo: "none",
    }, {
      type: "scatter", mode: "markers", name: "Students", x: points.x, y: points.y, customdata: points.id,
      text: points.id.map((i) => roster.students[i].studentId),
      marker: { size: 7, color: points.colour, opacity: 0.75 },
      hovertemplate: "%{text}: %{y}<extra></extra>",
    }], {
      margin: { l: 60, r: 20, t: 10, b: 50 }, height: 440, showlegend: false, hovermode: "closest",
      xaxis: { title: { text: "Series" }, tickvals: boxes.map((_, i) => i), ticktext: boxes.map((b) => b.series), range: [-0.6, boxes.length - 0.4], zeroline: false },
      yaxis: gradeAxis(data.scale, "Grade"),
    }, fileName("tracking", data.subject, groupAttribute.value && groupValue.value ? `${groupAttribute.value} ${groupValue.value}` : ""), boxes.length);

    const chart = document.getElementById("series-chart");
    const studentAt = (event) => event.points.find((p) => p.curveNumber === 1);
    let resting = 0;
    chart.on("plotly_hover", (event) => {
      const point = studentAt(event);
      const hoveredBox = event.points.find((p) => p.curveNumber === 0);
      clearTimeout(resting);
      if (point) {
        hideQuartiles();
        const student = roster.students[point.customdata];
        drawPath(student, data.subject, data.scale);
        resting = setTimeout(() => drawSubjects(student.studentId).catch((e) => show(`The student's subjects could not be loaded: ${e.message}`)), restBeforeSubjects);
      } else if (hoveredBox && event.event) {
        const index = Number.isInteger(hoveredBox.pointNumber) ? hoveredBox.pointNumber : Math.round(hoveredBox.x - box.offset);
        if (boxes[index]) { showQuartiles(boxes[index], event.event); }
      }
    });
    chart.on("plotly_unhover", () => { hideQuartiles(); clearTimeout(resting); });
    chart.on("plotly_click", (event) => {
      const point = studentAt(event);
      if (!point) { return; }
      clearTimeout(resting);
      drawSubjects(roster.students[point.customdata].studentId).catch((e) => show(`The student's subjects could not be loaded: ${e.message}`));
      // On a narrow screen the panel is under the chart: bring it into view.
      const panel = document.getElementById("student-panel").getBoundingClientRect();
      if (panel.top > innerHeight || panel.bottom < 0) { document.getElementById("student-panel").scrollIntoView({ behavior: "smooth", block: "nearest" }); }
    });
  }

  async function draw(subject) {
    show("");
    try {
      const asked = query(subject);
      const [data, roster] = await Promise.all([getJson(`/api/tracking/series?${asked}`), getJson(`/api/tracking/students?${asked}`)]);
      if (asked !== current()) { return; } // the user has chosen another subject or group meanwhile: draw that one only
      const group = groupAttribute.value && groupValue.value ? ` (${groupAttribute.value.replace(/_/g, " ")} ${groupValue.value})` : "";
      document.getElementById("tracking-title").textContent = `${data.subject}: ${data.students} student${data.students === 1 ? "" : "s"}${group}`;
      document.getElementById("quartile-method").textContent = data.quartileMethod;
      const sampleNote = document.getElementById("sample-note");
      sampleNote.hidden = !roster.sampled;
      sampleNote.textContent = roster.sampled ? `Points show a fixed sample of ${roster.students.length} of ${roster.total} students; the boxes use all of them.` : "";
      drawSeries(data, roster);

      await Promise.all([drawBaseline(subject, asked), drawBackTest(subject, asked)]);
      const rows = data.boxes.map((b) => ({ ...b, series: b.isBaseline ? `${b.series} (baseline)` : b.series, mean: round(b.mean, 2) }));
      document.getElementById("series-table").replaceChildren(chartTable("series-chart", document.getElementById("series-chart").dataset.file, [
        { key: "series", label: "Series" },
        { key: "n", label: "N", number: true },
        { key: "minimum", label: "Min", number: true },
        { key: "q1", label: "Q1", number: true },
        { key: "median", label: "Median", number: true },
        { key: "q3", label: "Q3", number: true },
        { key: "maximum", label: "Max", number: true },
        { key: "mean", label: "Mean", number: true },
      ], rows, "series-boxes"));
    } catch (e) {
      show(`The series could not be loaded: ${e.message}`);
    }
  }

  try {
    // Subjects with whole-subject results (domain-only national subjects cannot be tracked). The first shown is the one
    // with the most series, then baselines: the tracking data rather than a single-series assessment.
    const subjects = await getJson("/api/tracking/subjects");
    select.replaceChildren(...subjects.map((s) => new Option(`${s.subject} (${s.series} series${s.baselines > 0 ? ", baselines" : ""})`, s.subject)));
    select.setAttribute("aria-busy", "false");
    if (subjects.length === 0) {
      needsData(document.getElementById("tracking-error"), "There are no whole-subject results to track yet: Tracking needs a file of scores per subject and series (mocks, a final, a baseline).");
      return;
    }
    const first = [...subjects].sort((a, b) => b.series - a.series || b.baselines - a.baselines || b.students - a.students)[0];
    select.value = first.subject;
    const redraw = () => draw(select.value);
    select.addEventListener("change", async () => {
      try { await loadGroups(select.value); } catch (e) { show(`The groups could not be loaded: ${e.message}`); }
      await redraw();
    });
    groupAttribute.addEventListener("change", () => { fillValues(); redraw(); });
    groupValue.addEventListener("change", redraw);
    await loadGroups(select.value);
    await redraw();
  } catch (e) {
    show(`The subjects could not be loaded: ${e.message}`);
  }
})();
