// Students: find a student; their latest grade against baseline in every subject, every result they have, their calibrated risk with the
// reasons behind it, and the cluster (pattern of scores) they belong to. Every chart has its table and CSV.
"use strict";

(async () => {
  const { getJson, element } = window.gradelens;
  const { round, chartWithTable, fileName, errorBox, hideChart } = window.gradelensCharts;
  const form = window.gradelensModelForm;
  const input = document.getElementById("student-id");
  const show = errorBox(document.getElementById("student-error"));
  const colours = { Above: "#2e7d32", At: "#1f5fbf", Below: "#c62828", NoBaseline: "#8a8f98" };
  let latest = 0;

  // Every result: a line per subject (and domain) across the series in order, baseline first; the table lists them all.
  function drawResults(data) {
    const results = data.results;
    const name = (r) => (r.domain ? `${r.subject}: ${r.domain}` : r.subject);
    const label = (r) => (r.isBaseline ? `Baseline (${r.series})` : r.series);
    const order = new Map();
    results.forEach((r) => { const key = r.isBaseline ? "Baseline" : r.series; if (!order.has(key)) { order.set(key, r.seriesOrder); } });
    const categories = [...order.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([key]) => key);
    const lines = [...new Set(results.map(name))];
    document.getElementById("results-title").textContent = `Every result: ${results.filter((r) => !r.isBaseline).length} results in ${new Set(results.map((r) => r.subject)).size} subjects`;
    const rows = results.map((r) => ({ subject: r.subject, domain: r.domain, series: label(r), takenOn: r.takenOn ?? "", score: r.score, grade: r.grade ?? "", scale: r.scale }));
    // Columns every row leaves empty (no domains, no dates, no grade labels) are left out.
    const columns = [
      { key: "subject", label: "Subject" }, { key: "domain", label: "Domain" }, { key: "series", label: "Series" }, { key: "takenOn", label: "Date" },
      { key: "score", label: "Score", number: true }, { key: "grade", label: "Grade" }, { key: "scale", label: "Scale" },
    ].filter((c) => rows.some((r) => r[c.key] !== ""));
    chartWithTable({
      chart: "results-chart", table: "results-table", file: fileName("student", data.studentId, "results"), columns, rows, className: "student-results",
      traces: lines.map((line) => {
        const points = results.filter((r) => name(r) === line);
        return {
          type: "scatter", mode: "lines+markers", name: line, x: points.map((r) => (r.isBaseline ? "Baseline" : r.series)), y: points.map((r) => r.score),
          text: points.map((r) => `${label(r)}: ${r.grade ?? r.score}`), hovertemplate: `${line}, %{text}<extra></extra>`,
        };
      }),
      layout: {
        margin: { l: 60, r: 20, t: 10, b: 60 }, height: 360, hovermode: "closest", legend: { orientation: "h", y: -0.2 },
        xaxis: { type: "category", categoryorder: "array", categoryarray: categories, title: { text: "Series" } }, yaxis: { title: { text: "Score or grade" } },
      },
    });
  }

  async function find() {
    const id = input.value.trim();
    if (!id) { return; }
    const ticket = ++latest;
    show("");
    try {
      const params = ready ? form.query() : new URLSearchParams();
      const clusters = form.targets() && form.targets().defaultClusters;
      if (clusters) { params.set("clusterSeries", clusters.series); }
      const data = await getJson(`/api/students/${encodeURIComponent(id)}?${params}`);
      if (ticket !== latest) { return; }
      document.getElementById("student-title").textContent = data.studentId;

      const subjects = [...data.subjects].reverse();
      chartWithTable({
        chart: "standing-chart", table: "standing-table", file: fileName("student", data.studentId, "against-baseline"), rows: data.subjects, className: "student-standings",
        traces: [{
          type: "bar", orientation: "h", y: subjects.map((s) => s.subject), x: subjects.map((s) => s.difference ?? 0),
          marker: { color: subjects.map((s) => colours[s.status]) },
          text: subjects.map((s) => (s.difference === null ? `${s.latest} (no baseline)` : `${s.difference > 0 ? "+" : ""}${s.difference}`)),
          textposition: "outside", cliponaxis: false, hovertemplate: "%{y}: %{text}<extra></extra>",
        }],
        layout: { margin: { l: 150, r: 60, t: 10, b: 50 }, height: Math.max(240, 36 * subjects.length + 80), showlegend: false,
          xaxis: { title: { text: "Latest grade minus baseline" }, zeroline: true, zerolinewidth: 2 }, yaxis: { automargin: true } },
        columns: [
          { key: "subject", label: "Subject" }, { key: "baseline", label: "Baseline", number: true }, { key: "latestSeries", label: "Latest series" },
          { key: "latest", label: "Latest", number: true }, { key: "difference", label: "Difference", number: true },
        ],
      });

      drawResults(data);
      const risk = data.risk;
      const riskTitle = document.getElementById("student-risk-title");
      if (risk) {
        riskTitle.textContent = `Risk ${round(risk.risk * 100, 1)}% (outcome: ${risk.outcome === null ? "not yet" : risk.outcome ? "yes" : "no"})`;
        document.getElementById("student-risk-fitted").textContent = form.fitted({ fitted: data.riskFitted });
        const reasons = risk.reasons.map((r) => ({ feature: r.feature, value: round(r.value, 2), logOdds: round(r.logOdds, 3) }));
        const strongest = [...reasons].reverse();
        if (reasons.length === 0) {
          hideChart("reasons-chart");
          document.getElementById("reasons-table").replaceChildren(element("p", { className: "note", textContent: "No feature raises this student's risk above an average student's." }));
        } else {
          chartWithTable({
            chart: "reasons-chart", table: "reasons-table", file: fileName("student", data.studentId, "risk-reasons"), rows: reasons, className: "student-reasons",
            traces: [{ type: "bar", orientation: "h", y: strongest.map((r) => r.feature), x: strongest.map((r) => r.logOdds), marker: { color: "#c62828" },
              hovertemplate: "%{y}: +%{x} log-odds<extra></extra>" }],
            layout: { margin: { l: 180, r: 20, t: 10, b: 50 }, height: 260, xaxis: { title: { text: "Push on log-odds against an average student" } }, yaxis: { automargin: true } },
            columns: [{ key: "feature", label: "Feature" }, { key: "value", label: "Value", number: true }, { key: "logOdds", label: "Log-odds", number: true }],
          });
        }
      } else {
        riskTitle.textContent = data.riskNote ? `Risk: ${data.riskNote}` : ready ? "Risk: this student is not in the chosen outcome's cohort" : "Risk: no outcome can be modelled yet";
        document.getElementById("student-risk-fitted").textContent = "";
        hideChart("reasons-chart");
        document.getElementById("reasons-table").replaceChildren();
      }

      const clusterTitle = document.getElementById("student-cluster-title");
      if (data.cluster !== null && data.clusterProfile) {
        clusterTitle.textContent = `Cluster ${data.cluster} of the ${data.clusterSeries} scores (${data.clusterProfile.students} students)`;
        const profile = data.clusterColumns.map((c, j) => ({ column: c, z: round(data.clusterProfile.meanZ[j], 2), mean: round(data.clusterProfile.meanScore[j], 2) }));
        chartWithTable({
          chart: "cluster-chart", table: "cluster-table", file: fileName("student", data.studentId, "cluster"), rows: profile, className: "student-cluster",
          traces: [{ type: "bar", x: profile.map((p) => p.column), y: profile.map((p) => p.z),
            marker: { color: profile.map((p) => (p.z < 0 ? "#c62828" : "#2e7d32")) }, hovertemplate: "%{x}: z = %{y}<extra></extra>" }],
          layout: { margin: { l: 60, r: 20, t: 10, b: 90 }, height: 300, yaxis: { title: { text: "Cluster mean z-score" } }, xaxis: { automargin: true } },
          columns: [{ key: "column", label: "Subject" }, { key: "z", label: "Mean z", number: true }, { key: "mean", label: "Mean score", number: true }],
        });
      } else {
        clusterTitle.textContent = `Cluster: none (too few students or subjects in ${data.clusterSeries})`;
        hideChart("cluster-chart");
        document.getElementById("cluster-table").replaceChildren();
      }
    } catch (e) {
      if (ticket === latest) { show(`The student could not be shown: ${e.message}`); }
    }
  }

  let ready = false;
  try {
    const needs = await form.init(() => find());
    ready = !needs;
    if (needs) { form.needs(document.getElementById("student-error"), needs); }
    document.getElementById("find-form").addEventListener("submit", (event) => { event.preventDefault(); find(); });
    const subjects = await getJson("/api/tracking/subjects");
    if (subjects.length > 0) {
      const most = [...subjects].sort((a, b) => b.students - a.students)[0].subject;
      const roster = await getJson(`/api/tracking/students?subject=${encodeURIComponent(most)}&limit=2000`).catch(() => null);
      if (roster) { document.getElementById("student-list").replaceChildren(...roster.students.map((s) => new Option(s.studentId, s.studentId))); }
    }
    // Opens on the student named in the address, else on the first student of the roster.
    const fromUrl = new URLSearchParams(location.search).get("id");
    const first = document.getElementById("student-list").options[0];
    if (fromUrl || first) { input.value = fromUrl || first.value; await find(); }
  } catch (e) {
    show(`The page could not start: ${e.message}`);
  }
})();
