// The at-risk model's choices, shared by the Risk, Triage and Students pages: the target series and subject, the outcome
// threshold, protected attributes and calibration. Filled from /api/overview; the latest series is the default target.
"use strict";

window.gradelensModelForm = (() => {
  const { getJson } = window.gradelens;

  async function init(onChange) {
    const series = document.getElementById("target-series");
    const subject = document.getElementById("target-subject");
    const info = await getJson("/api/overview");
    series.replaceChildren(...info.series.map((s) => new Option(s, s)));
    subject.replaceChildren(...info.subjects.map((s) => new Option(s, s)));
    if (info.series.length > 0) { series.value = info.series[info.series.length - 1]; }
    for (const id of ["target-series", "target-subject", "below", "include-protected", "calibration"]) {
      const control = document.getElementById(id);
      if (control) { control.addEventListener("change", () => onChange(query())); }
    }
    return info.series.length > 0 && info.subjects.length > 0;
  }

  function query() {
    const params = new URLSearchParams({
      series: document.getElementById("target-series").value,
      subject: document.getElementById("target-subject").value,
    });
    const below = document.getElementById("below");
    if (below && below.value !== "") { params.set("below", below.value); }
    const includeProtected = document.getElementById("include-protected");
    if (includeProtected && includeProtected.checked) { params.set("includeProtected", "true"); }
    const calibration = document.getElementById("calibration");
    if (calibration) { params.set("calibration", calibration.value); }
    return params;
  }

  return { init, query };
})();
