// Admin: users (add, set a password, issue, list and revoke API keys, remove) and the audit log, each table with its CSV.
"use strict";

(() => {
  const { getJson, sendJson } = window.gradelens;
  const { tableWithCsv, errorBox } = window.gradelensCharts;
  const issued = document.getElementById("issued-key");
  const show = errorBox(document.getElementById("admin-error"));
  const list = (text) => text.split(",").map((v) => v.trim()).filter((v) => v.length > 0);
  const value = (id) => document.getElementById(id).value;
  const chosen = () => encodeURIComponent(value("manage-user"));

  async function refresh() {
    const users = await getJson("/api/admin/users");
    document.getElementById("users-table").replaceChildren(tableWithCsv("gradelens-users.csv", [
      { key: "name", label: "User" }, { key: "role", label: "Role" }, { key: "organisation", label: "Organisation" },
      { key: "schools", label: "Schools" }, { key: "classes", label: "Classes" }, { key: "locked", label: "Locked" }, { key: "created", label: "Created (UTC)" },
    ], users.map((u) => ({ ...u, schools: u.schools.join(", "), classes: u.classes.join(", "), locked: u.locked ? "locked" : "", created: u.createdAt.slice(0, 16).replace("T", " ") })), "users"));
    const manage = document.getElementById("manage-user");
    const kept = manage.value;
    manage.replaceChildren(...users.map((u) => new Option(u.name, u.name)));
    if (users.some((u) => u.name === kept)) { manage.value = kept; }
    await refreshKeys();

    const audit = await getJson("/api/admin/audit?limit=500");
    document.getElementById("audit-title").textContent = `Audit log: ${audit.length} latest entries`;
    document.getElementById("audit-table").replaceChildren(tableWithCsv("gradelens-audit-log.csv", [
      { key: "at", label: "When (UTC)" }, { key: "user", label: "User" }, { key: "action", label: "Action" }, { key: "detail", label: "Detail" }, { key: "remoteAddress", label: "From" },
    ], audit.map((a) => ({ ...a, at: a.at.slice(0, 19).replace("T", " ") })), "audit"));
  }

  // The chosen user's API keys (never the keys themselves), and the active ones to revoke.
  async function refreshKeys() {
    const keys = value("manage-user") ? await getJson(`/api/admin/users/${chosen()}/keys`) : [];
    const minute = (t) => (t ? t.slice(0, 16).replace("T", " ") : "");
    document.getElementById("keys-table").replaceChildren(tableWithCsv("gradelens-api-keys.csv", [
      { key: "id", label: "API key" }, { key: "label", label: "Label" }, { key: "created", label: "Created (UTC)" },
      { key: "expires", label: "Expires (UTC)" }, { key: "used", label: "Last used (UTC)" }, { key: "state", label: "State" },
    ], keys.map((k) => ({ id: k.id, label: k.label, created: minute(k.createdAt), expires: minute(k.expiresAt), used: minute(k.lastUsedAt),
      state: k.revokedReason ? `${k.state} (${k.revokedReason})` : k.state })), "keys"));
    document.getElementById("manage-key").replaceChildren(...keys.filter((k) => k.state === "active").map((k) => new Option(`${k.id} (${k.label})`, k.id)));
  }

  async function act(action) {
    show("");
    issued.hidden = true;
    try {
      await action();
      await refresh();
    } catch (e) {
      show(e.message);
    }
  }

  document.getElementById("add-user-form").addEventListener("submit", (event) => {
    event.preventDefault();
    act(async () => {
      await sendJson("/api/admin/users", { name: value("new-name"), role: value("new-role"), organisation: value("new-organisation") || null,
        schools: list(value("new-schools")), classes: list(value("new-classes")), password: value("new-password") });
      event.target.reset();
    });
  });
  document.getElementById("set-password-button").addEventListener("click", () =>
    act(() => sendJson(`/api/admin/users/${chosen()}/password`, { password: value("manage-password") })));
  document.getElementById("issue-key-button").addEventListener("click", () => act(async () => {
    const key = await sendJson(`/api/admin/users/${chosen()}/keys`, { label: "admin page" });
    issued.textContent = `API key for ${key.user} (shown once; send it as "Authorization: Bearer …"): ${key.key}`;
    issued.hidden = false;
  }));
  document.getElementById("manage-user").addEventListener("change", () => refreshKeys().catch((e) => show(e.message)));
  document.getElementById("revoke-key-button").addEventListener("click", () => {
    const key = value("manage-key");
    if (key && window.confirm(`Revoke API key ${key} of ${value("manage-user")}? Scripts using it stop working at once.`)) {
      act(() => sendJson(`/api/admin/users/${chosen()}/keys/${encodeURIComponent(key)}`, undefined, "DELETE"));
    }
  });
  document.getElementById("remove-user-button").addEventListener("click", () => {
    if (window.confirm(`Remove ${value("manage-user")}? They can no longer sign in and their API keys stop working.`)) {
      act(() => sendJson(`/api/admin/users/${chosen()}`, undefined, "DELETE"));
    }
  });

  refresh().catch((e) => show(e.message));
})();
