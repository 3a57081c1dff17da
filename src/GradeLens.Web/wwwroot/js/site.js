// Shared by every page: fetch JSON, build tables (with a CSV export) without ever writing data as HTML.
"use strict";

window.gradelens = (() => {
  // Who is signed in, with the antiforgery token every POST and DELETE sends (X-CSRF-TOKEN).
  const me = fetch("/api/me", { headers: { Accept: "application/json" } }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  const antiforgery = async () => ((await me) || {}).antiforgery || "";

  async function answer(url, response) {
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const errors = body && body.errors ? Object.values(body.errors).flat().join(" ") : "";
      throw new Error(errors || (body && (body.detail || body.title)) || `${url} answered ${response.status}`);
    }
    return body;
  }

  // While any answer is on its way (a first answer over a million students can take seconds), a spinner shows in the
  // corner with "Loading ..." for screen readers.
  const activity = element("div", { id: "activity", hidden: true }, [
    element("span", { className: "spinner" }), element("span", { className: "label", textContent: "Loading ..." })]);
  activity.setAttribute("role", "status");
  activity.firstChild.setAttribute("aria-hidden", "true");
  if (document.body) { document.body.append(activity); } else { document.addEventListener("DOMContentLoaded", () => document.body.append(activity)); }
  let waiting = 0;
  async function tracked(work) {
    activity.hidden = ++waiting === 0;
    try {
      return await work();
    } finally {
      activity.hidden = --waiting === 0;
    }
  }

  function getJson(url) {
    return tracked(async () => answer(url, await fetch(url, { headers: { Accept: "application/json" } })));
  }

  async function sendJson(url, body, method = "POST") {
    const headers = { Accept: "application/json", "X-CSRF-TOKEN": await antiforgery() };
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return tracked(async () => answer(url, await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })));
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
  // The download is recorded in the audit log (file, page, rows), never its content.
  function csvLink(fileName, columns, rows) {
    const link = element("a", {
      className: "export",
      textContent: "Download CSV",
      download: fileName,
      href: "data:text/csv;charset=utf-8," + encodeURIComponent("\uFEFF" + csv(columns, rows)),
    });
    link.addEventListener("click", () => {
      sendJson("/api/audit/exports", { file: fileName, page: location.pathname, rows: rows.length }).catch(() => {});
    });
    return link;
  }

  function tableWithCsv(fileName, columns, rows, className = "") {
    return element("div", {}, [table(columns, rows, className), csvLink(fileName, columns, rows)]);
  }

  // The account box in the navigation: who is signed in and a sign-out button, or the demo's automatic sign-in, said plainly.
  me.then((user) => {
    const box = document.getElementById("account");
    if (!box || !user) { return; }
    const reach = user.role === "admin" ? "all data" : user.organisation + (user.role === "analyst" ? ", aggregates only" : "");
    box.append(element("div", { className: "who", textContent: `${user.name} (${user.role}: ${reach})` }));
    if (user.automatic) {
      box.append(element("p", { className: "automatic", id: "automatic-sign-in",
        textContent: "Signed in automatically: this demo server listens on 127.0.0.1 only, so nobody else can reach it." }));
      return;
    }
    const token = element("input", { type: "hidden", name: "__RequestVerificationToken", value: user.antiforgery });
    box.append(element("form", { method: "post", action: "/signout" }, [token, element("button", { type: "submit", className: "link", id: "signout-button", textContent: "Sign out" })]));
  });

  return { getJson, sendJson, antiforgery, me, element, table, csv, csvLink, tableWithCsv, display };
})();
