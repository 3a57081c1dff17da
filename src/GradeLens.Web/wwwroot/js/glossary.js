// Plain words for every statistical term: each one on the page carries its one-line explanation on hover (an <abbr
// title>), added as the page draws; the Glossary page lists them all. The terms are in glossary-terms.js.
"use strict";

window.gradelensTerms = (() => {
  const terms = window.gradelensGlossary;
  const byId = new Map(terms.map((t) => [t.id, t]));
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Longest first, so "Welch ANOVA" wins over "ANOVA" and "95% CI" over "CI"; whole words only, any case.
  const words = terms.flatMap((t) => t.words.map((w) => [w, t])).sort((a, b) => b[0].length - a[0].length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(([w]) => escape(w)).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const byWord = new Map(words.map(([w, t]) => [w.toLowerCase(), t]));
  const byLabel = new Map(terms.flatMap((t) => (t.labels ?? []).map((l) => [l, t])));
  // Where a term is explained: headings, labels, notes, column headings; never data cells, menus, buttons or charts.
  const skip = "td, select, option, button, input, textarea, script, style, abbr, a, svg, .js-plotly-plot, .glossary, .account, nav";

  function abbr(term, text) {
    const node = document.createElement("abbr");
    node.title = term.text;
    node.dataset.term = term.id;
    node.textContent = text;
    return node;
  }

  function markText(textNode) {
    const parent = textNode.parentElement;
    if (!parent || parent.closest(skip)) { return; }
    const whole = textNode.textContent.trim();
    if (parent.tagName === "TH" && byLabel.has(whole) && parent.childNodes.length === 1) {
      textNode.replaceWith(abbr(byLabel.get(whole), textNode.textContent));
      return;
    }
    // Each term once where it is first read: once per column heading or card, else once per section of the page. A
    // text node is split only to wrap a term, so marking text again changes nothing (the observer cannot loop).
    const scope = parent.closest("th, .card, section, header, aside") ?? document.body;
    let rest = textNode;
    const search = pattern;
    search.lastIndex = 0;
    for (let found = search.exec(rest.textContent); found; found = search.exec(rest.textContent)) {
      const term = byWord.get(found[0].toLowerCase());
      if (scope.querySelector(`abbr[data-term="${term.id}"]`)) { continue; }
      const word = rest.splitText(found.index);
      rest = word.splitText(found[0].length);
      word.replaceWith(abbr(term, found[0]));
      search.lastIndex = 0;
    }
  }

  // Every text node under root, leaving out whole subtrees that are never marked (tables' cells, charts, menus).
  function mark(root) {
    if (root.nodeType === Node.TEXT_NODE) { markText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE || root.closest(skip)) { return; }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.nodeType === Node.ELEMENT_NODE && node.matches(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const found = [];
    while (walker.nextNode()) { if (walker.currentNode.nodeType === Node.TEXT_NODE) { found.push(walker.currentNode); } }
    found.forEach(markText);
  }

  // The Glossary page: every term, in order, with an anchor to link to.
  const list = document.getElementById("glossary-list");
  if (list) {
    list.replaceChildren(...terms.flatMap((t) => {
      const dt = document.createElement("dt");
      dt.id = t.id;
      dt.textContent = t.term;
      const dd = document.createElement("dd");
      dd.textContent = t.text;
      return [dt, dd];
    }));
  }

  // A term the page's HTML names itself (<abbr data-term="q-value">q</abbr>) gets its words.
  document.querySelectorAll("abbr[data-term]:not([title])").forEach((node) => { node.title = byId.get(node.dataset.term)?.text ?? ""; });

  // The text already on the page, then everything the page's script draws later (marking is idempotent: the text
  // nodes a split adds come back through the observer with no term left in them).
  const main = document.querySelector("main");
  if (main) {
    mark(main);
    new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(mark)))
      .observe(main, { childList: true, subtree: true });
  }

  return { explain: (id) => byId.get(id)?.text ?? "", terms };
})();
