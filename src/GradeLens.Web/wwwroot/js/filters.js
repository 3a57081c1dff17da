// The filters users expect on Overview, Tracking, Gaps, Equity and Triage: a school, a class (teaching group) and a year
// group, each offered only where the caller's students have two or more (GET /api/filters). A choice goes into the
// page's address and the page opens again on it, so every chart, table and CSV of the page is of the same students and
// the address can be shared. Analysts get no filters: their views stay whole (the note says why).
"use strict";

(async () => {
  const { getJson, element, pageFilters } = window.gradelens;
  const form = document.getElementById("student-filters");
  if (!form) { return; }
  let menu;
  try {
    menu = await getJson("/api/filters");
  } catch {
    return; // The page itself says what went wrong; the filters are not worth a second message.
  }
  const { schools, classes, yearGroups } = menu.choices;
  const chosen = (name) => pageFilters.get(name) ?? "";
  const school = chosen("school");
  const classesHere = classes.filter((c) => !school || c.school === school);
  // Class names of several schools are listed once when no school is chosen (the same name in two schools is two classes: choose the school first).
  const classOptions = [...new Map(classesHere.map((c) => [c.value, c])).values()];
  const students = (list, value) => list.filter((c) => c.value === value).reduce((n, c) => n + c.students, 0);

  const select = (name, label, all, options) => {
    const control = element("select", { name, id: `filter-${name}` }, [
      new Option(all, ""),
      ...options.map((c) => new Option(`${c.value} (${students(options === classOptions ? classesHere : [c], c.value)} students)`, c.value)),
    ]);
    control.value = chosen(name);
    control.addEventListener("change", () => go(name, control.value));
    return element("label", {}, [element("span", { textContent: label }), control]);
  };

  const controls = [];
  if (schools.length >= 2 || school) { controls.push(select("school", "School", "All schools", schools)); }
  if (classOptions.length >= 2 || chosen("class")) { controls.push(select("class", "Class", school ? "All classes of the school" : "All classes", classOptions)); }
  if (yearGroups.length >= 2 || chosen("yearGroup")) { controls.push(select("yearGroup", "Year group", "All year groups", yearGroups)); }
  if (controls.length === 0) { return; }

  const narrowed = [school, chosen("class") && `class ${chosen("class")}`, chosen("yearGroup") && `year group ${chosen("yearGroup")}`].filter(Boolean);
  const state = narrowed.length
    ? element("p", { className: "filter-state" }, [
      element("span", { textContent: `Showing only ${narrowed.join(", ")}. ` }),
      element("a", { href: address(new URLSearchParams()), textContent: "Show everyone" })])
    : element("p", { className: "filter-state note", textContent: "Showing every student you can see." });
  form.replaceChildren(...controls, state);
  form.hidden = false;

  // The page's address with the filters changed (its other settings kept).
  function address(filters) {
    const params = new URLSearchParams(location.search);
    for (const name of window.gradelens.filterNames) { params.delete(name); }
    for (const [name, value] of filters) { if (value) { params.set(name, value); } }
    const query = params.toString();
    return location.pathname + (query ? `?${query}` : "");
  }

  function go(name, value) {
    const next = new URLSearchParams(pageFilters);
    next.set(name, value);
    // A class belongs to its school: a new school starts from all its classes.
    if (name === "school") { next.delete("class"); }
    location.assign(address(next));
  }
})();
