// Clusters: k-means on students' standardised subject and domain scores; a heatmap of each cluster's profile,
// the silhouette that chose k, and the students in each cluster. Every chart has its table and CSV.
"use strict";

(async () => {
  const { getJson, element, pagedTable, display } = window.gradelens;
  const { round, chartWithTable, csvLink, fileName, errorBox, hideChart } = window.gradelensCharts;
  const seriesSelect = document.getElementById("cluster-series");
  const kSelect = document.getElementById("cluster-k");
  const show = errorBox(document.getElementById("clusters-error"));
  let latest = 0;

  async function draw() {
    const ticket = ++latest;
    show("");
    try {
      const params = new URLSearchParams({ series: seriesSelect.value });
      if (kSelect.value) { params.set("k", kSelect.value); }
      const data = await getJson(`/api/clusters?${params}`);
      if (ticket !== latest) { return; }
      document.getElementById("clusters-title").textContent =
        `${data.series}: ${data.labels.length} students in ${data.k} clusters` + (data.kChosenBySilhouette ? " (k chosen by silhouette)" : "");
      const names = data.clusters.map((c) => `Cluster ${c.cluster} (${c.students})`);
      const profileColumns = [{ key: "cluster", label: "Cluster", number: true }, { key: "students", label: "Students", number: true },
        ...data.columns.map((c, j) => ({ key: `z${j}`, label: `${c} (z)`, number: true }))];
      const profileRows = data.clusters.map((c) => Object.fromEntries([["cluster", c.cluster], ["students", c.students], ...c.meanZ.map((v, j) => [`z${j}`, round(v, 2)])]));
      chartWithTable({
        chart: "profile-chart", table: "profile-table", file: fileName("clusters", data.series, `${data.k} clusters`), columns: profileColumns, rows: profileRows, className: "cluster-profiles",
        traces: [{
          type: "heatmap", x: data.columns, y: names, z: data.clusters.map((c) => c.meanZ.map((v) => round(v, 2))),
          // Plotly's RdBu runs blue (low) to red (high): reversed, so scores below average are red.
          colorscale: "RdBu", reversescale: true, zmid: 0, zmin: -2, zmax: 2, colorbar: { title: { text: "z" } },
          hovertemplate: "%{y}, %{x}: z = %{z}<extra></extra>", texttemplate: "%{z}",
        }],
        layout: { margin: { l: 140, r: 20, t: 10, b: 90 }, height: Math.max(260, 60 * names.length + 120),
          yaxis: { autorange: "reversed", automargin: true }, xaxis: { automargin: true } },
      });

      const silhouettes = data.silhouettes.map((s) => ({ k: s.k, silhouette: round(s.silhouette, 3) }));
      if (silhouettes.length > 0) {
        chartWithTable({
          chart: "silhouette-chart", table: "silhouette-table", file: fileName("clusters", data.series, "silhouettes"), rows: silhouettes, className: "silhouettes",
          traces: [{ type: "scatter", mode: "lines+markers", x: silhouettes.map((s) => s.k), y: silhouettes.map((s) => s.silhouette),
            marker: { size: silhouettes.map((s) => (s.k === data.k ? 14 : 8)), color: "#2f6fde" }, hovertemplate: "k = %{x}: %{y}<extra></extra>" }],
          layout: { margin: { l: 60, r: 20, t: 10, b: 50 }, height: 300, xaxis: { title: { text: "k" }, dtick: 1 }, yaxis: { title: { text: "Mean silhouette" } } },
          columns: [{ key: "k", label: "k", number: true }, { key: "silhouette", label: "Silhouette", number: true }],
        });
        const students = data.clusters.reduce((sum, c) => sum + c.students, 0);
        if (data.chosenOnStudents < students) {
          document.getElementById("silhouette-table").append(element("p", { className: "note",
            textContent: `k was chosen on a fixed sample of ${display(data.chosenOnStudents)} of the ${display(students)} students; the clusters shown are fitted on all of them.` }));
        }
      } else {
        hideChart("silhouette-chart");
        document.getElementById("silhouette-table").replaceChildren(element("p", { className: "note", textContent: `k fixed at ${data.k}.` }));
      }

      // Every member, 25 a page with a search (a cluster's number or a student's id); the CSV has them all.
      const members = data.studentIds.map((id, i) => ({ student: id, cluster: data.labels[i] })).sort((a, b) => a.cluster - b.cluster);
      const memberColumns = [{ key: "cluster", label: "Cluster", number: true }, { key: "student", label: "Student" }];
      document.getElementById("members-table").replaceChildren(
        pagedTable(memberColumns, members, "cluster-members", { label: "Find a student or cluster" }),
        csvLink(`${fileName("clusters", data.series, "members")}.csv`, memberColumns, members));
    } catch (e) {
      if (ticket === latest) { show(`The clusters could not be made: ${e.message}`); }
    }
  }

  try {
    // Only series with two or more subjects or domains can be clustered; the page opens on the one with the most students.
    const targets = await getJson("/api/models/targets");
    const tables = targets.tables.filter((t) => t.columns >= 2);
    seriesSelect.replaceChildren(...tables.map((t) => new Option(`${t.series} (${t.students} students)`, t.series)));
    if (!targets.defaultClusters) {
      window.gradelensModelForm.needs(document.getElementById("clusters-error"),
        "Clusters need a series where students have two or more subjects or domains: import such results on the Data page.");
      return;
    }
    seriesSelect.value = targets.defaultClusters.series;
    seriesSelect.addEventListener("change", draw);
    kSelect.addEventListener("change", draw);
    await draw();
  } catch (e) {
    show(`The series could not be loaded: ${e.message}`);
  }
})();
