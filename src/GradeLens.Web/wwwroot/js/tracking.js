// Tracking: for a chosen subject, each series' distribution as a box (baseline first), with the numbers as a table and CSV beside it.
"use strict";

(async () => {
  const { getJson, tableWithCsv } = window.gradelens;
  const select = document.getElementById("subject");
  const error = document.getElementById("tracking-error");

  const show = (text) => { error.textContent = text; error.hidden = !text; };

  // A 9-1 scale reads "U" for 0; other scales keep their numbers.
  function gradeAxis(boxes) {
    const top = Math.max(...boxes.map((b) => b.maximum));
    return top <= 9
      ? { title: { text: "Grade" }, range: [-0.5, 9.5], tickvals: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], ticktext: ["U", "1", "2", "3", "4", "5", "6", "7", "8", "9"] }
      : { title: { text: "Score" }, rangemode: "tozero" };
  }

  async function draw(subject) {
    show("");
    try {
      const data = await getJson(`/api/tracking/series?subject=${encodeURIComponent(subject)}`);
      document.getElementById("tracking-title").textContent = `${data.subject}: ${data.students} students`;
      document.getElementById("quartile-method").textContent = data.quartileMethod;
      const boxes = data.boxes;
      Plotly.newPlot("series-chart", [{
        type: "box",
        name: data.subject,
        x: boxes.map((b) => b.series),
        q1: boxes.map((b) => b.q1),
        median: boxes.map((b) => b.median),
        q3: boxes.map((b) => b.q3),
        lowerfence: boxes.map((b) => b.lowerWhisker),
        upperfence: boxes.map((b) => b.upperWhisker),
        mean: boxes.map((b) => b.mean),
        boxmean: true,
        marker: { color: "#2f6fde" },
        hoverinfo: "x+y",
      }], {
        margin: { l: 60, r: 20, t: 10, b: 50 },
        height: 440,
        showlegend: false,
        xaxis: { title: { text: "Series" }, type: "category" },
        yaxis: gradeAxis(boxes),
        font: { family: "Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif" },
      }, { responsive: true, displaylogo: false });
      const rows = boxes.map((b) => ({ ...b, series: b.isBaseline ? `${b.series} (baseline)` : b.series, mean: Math.round(b.mean * 100) / 100 }));
      document.getElementById("series-table").replaceChildren(tableWithCsv(`gradelens-${subject}-series.csv`, [
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
    const info = await getJson("/api/overview");
    select.replaceChildren(...info.subjects.map((s) => new Option(s, s)));
    select.setAttribute("aria-busy", "false");
    if (info.subjects.length === 0) {
      show("No results yet: import a tracking file on the Data page.");
      return;
    }
    select.addEventListener("change", () => draw(select.value));
    await draw(select.value);
  } catch (e) {
    show(`The subjects could not be loaded: ${e.message}`);
  }
})();
