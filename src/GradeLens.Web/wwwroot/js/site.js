// Shared by every page: fetch JSON, build tables (with a CSV export) without ever writing data as HTML.
"use strict";

window.gradelens = (() => {
  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error((body && (body.detail || body.title)) || `${url} answered ${response.status}`);
    }
    return body;
  }

  function element(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    Object.assign(node, props);
    for (const child of children) {
      node.append(child);
    }
    return node;
  }

  const numberFormat = new Intl.NumberFormat();
  const display = (value) =>
    value === null || value === undefined ? "" : typeof value === "number" ? numberFormat.format(value) : String(value);

  // columns: [{ key, label, number }]; rows: objects. Cells get dir="auto" so Arabic and French read in their own direction.
  function table(columns, rows, className = "") {
    const head = element("tr", {}, columns.map((c) => element("th", { textContent: c.label, className: c.number ? "number" : "" })));
    const body = rows.map((row) =>
      element("tr", {}, columns.map((c) => {
        const cell = element("td", { textContent: display(row[c.key]), className: c.number ? "number" : "" });
        cell.dir = "auto";
        cell.dataset.key = c.key;
        return cell;
      })));
    return element("div", { className: "table-wrap" }, [
      element("table", { className }, [element("thead", {}, [head]), element("tbody", {}, body)]),
    ]);
  }

  function csv(columns, rows) {
    const quote = (value) => {
      const text = value === null || value === undefined ? "" : String(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = [columns.map((c) => quote(c.label)).join(",")];
    for (const row of rows) {
      lines.push(columns.map((c) => quote(row[c.key])).join(","));
    }
    return lines.join("\r\n") + "\r\n";
  }

  // A link that downloads the rows as UTF-8 CSV (with a byte-order mark, so spreadsheet programs read Arabic right).
  function csvLink(fileName, columns, rows) {
    return element("a", {
      className: "export",
      textContent: "Download CSV",
      download: fileName,
      href: "data:text/csv;charset=utf-8," + encodeURIComponent("\uFEFF" + csv(columns, rows)),
    });
  }

  function tableWithCsv(fileName, columns, rows, className = "") {
    return element("div", {}, [table(columns, rows, className), csvLink(fileName, columns, rows)]);
  }

  return { getJson, element, table, csv, csvLink, tableWithCsv, display };
})();
