// Quality: a university's pass rates per programme across terms with their Wilson intervals (a programme's modules on a
// click), feedback turnaround in working days against the policy limit, modules' pass rate against their survey score
// with the at-risk rule's two thresholds, engagement and % positive, and the modules at risk. The server computes every
// figure and suppresses small groups; the page draws what is published and shows a suppressed figure as "low", never drawn.
"use strict";

(async () => {
  const { getJson } = window.gradelens;
  const { round, pValue, chartWithTable, tableWithCsv, fileName, errorBox, card } = window.gradelensCharts;
  const faculty = document.getElementById("quality-faculty");
  const programme = document.getElementById("quality-programme");
  const term = document.getElementById("quality-term");
  const show = errorBox(document.getElementById("quality-error"));
  const byId = (id) => document.getElementById(id);
  let choices = null;

  const pct = (value) => (typeof value === "number" ? round(value * 100, 1) : null);
  const rate = (e) => (e.suppressed ? "low" : pct(e.value));
  const lower = (e) => (e.suppressed ? null : pct(e.lower));
  const upper = (e) => (e.suppressed ? null : pct(e.upper));
  const evidence = { ClearlyBelow: "clearly below", PossiblyBelow: "possibly below", NotBelow: "not below", Low: "low" };
  const line = (shape) => ({ type: "line", line: { color: "#b42318", dash: "dash", width: 2 }, ...shape });
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  // Rows by programme, then term in the order of the terms (their first deadlines), not by the terms' names.
  const inTermOrder = (rows) => [...rows].sort((a, b) => (a.programme === b.programme ? choices.terms.indexOf(a.term) - choices.terms.indexOf(b.term) : 0));
  // The scatter's table: at risk first (clearly, then possibly below), then by evidence; "low" last.
  const rank = { ClearlyBelow: 0, PossiblyBelow: 1, NotBelow: 2, Low: 3 };
  const riskOrder = (rows) => [...rows].sort((a, b) => Number(b.atRisk) - Number(a.atRisk) || rank[a.evidence] - rank[b.evidence] || (a.module.passRate.value ?? 2) - (b.module.passRate.value ?? 2));

  // The filters as a query, with `extra` over them; and the same words for the downloads' file names.
  function query(extra = {}) {
    const p = new URLSearchParams();
    for (const [key, control] of [["faculty", faculty], ["programme", programme], ["term", term]]) { if (control.value) { p.set(key, control.value); } }
    for (const [key, value] of Object.entries(extra)) { p.set(key, value); }
    return p;
  }
  const named = (...parts) => fileName("quality", ...parts, faculty.value, programme.selectedOptions[0]?.value ? programme.selectedOptions[0].text : "", term.value);

  // The rate with its interval as error bars: drawn only where published.
  const errorBars = (estimates, color) => ({
    type: "data", symmetric: false, thickness: 1.2, width: 4, ...(color ? { color } : {}),
    array: estimates.map((e) => (e && !e.suppressed ? round((e.upper - e.value) * 100, 2) : null)),
    arrayminus: estimates.map((e) => (e && !e.suppressed ? round((e.value - e.lower) * 100, 2) : null)),
  });

  async function drawTrends() {
    const answer = await getJson(`/api/quality/trends?${query()}`);
    const order = answer.termOrder;
    const traces = answer.programmes.map((p) => {
      const points = order.map((t) => p.terms.find((x) => x.term === t)?.passRate ?? null);
      return {
        type: "scatter", mode: "lines+markers", name: p.programme, x: order, y: points.map((e) => (e && !e.suppressed ? pct(e.value) : null)),
        error_y: errorBars(points), connectgaps: false, marker: { size: 8 },
        customdata: points.map((e, i) => [p.terms.find((x) => x.term === order[i])?.students ?? null, e ? lower(e) : null, e ? upper(e) : null]),
        hovertemplate: `<b>${p.programme}</b><br>%{x}: %{y:.1f}% pass (95% CI %{customdata[1]} to %{customdata[2]})<br>%{customdata[0]} students<extra></extra>`,
      };
    });
    await chartWithTable({
      chart: "quality-trend", table: "quality-trend-table", file: named("pass-rate-trend"), traces, className: "quality-trend",
      layout: { margin: { l: 60, r: 20, t: 20, b: 60 }, height: 440, xaxis: { type: "category", categoryarray: order, title: { text: "Term" } },
        yaxis: { title: { text: "Pass rate (%), 95% interval" }, ticksuffix: "%" }, legend: { orientation: "h", x: 0, y: -0.2 }, hovermode: "closest" },
      columns: [{ key: "programme", label: "Programme" }, { key: "term", label: "Term" }, { key: "students", label: "Students", number: true },
        { key: "results", label: "Results", number: true }, { key: "rate", label: "Pass rate %", number: true }, { key: "lower", label: "95% CI from", number: true },
        { key: "upper", label: "to", number: true }],
      rows: answer.programmes.flatMap((p) => p.terms.map((t) => ({ programme: p.programme, term: t.term, students: t.students, results: t.passRate.of, rate: rate(t.passRate),
        lower: lower(t.passRate), upper: upper(t.passRate) }))),
    });
    const chart = byId("quality-trend");
    chart.removeAllListeners?.("plotly_click");
    chart.on("plotly_click", (event) => { const p = answer.programmes[event.points[0].curveNumber]; if (p) { drawModules(p).catch((e) => show(e.message)); } });
    const changes = answer.programmes.flatMap((p) => p.changes.map((c) => ({ programme: p.programme, from: c.fromTerm, to: c.toTerm,
      difference: round(c.difference * 100, 1), z: round(c.z, 2), p: pValue(c.p), beyond: c.significant ? "yes" : "no", overlap: c.intervalsOverlap ? "yes" : "no" })));
    byId("quality-changes").replaceChildren(tableWithCsv(`${named("pass-rate-changes")}.csv`, [{ key: "programme", label: "Programme" }, { key: "from", label: "From" },
      { key: "to", label: "To" }, { key: "difference", label: "Change (points)", number: true }, { key: "z", label: "z", number: true }, { key: "p", label: "p", number: true },
      { key: "beyond", label: "Beyond chance" }, { key: "overlap", label: "Intervals overlap" }], changes, "quality-changes"));
    const beyond = changes.filter((c) => c.beyond === "yes").length;
    byId("quality-trend-note").textContent = `${plural(beyond, "change")} between consecutive published terms beyond chance. How a change is judged: ${answer.test}. The term filter does not narrow this chart: it shows every term.`;
  }

  async function drawModules(p) {
    const answer = await getJson(`/api/quality/pass-rates?${query({ programme: p.programmeId })}`);
    const modules = [...answer.modules].sort((a, b) => (a.term === b.term ? (b.passRate.value ?? 2) - (a.passRate.value ?? 2) : a.term < b.term ? -1 : 1));
    const shown = modules.filter((m) => !m.passRate.suppressed);
    const label = (m) => `${m.moduleId} ${m.title}`;
    byId("quality-modules-panel").hidden = false;
    byId("quality-modules-title").textContent = `${p.programme}: pass rate per module (${plural(modules.length - shown.length, "module")} "low", not drawn)`;
    await chartWithTable({
      chart: "quality-modules", table: "quality-modules-table", file: fileName("quality", "modules", p.programme, term.value), className: "quality-modules",
      traces: [{ type: "scatter", mode: "markers", orientation: "h", name: "Pass rate, 95% CI", y: shown.map(label), x: shown.map((m) => pct(m.passRate.value)),
        error_x: errorBars(shown.map((m) => m.passRate), "#52606d"), marker: { size: 9, color: "#2f6fde" },
        customdata: shown.map((m) => [m.term, m.passRate.of, lower(m.passRate), upper(m.passRate)]),
        hovertemplate: "%{y} (%{customdata[0]})<br>%{x:.1f}% pass (95% CI %{customdata[2]} to %{customdata[3]}), %{customdata[1]} students<extra></extra>" }],
      layout: { margin: { l: 220, r: 20, t: 20, b: 50 }, height: Math.max(300, 26 * shown.length + 100), xaxis: { title: { text: "Pass rate (%), 95% interval" }, ticksuffix: "%", range: [0, 101] },
        yaxis: { type: "category", automargin: true, autorange: "reversed" } },
      columns: [{ key: "module", label: "Module" }, { key: "title", label: "Title" }, { key: "term", label: "Term" }, { key: "students", label: "Students", number: true },
        { key: "rate", label: "Pass rate %", number: true }, { key: "lower", label: "95% CI from", number: true }, { key: "upper", label: "to", number: true },
        { key: "missing", label: "No mark", number: true }],
      rows: modules.map((m) => ({ module: m.moduleId, title: m.title, term: m.term, students: m.passRate.of, rate: rate(m.passRate), lower: lower(m.passRate), upper: upper(m.passRate), missing: m.studentsWithoutMark })),
    });
    byId("quality-modules-panel").scrollIntoView({ block: "nearest" });
  }

  async function drawTurnaround() {
    const view = await getJson(`/api/quality/turnaround?${query()}`);
    const policy = view.policyWorkingDays;
    const within = view.withinPolicy;
    byId("quality-turnaround-cards").replaceChildren(
      card("Within policy", within.suppressed ? "low" : `${pct(within.value)}%`, within.suppressed ? "too few assessments" : `95% CI ${lower(within)}–${upper(within)}%, of ${within.of}`),
      card("Median", view.medianWorkingDays === null ? "low" : `${round(view.medianWorkingDays, 1)}`, "working days to feedback"),
      card("Returned", String(view.returned), `of ${view.assessments} assessments`),
      card("Outstanding", String(view.outstanding), `${view.outstandingLate} past ${policy} working days`));
    const bars = (rows, name, color) => ({ type: "bar", name, x: rows.map((h) => h.workingDays), y: rows.map((h) => h.assessments), marker: { color },
      hovertemplate: "%{x} working days: %{y} assessments<extra></extra>" });
    await chartWithTable({
      chart: "quality-turnaround", table: "quality-turnaround-table", file: named("turnaround"), className: "quality-turnaround",
      traces: [bars(view.histogram.filter((h) => h.workingDays <= policy), "Within policy", "#2f6fde"), bars(view.histogram.filter((h) => h.workingDays > policy), "Late", "#b42318")],
      layout: { margin: { l: 60, r: 20, t: 30, b: 60 }, height: 380, barmode: "overlay", bargap: 0.1, legend: { orientation: "h", x: 0, y: 1.12 },
        xaxis: { title: { text: "Working days from the deadline to feedback" }, rangemode: "tozero" }, yaxis: { title: { text: "Assessments returned" } },
        shapes: [line({ x0: policy + 0.5, x1: policy + 0.5, yref: "paper", y0: 0, y1: 1 })],
        annotations: [{ x: policy + 0.5, yref: "paper", y: 1, text: `policy: ${policy} working days`, showarrow: false, xanchor: "left", yanchor: "bottom", font: { color: "#b42318" } }] },
      columns: [{ key: "days", label: "Working days", number: true }, { key: "assessments", label: "Assessments", number: true }],
      rows: view.histogram.map((h) => ({ days: h.workingDays, assessments: h.assessments })),
    });
    const bins = (key) => view.bins.map((b) => `${b.label}: ${b[key]}`).join(", ");
    byId("quality-turnaround-note").textContent = `As of ${view.asOf}; working days skip ${view.calendar}. The study's bins in calendar days: ${bins("calendar")}; in working days: ${bins("working")}. `
      + `Within policy: returned within ${policy} working days, over returns and work outstanding past the limit (work still inside it is not judged yet).`;
    byId("quality-turnaround-programmes").replaceChildren(tableWithCsv(`${named("turnaround-programmes")}.csv`, [{ key: "programme", label: "Programme" }, { key: "term", label: "Term" },
      { key: "returned", label: "Returned", number: true }, { key: "outstanding", label: "Outstanding", number: true }, { key: "late", label: "Outstanding late", number: true },
      { key: "median", label: "Median working days", number: true }, { key: "rate", label: "Within policy %", number: true }, { key: "lower", label: "95% CI from", number: true },
      { key: "upper", label: "to", number: true }], inTermOrder(view.programmes).map((g) => ({ programme: g.programme, term: g.term, returned: g.returned, outstanding: g.outstanding,
      late: g.outstandingLate, median: g.medianWorkingDays ?? "low", rate: rate(g.withinPolicy), lower: lower(g.withinPolicy), upper: upper(g.withinPolicy) })), "quality-turnaround-programmes"));
    byId("quality-outstanding").replaceChildren(view.outstandingListed.length === 0
      ? Object.assign(document.createElement("p"), { className: "note", textContent: `No work is outstanding on ${view.asOf}.` })
      : tableWithCsv(`${named("outstanding")}.csv`, [{ key: "assessment", label: "Assessment" }, { key: "module", label: "Module" }, { key: "programme", label: "Programme" },
        { key: "term", label: "Term" }, { key: "due", label: "Due" }, { key: "working", label: "Working days", number: true }, { key: "late", label: "Past the limit" }],
      view.outstandingListed.map((a) => ({ assessment: `${a.assessmentId} ${a.title}`, module: `${a.moduleId} ${a.moduleTitle}`, programme: a.programme, term: a.term, due: a.dueOn,
        working: a.workingDays, late: a.late ? "yes" : "no" })), "quality-outstanding"));
  }

  async function drawAtRisk() {
    const answer = await getJson(`/api/quality/at-risk?${query()}`);
    const rule = answer.rule;
    const drawn = answer.modules.filter((r) => !r.module.passRate.suppressed && r.surveyMean !== null);
    const trace = (rows, name, marker) => ({ type: "scatter", mode: "markers", name, x: rows.map((r) => round(r.surveyMean, 3)), y: rows.map((r) => pct(r.module.passRate.value)), marker,
      customdata: rows.map((r) => [r.module.moduleId, r.module.title, r.module.passRate.of, lower(r.module.passRate), upper(r.module.passRate), evidence[r.evidence], r.surveyResponses]),
      hovertemplate: "<b>%{customdata[0]}</b> %{customdata[1]}<br>%{customdata[2]} students, pass rate %{y:.1f}% (95% CI %{customdata[3]} to %{customdata[4]})<br>survey mean %{x:.2f} (%{customdata[6]} responses)<br>evidence: %{customdata[5]}<extra></extra>" });
    const thresholdRate = rule.passRate * 100;
    await chartWithTable({
      chart: "quality-scatter", table: "quality-scatter-table", file: named("pass-rate-against-survey"), className: "quality-scatter",
      traces: [trace(drawn.filter((r) => !r.atRisk), "Module", { size: 8, color: "#2f6fde", opacity: 0.7 }),
        trace(drawn.filter((r) => r.atRisk && r.evidence === "ClearlyBelow"), "At risk, clearly below", { size: 13, color: "#b42318", symbol: "x" }),
        trace(drawn.filter((r) => r.atRisk && r.evidence !== "ClearlyBelow"), "At risk, possibly below", { size: 13, color: "#e8833a", symbol: "x" })],
      layout: { margin: { l: 60, r: 20, t: 30, b: 60 }, height: 460, legend: { orientation: "h", x: 0, y: 1.1 }, hovermode: "closest",
        xaxis: { title: { text: "Mean survey score (1-5)" } }, yaxis: { title: { text: "Pass rate (%)" }, ticksuffix: "%" },
        shapes: [line({ xref: "paper", x0: 0, x1: 1, y0: thresholdRate, y1: thresholdRate }), line({ yref: "paper", y0: 0, y1: 1, x0: rule.surveyMean, x1: rule.surveyMean })],
        annotations: [{ xref: "paper", x: 1, y: thresholdRate, text: `pass rate ${round(thresholdRate, 1)}%`, showarrow: false, xanchor: "right", yanchor: "bottom", font: { color: "#b42318" } },
          { x: rule.surveyMean, yref: "paper", y: 0, text: `survey ${rule.surveyMean}`, showarrow: false, xanchor: "left", yanchor: "bottom", font: { color: "#b42318" } }] },
      columns: [{ key: "module", label: "Module" }, { key: "title", label: "Title" }, { key: "programme", label: "Programme" }, { key: "term", label: "Term" },
        { key: "students", label: "Students", number: true }, { key: "rate", label: "Pass rate %", number: true }, { key: "lower", label: "95% CI from", number: true },
        { key: "upper", label: "to", number: true }, { key: "survey", label: "Survey mean", number: true }, { key: "responses", label: "Responses", number: true },
        { key: "evidence", label: "Evidence" }, { key: "atRisk", label: "At risk" }],
      rows: riskOrder(answer.modules).map((r) => ({ module: r.module.moduleId, title: r.module.title, programme: r.module.programme, term: r.module.term, students: r.module.passRate.of,
        rate: rate(r.module.passRate), lower: lower(r.module.passRate), upper: upper(r.module.passRate), survey: r.surveyMean === null ? "low" : round(r.surveyMean, 2),
        responses: r.surveyResponses, evidence: evidence[r.evidence], atRisk: r.atRisk ? "yes" : "no" })),
    });
    const hidden = answer.modules.length - drawn.length;
    byId("quality-scatter-note").textContent = `At risk (the study's rule): pass rate under ${round(thresholdRate, 1)}% and mean survey score under ${rule.surveyMean}, the two dashed lines. `
      + `${plural(hidden, "module")} not drawn: too few students or survey responses ("low"). ${answer.markRule}.`;
    const atRisk = answer.modules.filter((r) => r.atRisk);
    byId("quality-at-risk-note").textContent = `${plural(atRisk.length, "module")} at risk. Evidence judges the pass rate by its 95% interval, not its point: "clearly below" when the whole interval is under ${round(thresholdRate, 1)}%, "possibly below" when it straddles it.`;
    byId("quality-at-risk").replaceChildren(tableWithCsv(`${named("at-risk")}.csv`, [{ key: "module", label: "Module" }, { key: "title", label: "Title" }, { key: "programme", label: "Programme" },
      { key: "term", label: "Term" }, { key: "students", label: "Students", number: true }, { key: "rate", label: "Pass rate %", number: true }, { key: "lower", label: "95% CI from", number: true },
      { key: "upper", label: "to", number: true }, { key: "survey", label: "Survey mean", number: true }, { key: "evidence", label: "Evidence" }],
    atRisk.map((r) => ({ module: r.module.moduleId, title: r.module.title, programme: r.module.programme, term: r.module.term, students: r.module.passRate.of, rate: rate(r.module.passRate),
      lower: lower(r.module.passRate), upper: upper(r.module.passRate), survey: round(r.surveyMean, 2), evidence: evidence[r.evidence] })), "quality-at-risk"));
    return answer;
  }

  async function drawEngagement() {
    const answer = await getJson(`/api/quality/engagement?${query()}`);
    byId("quality-engagement").replaceChildren(tableWithCsv(`${named("engagement")}.csv`, [{ key: "programme", label: "Programme" }, { key: "term", label: "Term" },
      { key: "students", label: "Students", number: true }, { key: "responses", label: "Responses", number: true }, { key: "visits", label: "Median visits", number: true },
      { key: "mean", label: "Mean score (1-5)", number: true }, { key: "index", label: "Engagement index", number: true }],
    answer.programmes.map((e) => ({ programme: e.programme, term: e.term, students: e.students, responses: e.responses, visits: e.medianVisits ?? "low",
      mean: e.suppressed ? "low" : round(e.meanScore, 2), index: e.suppressed ? "low" : round(e.index, 3) })), "quality-engagement"));
    const positive = (s) => (s.positive === null ? (s.withheld ? "withheld" : "n/a") : rate(s.positive));
    byId("quality-surveys").replaceChildren(tableWithCsv(`${named("survey")}.csv`, [{ key: "theme", label: "Theme" }, { key: "question", label: "Question" },
      { key: "responses", label: "Responses", number: true }, { key: "invited", label: "Invited", number: true }, { key: "responseRate", label: "Response rate %", number: true },
      { key: "mean", label: "Mean (1-5)", number: true }, { key: "positive", label: "% positive", number: true }, { key: "lower", label: "95% CI from", number: true },
      { key: "upper", label: "to", number: true }, { key: "note", label: "Note" }],
    answer.surveys.map((s) => ({ theme: s.theme ?? "(no theme)", question: s.question ?? "(all questions)", responses: s.responses, invited: s.invited, responseRate: pct(s.responseRate),
      mean: s.withheld ? "withheld" : round(s.meanScore, 2), positive: positive(s), lower: s.positive ? lower(s.positive) : null, upper: s.positive ? upper(s.positive) : null, note: s.note ?? "" })), "quality-surveys"));
    byId("quality-surveys-note").textContent = ["% positive: answers of 4 or 5 out of 5, with its 95% Wilson interval; a result under the response-rate gate is withheld.", ...answer.notes].join(" ");
  }

  async function redraw() {
    show("");
    byId("quality-modules-panel").hidden = true;
    try {
      const results = await Promise.allSettled([drawTrends(), drawTurnaround(), drawAtRisk(), drawEngagement()]);
      const failed = results.find((r) => r.status === "rejected");
      if (failed) { show(failed.reason.message); }
      const atRisk = results[2].status === "fulfilled" ? results[2].value : null;
      if (atRisk) {
        byId("quality-rule").textContent = `${atRisk.markRule}. A rate over fewer students than the minimum (23 unless your role sets more) is shown as "low", never drawn.`;
        byId("quality-cards").replaceChildren(card("Modules", String(atRisk.modules.length)), card("At risk", String(atRisk.modules.filter((r) => r.atRisk).length), "by the study's rule"),
          card("Clearly below", String(atRisk.modules.filter((r) => r.evidence === "ClearlyBelow").length), `pass rate interval under ${round(atRisk.rule.passRate * 100, 1)}%`),
          card("Low", String(atRisk.modules.filter((r) => r.evidence === "Low").length), "modules too small for a rate"));
      }
    } catch (e) {
      show(e.message);
    }
  }

  // The programmes a faculty holds; a chosen programme outside it goes back to all.
  function fillProgrammes() {
    const kept = programme.value;
    const listed = choices.programmes.filter((p) => !faculty.value || p.faculty === faculty.value);
    programme.replaceChildren(new Option("All programmes", ""), ...listed.map((p) => new Option(p.name, p.programmeId)));
    programme.value = listed.some((p) => p.programmeId === kept) ? kept : "";
  }

  try {
    choices = await getJson("/api/quality/choices");
    faculty.setAttribute("aria-busy", "false");
    if (choices.modules === 0) {
      byId("quality-empty").hidden = false;
      for (const part of document.querySelectorAll(".quality-part")) { part.hidden = true; }
      return;
    }
    faculty.append(...choices.faculties.map((f) => new Option(f, f)));
    term.append(...choices.terms.map((t) => new Option(t, t)));
    fillProgrammes();
    faculty.addEventListener("change", () => { fillProgrammes(); redraw(); });
    for (const control of [programme, term]) { control.addEventListener("change", redraw); }
    await redraw();
  } catch (e) {
    show(e.message);
  }
})();
