// Shared by every page: fetch JSON (errors said in the user's words), build tables without ever writing data as HTML,
// page long tables, and fold the navigation into a menu button on narrow screens.
"use strict";

window.gradelens = (() => {
  // Who is signed in, with the antiforgery token every POST and DELETE sends (X-CSRF-TOKEN).
  const me = fetch("/api/me", { headers: { Accept: "application/json" } }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  const antiforgery = async () => ((await me) || {}).antiforgery || "";

  // What a refused or failed answer means for the user, and what to do: never an address, a status code or a path.
  const sentences = {
    401: "Your session has ended: sign in again.",
    403: "Your account may not see this: ask your administrator if you need it.",
    404: "This was not found: it may have been removed, or the link is out of date.",
    413: "The file is too large to send: split it, or ask your administrator to raise the limit.",
    429: "Too many attempts in a short time: wait a minute and try again.",
  };
  const serverFailed = "Something went wrong on the server; try again, or tell your administrator.";
  const unreachable = "The server could not be reached: check the connection and try again.";
  function problemSentence(status, body) {
    if (status === 0) { return unreachable; }
    if (status === 400 || status === 409 || status === 422) {
      const errors = body && body.errors ? Object.values(body.errors).flat().join(" ") : "";
      return errors || (body && body.detail) || "That choice was not accepted: change it and try again.";
    }
    return sentences[status] ?? (status >= 500 ? serverFailed : "The answer could not be read: try again, or tell your administrator.");
  }

  async function answer(response) {
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error(problemSentence(response.status, body));
    }
    return body;
  }

  // fetch, with a network failure said in words too.
  async function request(url, options) {
    let response;
    try {
      response = await fetch(url, options);
    } catch {
      throw new Error(unreachable);
    }
    return answer(response);
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

  // The page's filters (a school, a class, a year group: filters.js) ride in its address and go with every API call it
  // makes, so every chart, table and CSV of the page is of the same students.
  const filterNames = ["school", "class", "yearGroup"];
  const pageFilters = new URLSearchParams();
  if (document.getElementById("student-filters")) {
    const here = new URLSearchParams(location.search);
    for (const name of filterNames) { if (here.get(name)) { pageFilters.set(name, here.get(name)); } }
  }
  function withFilters(url) {
    if (pageFilters.size === 0 || !url.startsWith("/api/") || url.startsWith("/api/filters")) { return url; }
    const address = new URL(url, location.origin);
    for (const [name, value] of pageFilters) { if (!address.searchParams.has(name)) { address.searchParams.set(name, value); } }
    return address.pathname + address.search;
  }

  function getJson(url) {
    return tracked(() => request(withFilters(url), { headers: { Accept: "application/json" } }));
  }

  async function sendJson(url, body, method = "POST") {
    const headers = { Accept: "application/json", "X-CSRF-TOKEN": await antiforgery() };
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return tracked(() => request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  }

  function element(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    Object.assign(node, props);
    for (const child of children) {
      node.append(child);
    }
    return node;
  }

  // A value the data does not record (the store's "(unknown)") reads "not recorded" wherever it is shown.
  const shown = (value) => (value === "(unknown)" ? "not recorded" : value);
  const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });
  const display = (value) =>
    value === null || value === undefined ? "" : typeof value === "number" ? numberFormat.format(value) : String(shown(value));

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

  // A long table a page at a time, with a search over every cell: "Showing 1-25 of 200", previous and next.
  function pagedTable(columns, rows, className = "", { pageSize = 25, label = "Find" } = {}) {
    const search = element("input", { type: "search", className: "table-search", placeholder: "id or value" });
    search.setAttribute("aria-label", label);
    const previous = element("button", { type: "button", className: "pager-button", textContent: "Previous" });
    const next = element("button", { type: "button", className: "pager-button", textContent: "Next" });
    const position = element("span", { className: "pager-position" });
    position.setAttribute("aria-live", "polite");
    const holder = element("div");
    let start = 0;
    const matching = () => {
      const words = search.value.trim().toLowerCase();
      return words === "" ? rows : rows.filter((row) => columns.some((c) => display(row[c.key]).toLowerCase().includes(words)));
    };
    function draw() {
      const found = matching();
      start = Math.max(0, Math.min(start, Math.floor(Math.max(found.length - 1, 0) / pageSize) * pageSize));
      holder.replaceChildren(table(columns, found.slice(start, start + pageSize), className));
      position.textContent = found.length === 0 ? "No match" : `Showing ${start + 1}–${Math.min(start + pageSize, found.length)} of ${found.length}`;
      previous.disabled = start === 0;
      next.disabled = start + pageSize >= found.length;
    }
    search.addEventListener("input", () => { start = 0; draw(); });
    previous.addEventListener("click", () => { start -= pageSize; draw(); });
    next.addEventListener("click", () => { start += pageSize; draw(); });
    draw();
    return element("div", { className: "paged" }, [element("div", { className: "pager" }, [search, previous, position, next]), holder]);
  }

  // Under 768 px the navigation folds into a menu button (the list and the account box open and close with it).
  const nav = document.querySelector("nav.nav");
  if (nav) {
    const list = nav.querySelector("ul");
    list.id = "nav-pages";
    const button = element("button", { type: "button", className: "menu-button", id: "menu-button", textContent: "Menu" });
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "nav-pages");
    button.addEventListener("click", () => button.setAttribute("aria-expanded", String(nav.classList.toggle("open"))));
    nav.querySelector(".brand").after(button);
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
    // Ends every session and API key of this user, here and on every other device.
    const everywhere = element("input", { type: "hidden", name: "__RequestVerificationToken", value: user.antiforgery });
    box.append(element("form", { method: "post", action: "/signout/everywhere" }, [everywhere,
      element("button", { type: "submit", className: "link", id: "signout-everywhere-button", textContent: "Sign out everywhere", title: "Ends your sessions on every device and revokes your API keys" })]));
  });

  return { getJson, sendJson, antiforgery, me, element, table, pagedTable, display, shown, problemSentence, withFilters, pageFilters, filterNames };
})();
