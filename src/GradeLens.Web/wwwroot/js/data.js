// Data page: upload files to POST /api/imports (showing upload progress, then a spinner) and render the import report.
"use strict";

(() => {
  const { element, table, problemSentence } = window.gradelens;
  const { tableWithCsv } = window.gradelensCharts;
  const form = document.getElementById("upload-form");
  const button = document.getElementById("import-button");
  const status = document.getElementById("status");
  const statusText = document.getElementById("status-text");
  const report = document.getElementById("report");

  const delimiterNames = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };
  const list = (values) => (values && values.length ? values.join(", ") : "");

  async function upload(data, onProgress) {
    const token = await window.gradelens.antiforgery();
    // XMLHttpRequest rather than fetch: only it reports upload progress.
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("POST", "/api/imports");
      request.setRequestHeader("Accept", "application/json");
      request.setRequestHeader("X-CSRF-TOKEN", token);
      request.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      request.upload.onload = () => onProgress(1);
      request.onload = () => {
        let body = null;
        try { body = JSON.parse(request.responseText); } catch { /* not JSON: reported below */ }
        resolve({ status: request.status, body });
      };
      request.onerror = () => reject(new Error("The server could not be reached."));
      request.send(data);
    });
  }

  function showStatus(text) {
    statusText.textContent = text;
    status.hidden = text === null;
  }

  // What went wrong, in the user's words: each of the server's reasons on its own line, or one sentence for the status.
  function renderProblem(status, problem) {
    const reasons = Object.values((problem && problem.errors) || {}).flat();
    const lines = reasons.length > 0 ? reasons : [problemSentence(status, problem)];
    report.replaceChildren(
      element("h2", { textContent: "Import failed" }),
      ...lines.map((line) => element("p", { className: "message failed", textContent: line })));
    report.hidden = false;
  }

  function renderReport(r) {
    const parts = [
      element("h2", { textContent: r.dryRun ? "Health report (dry run: nothing was stored)" : "Import report" }),
      element("p", { className: `message ${r.succeeded ? "ok" : "failed"}`, textContent: r.message, dir: "auto" }),
    ];

    const tables = r.tables.map((t) => ({
      file: t.file,
      sheet: t.sheet,
      kind: t.kind,
      encoding: t.encoding,
      delimiter: delimiterNames[t.delimiter] ?? t.delimiter,
      shape: t.shape,
      rows: t.rows,
      students: t.students,
      subjects: list(t.subjects),
      series: list(t.series),
      duplicateRows: t.duplicateRows,
    }));
    parts.push(element("h3", { textContent: "Tables" }), tableWithCsv("gradelens-import-tables.csv", [
      { key: "file", label: "File" },
      { key: "sheet", label: "Sheet" },
      { key: "kind", label: "Kind" },
      { key: "encoding", label: "Encoding" },
      { key: "delimiter", label: "Delimiter" },
      { key: "shape", label: "Shape" },
      { key: "rows", label: "Rows", number: true },
      { key: "students", label: "Students", number: true },
      { key: "subjects", label: "Subjects" },
      { key: "series", label: "Series" },
      { key: "duplicateRows", label: "Duplicate rows", number: true },
    ], tables, "report-tables"));

    for (const t of r.tables) {
      parts.push(element("h3", { textContent: `Columns of ${t.file}${t.sheet ? ` (${t.sheet})` : ""}`, dir: "auto" }));
      parts.push(tableWithCsv("gradelens-import-columns.csv", [
        { key: "header", label: "Header" },
        { key: "role", label: "Role" },
        { key: "target", label: "Target" },
        { key: "missing", label: "Missing", number: true },
        { key: "distinct", label: "Distinct", number: true },
        { key: "scale", label: "Scale" },
        { key: "outOfScale", label: "Out of scale", number: true },
        { key: "zeros", label: "Zeros", number: true },
        { key: "minimum", label: "Min" },
        { key: "maximum", label: "Max" },
      ], t.columns, "report-columns"));
      const facts = element("dl", { className: "facts" }, [
        element("dt", { textContent: "Unmapped columns" }),
        element("dd", { textContent: list(t.unmappedColumns) || "none", dir: "auto" }),
      ]);
      parts.push(facts);
      if (t.notes.length) {
        parts.push(element("ul", { className: "notes" }, t.notes.map((n) => element("li", { textContent: n, dir: "auto" }))));
      }
    }

    const w = r.written;
    if (w) {
      parts.push(element("h3", { textContent: r.dryRun ? "Would write" : "Written" }), table([
        { key: "what", label: "What" },
        { key: "count", label: "Rows", number: true },
      ], [
        { what: "Students added", count: w.studentsAdded },
        { what: "Students updated", count: w.studentsUpdated },
        { what: "Results added", count: w.resultsAdded },
        { what: "Results updated", count: w.resultsUpdated },
        { what: "Results unchanged", count: w.resultsUnchanged },
        { what: "Baselines written", count: w.baselinesWritten },
        { what: "Assessments added", count: w.assessmentsAdded },
        { what: "Area rows written", count: w.areaRowsWritten },
      ], "report-written"));
    }

    const rejectedTitle = r.rejectedTotal > r.rejected.length
      ? `Rejected rows (first ${r.rejected.length} of ${r.rejectedTotal})`
      : `Rejected rows (${r.rejectedTotal})`;
    parts.push(element("h3", { textContent: rejectedTitle }));
    parts.push(r.rejected.length
      ? tableWithCsv("gradelens-rejected-rows.csv", [
        { key: "file", label: "File" },
        { key: "line", label: "Line", number: true },
        { key: "column", label: "Column" },
        { key: "value", label: "Value" },
        { key: "reason", label: "Reason" },
      ], r.rejected, "report-rejected")
      : element("p", { textContent: "None." }));

    report.replaceChildren(...parts);
    report.hidden = false;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const files = document.getElementById("files").files;
    if (!files.length) {
      renderProblem(400, { detail: "Choose at least one file to import." });
      return;
    }

    const data = new FormData();
    for (const file of files) {
      data.append("files", file, file.name);
    }
    const mapping = document.getElementById("mapping").files[0];
    if (mapping) {
      data.append("mapping", mapping, mapping.name);
    }
    data.append("dryRun", document.getElementById("dry-run").checked ? "true" : "false");
    data.append("skipBadRows", document.getElementById("skip-bad-rows").checked ? "true" : "false");
    data.append("allowChanges", document.getElementById("allow-changes").checked ? "true" : "false");
    data.append("organisation", document.getElementById("organisation").value.trim());
    data.append("cohort", document.getElementById("cohort").value.trim());

    button.disabled = true;
    report.hidden = true;
    showStatus("Uploading…");
    try {
      const { status: code, body } = await upload(data, (fraction) =>
        showStatus(fraction < 1 ? `Uploading… ${Math.round(fraction * 100)}%` : "Checking and importing…"));
      if (code === 200 && body) {
        renderReport(body);
      } else {
        renderProblem(code, body);
      }
    } catch (error) {
      renderProblem(0, { detail: error.message });
    } finally {
      showStatus(null);
      button.disabled = false;
    }
  });
})();
