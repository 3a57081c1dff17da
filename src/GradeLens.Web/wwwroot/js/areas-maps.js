// Areas, maps: the states (a year's average score, or actual minus predicted) and the counties (predicted score, its
// 95% prediction interval in the hover). The shapes are us-atlas's TopoJSON, served by this app from npm and turned into
// GeoJSON by topojson-client: nothing is fetched from anywhere else, so the maps draw offline.
"use strict";

(() => {
  const { getJson, element, pagedTable } = window.gradelens;
  const { round, chartWithTable, plot, csvLink, downloadPng, fileName, errorBox } = window.gradelensCharts;
  const { fixed, options, query, addPanel } = window.gradelensAreas;
  const key = (name) => String(name ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
  const suffix = / (county|parish|borough|census area|city and borough|municipality|municipio)$/i;
  let atlas = null;

  // The states' and counties' GeoJSON with lookups by name. Plotly's geo layer fetches a base map from a CDN for any
  // choropleth unless one is already loaded under its name: the atlas itself is put there, so it fetches nothing.
  function shapes() {
    atlas ??= fetch("/lib/counties-10m.json", { headers: { Accept: "application/json" } }).then((r) => {
      if (!r.ok) { throw new Error("The map shapes could not be loaded: try again, or tell your administrator."); }
      return r.json();
    }).then((us) => {
      window.PlotlyGeoAssets ??= { topojson: {} };
      for (const name of ["usa_110m", "usa_50m"]) { window.PlotlyGeoAssets.topojson[name] = us; }
      const states = topojson.feature(us, us.objects.states);
      const counties = topojson.feature(us, us.objects.counties);
      const stateIds = new Map(states.features.map((f) => [key(f.properties.name), f.id]));
      const countyIds = new Map();
      for (const f of counties.features) {
        const named = `${f.id.slice(0, 2)}|${key(f.properties.name)}`;
        countyIds.set(named, [...(countyIds.get(named) ?? []), f.id]);
      }
      return { states, counties, stateIds, countyIds, ids: new Set(counties.features.map((f) => f.id)) };
    });
    return atlas;
  }

  // A county's FIPS code: its own when it is one the atlas has (the demo's), else by name within its state (NAEP's
  // files carry none); Virginia's and others' independent cities ("Richmond city") are the codes from 500 up.
  function countyId(shape, county) {
    if (/^\d{5}$/.test(county.code ?? "") && shape.ids.has(county.code)) { return county.code; }
    const state = shape.stateIds.get(key(county.parentArea));
    if (!state) { return null; }
    const city = / city$/.test(county.area);
    const candidates = shape.countyIds.get(`${state}|${key(county.area.replace(suffix, "").replace(/ city$/, ""))}`) ?? [];
    return candidates.find((id) => (Number(id.slice(2)) >= 500) === city) ?? (candidates.length === 1 ? candidates[0] : null);
  }

  const geo = (fit) => ({ scope: "usa", projection: { type: fit ? "mercator" : "albers usa" }, visible: false, fitbounds: fit ? "locations" : false, bgcolor: "rgba(0,0,0,0)" });

  async function drawStates() {
    const score = document.getElementById("map-score").value;
    const year = document.getElementById("map-year").value;
    const residual = document.getElementById("map-show").value === "residual";
    const [shape, result] = await Promise.all([shapes(), getJson(`/api/areas/residuals?${query({ score, year })}`)]);
    const placed = (result.areaYears ?? []).map((r) => ({ ...r, id: shape.stateIds.get(key(r.area)) })).filter((r) => r.id);
    const rows = placed.map((r) => ({ area: r.area, actual: fixed(r.actual, 1), predicted: fixed(r.predicted, 1), lower: fixed(r.lower, 1), upper: fixed(r.upper, 1),
      residual: fixed(r.residual, 1), verdict: r.verdict }));
    await chartWithTable({
      chart: "state-map", table: "state-map-table", file: fileName("areas", "map", score, year, residual ? "residual" : "score"), rows, className: "state-map",
      traces: [{ type: "choropleth", geojson: shape.states, featureidkey: "id", locations: placed.map((r) => r.id),
        z: placed.map((r) => round(residual ? r.residual : r.actual, 1)), colorscale: residual ? "RdBu" : "Viridis", zmid: residual ? 0 : undefined,
        colorbar: { title: { text: residual ? "actual − predicted" : score } }, marker: { line: { color: "#ffffff", width: 0.6 } },
        text: placed.map((r) => `${r.area} ${year}: ${round(r.actual, 1)} (predicted ${round(r.predicted, 1)}, 95% PI ${round(r.lower, 1)} to ${round(r.upper, 1)}; ${r.verdict.toLowerCase()})`),
        hovertemplate: "%{text}<extra></extra>" }],
      layout: { geo: geo(false), margin: { l: 0, r: 0, t: 10, b: 0 }, height: 420 },
      columns: [{ key: "area", label: "State" }, { key: "actual", label: "Actual", number: true }, { key: "predicted", label: "Predicted", number: true },
        { key: "lower", label: "95% PI from", number: true }, { key: "upper", label: "to", number: true },
        { key: "residual", label: "Actual − predicted", number: true }, { key: "verdict", label: "Against expectation" }],
    });
  }

  async function drawCounties() {
    const score = document.getElementById("map-score").value;
    const state = document.getElementById("county-state").value;
    const [shape, answer] = await Promise.all([shapes(), getJson(`/api/areas/counties?${query({ score, state })}`)]);
    document.getElementById("county-standing").textContent = answer.notes.join(" ");
    document.getElementById("county-title").textContent = `Counties: predicted ${score}${state ? ` in ${state}` : ""}`;
    const counties = answer.areas.map((c) => ({ ...c, id: countyId(shape, c), p: c.predictions[0] })).filter((c) => c.p);
    const placed = counties.filter((c) => c.id);
    const flagged = counties.filter((c) => c.extrapolated).length;
    document.getElementById("county-note").textContent = answer.reason ?? `${counties.length} counties with ${answer.areas[0]?.year ?? ""} figures; ` +
      `${flagged} flagged as extrapolation (an input outside the states' range, or an unusual combination); ${counties.length - placed.length} have no shape on the map (their name or code matches none of the atlas's).`;
    const file = fileName("areas", "counties", score, state || "all");
    const node = document.getElementById("county-map");
    node.hidden = placed.length === 0;
    if (placed.length > 0) {
      await plot("county-map", [{ type: "choropleth", geojson: shape.counties, featureidkey: "id", locations: placed.map((c) => c.id),
        z: placed.map((c) => round(c.p.predicted, 1)), colorscale: "Viridis", colorbar: { title: { text: `predicted ${score}` } }, marker: { line: { color: "#ffffff", width: 0.2 } },
        text: placed.map((c) => `${c.area}, ${c.parentArea}: predicted ${round(c.p.predicted, 1)} (95% PI ${round(c.p.predictionLower, 1)} to ${round(c.p.predictionUpper, 1)})${c.p.extrapolated ? "; extrapolated" : ""}`),
        hovertemplate: "%{text}<extra></extra>" }], { geo: geo(Boolean(state)), margin: { l: 0, r: 0, t: 10, b: 0 }, height: 460 }, file, placed.length);
    }
    const columns = [{ key: "county", label: "County" }, { key: "state", label: "State" }, { key: "predicted", label: "Predicted", number: true },
      { key: "lower", label: "95% PI from", number: true }, { key: "upper", label: "to", number: true }, { key: "leverage", label: "Leverage", number: true },
      { key: "flag", label: "Extrapolation" }];
    const rows = counties.map((c) => ({ county: c.area, state: c.parentArea, predicted: fixed(c.p.predicted, 1), lower: fixed(c.p.predictionLower, 1),
      upper: fixed(c.p.predictionUpper, 1), leverage: fixed(c.p.leverage, 4), flag: c.p.extrapolated ? c.p.extrapolationReasons.join(" ") : "" }));
    const png = element("button", { type: "button", className: "png-export", textContent: "Download PNG", hidden: placed.length === 0 });
    png.addEventListener("click", () => downloadPng("county-map"));
    document.getElementById("county-table").replaceChildren(pagedTable(columns, rows, "county-predictions", { label: "Find a county" }),
      element("div", { className: "downloads" }, [csvLink(`${file}.csv`, columns, rows), png]));
  }

  addPanel(async (overview) => {
    const show = errorBox(document.getElementById("areas-error"));
    options(document.getElementById("map-score"), overview.modelScores, (s) => s);
    options(document.getElementById("map-year"), [...overview.years].reverse(), String);
    options(document.getElementById("county-state"), overview.parents, String, ["", "every state"]);
    for (const [id, draw] of [["map-score", () => Promise.all([drawStates(), drawCounties()])], ["map-year", drawStates], ["map-show", drawStates], ["county-state", drawCounties]]) {
      document.getElementById(id).addEventListener("change", () => draw().catch((e) => show(e.message)));
    }
    if (overview.subAreas === 0) {
      document.getElementById("county-map").hidden = true;
      document.getElementById("county-note").textContent = "No county figures are in the store: import a county file (such as NAEP's county_data.csv) to predict for counties.";
    }
    await Promise.all([drawStates(), overview.subAreas > 0 ? drawCounties() : Promise.resolve()]);
  });
})();
