// Explore: one score by one attribute (box per group from its quartiles, means with 95% CIs, the overall tests and
// effect sizes, every pair), a heatmap by two attributes, and the ranking of every attribute by effect size. The server
// computes every figure; the page draws them.
"use strict";

(async () => {
  const { getJson, element, shown } = window.gradelens;
  const { round, pValue, chartWithTable, tableWithCsv, hideChart, fileName, errorBox, card } = window.gradelensCharts;
  const score = document.getElementById("explore-score");
  const by = document.getElementById("explore-by");
  const and = document.getElementById("explore-and");
  const show = errorBox(document.getElementById("explore-error"));
  const label = (s) => `${s.subject}${s.domain ? ` / ${s.domain}` : ""} (${s.series})`;
  let scores = [];

  const chosen = () => scores[Number(score.value)];
  const query = (s) => new URLSearchParams({ subject: s.subject, series: s.series, ...(s.domain ? { domain: s.domain } : {}) });

  async function drawGroups() {
    const s = chosen();
    const params = query(s);
    params.set("by", by.value);
    if (and.value) { params.set("and", and.value); }
    const view = await getJson(`/api/explore?${params}`);
    document.getElementById("explore-title").textContent = `${label(s)} by ${view.attribute}${view.ordering.ordered ? " (in order)" : ""}`;
    const t = view.tests;
    const eta = t.effectSize ? ` (95% CI ${round(t.effectSize.lower, 3)} to ${round(t.effectSize.upper, 3)})` : "";
    document.getElementById("explore-cards").replaceChildren(
      card("Welch's ANOVA", t.welch ? `p ${pValue(t.welch.p)}` : "not testable", t.welch ? `F(${round(t.welch.degreesOfFreedomBetween, 1)}, ${round(t.welch.degreesOfFreedomWithin, 1)}) = ${round(t.welch.f, 2)}` : ""),
      card("One-way ANOVA", t.anova ? `p ${pValue(t.anova.p)}` : "not testable", t.anova ? `F(${t.anova.degreesOfFreedomBetween}, ${t.anova.degreesOfFreedomWithin}) = ${round(t.anova.f, 2)}` : ""),
      card("Kruskal-Wallis", t.kruskalWallis ? `p ${pValue(t.kruskalWallis.p)}` : "not testable", t.kruskalWallis ? `H(${t.kruskalWallis.degreesOfFreedom}) = ${round(t.kruskalWallis.h, 2)}` : ""),
      card("Effect size", t.anova ? `omega² ${round(t.anova.omegaSquared, 3)}` : "none", t.anova ? `eta² ${round(t.anova.etaSquared, 3)}${eta}` : ""),
      ...(view.trend ? [card("Trend per level", `${view.trend.changePerLevel > 0 ? "+" : ""}${round(view.trend.changePerLevel, 2)} points`,
        `95% CI ${round(view.trend.lower, 2)} to ${round(view.trend.upper, 2)}, p ${pValue(view.trend.p)}`)] : []));

    const groups = view.groups.map((g) => ({ ...g, name: shown(g.name) }));
    const boxes = groups.filter((g) => g.median !== null);
    const traces = [{
      type: "box", name: "Quartiles", x: boxes.map((g) => g.name), q1: boxes.map((g) => g.lowerQuartile), median: boxes.map((g) => g.median),
      q3: boxes.map((g) => g.upperQuartile), lowerfence: boxes.map((g) => g.lowerQuartile), upperfence: boxes.map((g) => g.upperQuartile),
      marker: { color: "#7b8794" }, line: { color: "#52606d" }, fillcolor: "rgba(123,135,148,0.25)", hoverinfo: "skip",
    }, {
      type: "scatter", mode: "markers", name: "Mean, 95% CI", x: groups.map((g) => g.name), y: groups.map((g) => g.mean),
      error_y: { type: "data", symmetric: false, array: groups.map((g) => (g.upper ?? g.mean) - g.mean), arrayminus: groups.map((g) => g.mean - (g.lower ?? g.mean)), color: "#c62828" },
      marker: { size: 10, color: "#c62828" },
      customdata: groups.map((g) => [g.students, round(g.lower, 2), round(g.upper, 2), round(g.median, 2)]),
      hovertemplate: "%{x}<br>mean %{y:.2f} (95% CI %{customdata[1]} to %{customdata[2]})<br>median %{customdata[3]}, n %{customdata[0]}<extra></extra>",
    }];
    if (document.getElementById("explore-points").checked) {
      traces.push(await pointsTrace(s, view.attribute));
    }
    const file = fileName("explore", s.subject, s.series, view.attribute);
    chartWithTable({
      chart: "explore-chart", table: "explore-table", file, traces, className: "explore-groups",
      layout: { margin: { l: 60, r: 20, t: 20, b: 90 }, height: 420, xaxis: { type: "category", categoryarray: groups.map((g) => g.name), automargin: true },
        yaxis: { title: { text: `${s.subject} score` } }, legend: { orientation: "h", x: 0, y: 1.08 } },
      columns: [{ key: "name", label: view.attribute }, { key: "students", label: "n", number: true }, { key: "mean", label: "Mean", number: true },
        { key: "lower", label: "95% CI from", number: true }, { key: "upper", label: "to", number: true }, { key: "median", label: "Median", number: true },
        { key: "sd", label: "SD", number: true }],
      rows: groups.map((g) => ({ name: g.name, students: g.students, mean: round(g.mean, 2), lower: round(g.lower, 2), upper: round(g.upper, 2), median: round(g.median, 2), sd: round(g.standardDeviation, 2) })),
    });
    document.getElementById("explore-note").textContent = [
      view.suppressedGroups > 0 ? `${view.suppressedGroups} group${view.suppressedGroups === 1 ? "" : "s"} with fewer than ${view.minimumCellSize} students (or hidden with one) left out of every figure and test.` : "",
      ...t.notes, view.method].filter(Boolean).join(" ");
    document.getElementById("explore-pairs").replaceChildren(tableWithCsv(`${file}-pairs.csv`, [
      { key: "group", label: "Group" }, { key: "other", label: "Against" }, { key: "difference", label: "Difference", number: true },
      { key: "lower", label: "95% CI from", number: true }, { key: "upper", label: "to", number: true }, { key: "hedgesG", label: "Hedges' g", number: true },
      { key: "p", label: "p (Welch)", number: true }, { key: "q", label: "q (BH)", number: true },
    ], t.pairs.map((p) => ({ group: shown(p.group), other: shown(p.other), difference: round(p.difference, 2), lower: round(p.lower, 2), upper: round(p.upper, 2),
      hedgesG: round(p.hedgesG, 3), p: pValue(p.p), q: pValue(p.q) })), "explore-pairs"));
    drawHeatmap(view, s);
  }

  // The students' scores as a strip beside each box (values only; at most 1,000 a group); never for an aggregates-only user.
  async function pointsTrace(s, attribute) {
    const me = await window.gradelens.me;
    if (!me || me.role === "analyst") { return { type: "scatter", x: [], y: [], name: "Points are not shown to aggregates-only users" }; }
    const params = query(s);
    params.set("by", attribute);
    const groups = await getJson(`/api/explore/points?${params}`);
    const x = [], y = [];
    for (const g of groups) {
      g.scores.forEach((value) => { x.push(shown(g.group)); y.push(value); });
    }
    return { type: "box", name: "Students", x, y, boxpoints: "all", jitter: 0.6, pointpos: 0, fillcolor: "rgba(0,0,0,0)",
      line: { color: "rgba(0,0,0,0)" }, marker: { size: 4, color: "rgba(47,111,222,0.35)" }, hoverinfo: "y" };
  }

  function drawHeatmap(view, s) {
    const panel = document.getElementById("explore-heatmap-panel");
    if (!view.heatmap) { panel.hidden = true; hideChart("explore-heatmap"); return; }
    panel.hidden = false;
    const h = view.heatmap;
    const a = h.levelsA.map(shown), b = h.levelsB.map(shown);
    const cell = (x, y) => h.cells.find((c) => c.a === x && c.b === y);
    const z = h.levelsB.map((y) => h.levelsA.map((x) => { const c = cell(x, y); return c && !c.suppressed ? round(c.mean, 1) : null; }));
    const n = h.levelsB.map((y) => h.levelsA.map((x) => { const c = cell(x, y); return c ? (c.suppressed ? "suppressed" : c.students) : "none"; }));
    document.getElementById("explore-heatmap-title").textContent = `Mean ${s.subject} by ${h.attributeA} and ${h.attributeB}`;
    chartWithTable({
      chart: "explore-heatmap", table: "explore-heatmap-table", file: fileName("explore", s.subject, h.attributeA, h.attributeB),
      traces: [{ type: "heatmap", x: a, y: b, z, customdata: n, colorscale: "Blues", texttemplate: "%{z}", hoverongaps: false,
        hovertemplate: `${h.attributeA} %{x}<br>${h.attributeB} %{y}<br>mean %{z}, n %{customdata}<extra></extra>` }],
      layout: { margin: { l: 160, r: 20, t: 20, b: 100 }, height: Math.max(300, 40 * b.length + 140), xaxis: { type: "category", automargin: true }, yaxis: { type: "category", automargin: true } },
      columns: [{ key: "a", label: h.attributeA }, { key: "b", label: h.attributeB }, { key: "students", label: "n", number: true }, { key: "mean", label: "Mean", number: true }],
      rows: h.cells.map((c) => ({ a: shown(c.a), b: shown(c.b), students: c.suppressed ? "suppressed" : c.students, mean: c.suppressed ? null : round(c.mean, 2) })),
      className: "explore-heatmap",
    });
    document.getElementById("explore-heatmap-note").textContent = `Cells with fewer than ${h.minimumCellSize} students, and cells hidden so that none can be worked out from the totals, show no figure.`;
  }

  async function drawRanking() {
    const s = chosen();
    const ranking = await getJson(`/api/explore/ranking?${query(s)}`);
    document.getElementById("explore-ranking-title").textContent = `What matters most for ${label(s)}`;
    const ranked = ranking.attributes.filter((a) => a.omegaSquared !== null);
    const ordered = [...ranked].reverse();
    chartWithTable({
      chart: "explore-ranking", table: "explore-ranking-table", file: fileName("explore-ranking", s.subject, s.series),
      traces: [{ type: "scatter", mode: "markers", orientation: "h", y: ordered.map((a) => a.attribute), x: ordered.map((a) => a.omegaSquared),
        error_x: { type: "data", symmetric: false, array: ordered.map((a) => Math.max(0, a.upper - a.omegaSquared)), arrayminus: ordered.map((a) => Math.max(0, a.omegaSquared - a.lower)), color: "#52606d" },
        marker: { size: 11, color: "#2f6fde" }, hovertemplate: "%{y}: omega² %{x:.3f}<extra></extra>" }],
      layout: { margin: { l: 220, r: 20, t: 20, b: 50 }, height: Math.max(260, 40 * ordered.length + 100), xaxis: { title: { text: "omega² (share of the score's variance), 95% CI" }, rangemode: "tozero" }, yaxis: { type: "category", automargin: true } },
      columns: [{ key: "rank", label: "Rank", number: true }, { key: "attribute", label: "Attribute" }, { key: "omega", label: "omega²", number: true },
        { key: "lower", label: "95% CI from", number: true }, { key: "upper", label: "to", number: true }, { key: "p", label: "p (Welch)", number: true }, { key: "q", label: "q (BH)", number: true }],
      rows: ranking.attributes.map((a) => ({ rank: a.rank || "", attribute: a.attribute, omega: round(a.omegaSquared, 4), lower: round(a.lower, 4), upper: round(a.upper, 4), p: pValue(a.p), q: pValue(a.q) })),
      className: "explore-ranking",
    });
    document.getElementById("explore-models").href = `/models?series=${encodeURIComponent(s.series)}&outcome=${encodeURIComponent(s.domain ? `${s.subject} (${s.domain})` : s.subject)}`;
  }

  async function redraw(all) {
    show("");
    try {
      await drawGroups();
      if (all) { await drawRanking(); }
    } catch (e) {
      show(e.message);
    }
  }

  try {
    const choices = await getJson("/api/explore/choices");
    scores = choices.scores;
    score.setAttribute("aria-busy", "false");
    if (scores.length === 0 || choices.attributes.length === 0) {
      document.getElementById("explore-empty").hidden = false;
      for (const id of ["explore-chart", "explore-ranking"]) { hideChart(id); }
      document.getElementById("explore-pairs-panel").hidden = true;
      return;
    }
    score.replaceChildren(...scores.map((s, i) => new Option(`${label(s)} · ${s.students} students`, String(i))));
    by.replaceChildren(...choices.attributes.map((a) => new Option(a.name, a.name)));
    and.append(...choices.attributes.map((a) => new Option(a.name, a.name)));
    by.value = choices.defaultAttribute;
    score.addEventListener("change", () => redraw(true));
    for (const control of [by, and, document.getElementById("explore-points")]) { control.addEventListener("change", () => redraw(false)); }
    await redraw(true);
  } catch (e) {
    show(e.message);
  }
})();
