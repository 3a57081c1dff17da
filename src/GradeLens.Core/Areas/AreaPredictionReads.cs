using GradeLens.Core.Storage;

namespace GradeLens.Core.Areas;

/// <summary>
/// Predictions from the OLS fits kept per data version (<see cref="AreaReads.GetAreaFitsAsync"/>) on the study's
/// measures: every county's four scores, a ZIP code's county, and the what-if form. Each carries its 95% prediction
/// interval, leverage, extrapolation flag, the model's version and the standing note that a model fitted on states
/// predicts what a state with those figures would score.
/// </summary>
public static class AreaPredictionReads
{
    /// <summary>The standing notes every prediction carries.</summary>
    public static IReadOnlyList<string> Notes { get; } = [AreaNotes.StateModelElsewhere, AreaNotes.Extrapolation];

    /// <summary>The sub-areas (counties) of <paramref name="parent"/> (all when null) with their predictions (one score, or the model scores).</summary>
    public static Task<SubAreaPredictions> GetSubAreaPredictionsAsync(this IGradeStore store, Scope scope, string? parent = null, string? score = null, CancellationToken cancellationToken = default) =>
        store.RememberAsync(AnswerKey.For("areas.subareas", scope, parent, score), async token =>
        {
            var data = await store.GetAreaDataAsync(scope, token);
            var fits = await store.GetAreaFitsAsync(scope, cancellationToken: token);
            var chosen = Chosen(fits, data.Panel, score);
            var models = chosen.Where(f => f.Model is not null).Select(f => f.Model!).ToList();
            var areas = new List<SubAreaPrediction>();
            var missing = new List<string>();
            foreach (var area in data.SubAreas.Where(a => parent is null || string.Equals(a.ParentArea, parent, StringComparison.Ordinal)))
            {
                if (fits.Measures.FirstOrDefault(m => !area.Measures.ContainsKey(m)) is { } lacking)
                {
                    missing.Add($"{area.Area}, {area.ParentArea} has no {lacking}.");
                    continue;
                }

                areas.Add(Predict(area, models));
            }

            var reason = data.SubAreas.Count == 0 ? "No sub-areas (counties) with figures are in the store: import a county file such as NAEP's county_data.csv."
                : areas.Count == 0 && parent is not null ? $"No county in {parent} has the figures the model needs."
                : models.Count == 0 ? "No score could be fitted on the scored areas, so there is nothing to predict with."
                : null;
            return new SubAreaPredictions(parent, score, fits.Measures, areas, [.. chosen.Where(f => f.Model is null)], missing, fits.Version, Notes, reason);
        }, cancellationToken);

    /// <summary>A ZIP code (text: leading zeros matter) -> its county -> the county's predictions, or one sentence saying why there are none.</summary>
    public static async Task<ZipPrediction> GetZipPredictionAsync(this IGradeStore store, Scope scope, string zip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var code = zip.Trim();
        var row = await store.ReadAsync((c, sql, t) => AreaJoinQueries.ZipAsync(c, sql, scope, code, t), cancellationToken);
        if (row is not { } found)
        {
            return new ZipPrediction(code, false, null, null, $"The ZIP code {code} is not in the store's ZIP crosswalk.", null, null, Notes);
        }

        if (found.County is null)
        {
            var sentence = found.Parent.Contains(',', StringComparison.Ordinal)
                ? $"The ZIP code {code} lies in {found.Parent}, which matches no county in the store, so there is no prediction for it."
                : $"The ZIP code {code} has no county in the crosswalk{(found.Parent.Length > 0 ? " (only " + found.Parent + ")" : "")}, so there is no prediction for it.";
            return new ZipPrediction(code, true, null, found.Parent.Length > 0 ? found.Parent : null, sentence, null, null, Notes);
        }

        var counties = await store.GetSubAreaPredictionsAsync(scope, cancellationToken: cancellationToken);
        var prediction = counties.Areas.FirstOrDefault(a => a.Area == found.County && (a.ParentArea == found.CountyParent || Same(a.ParentArea, found.CountyParent)));
        var message = prediction is null
            ? $"The ZIP code {code} lies in {found.County}, {found.CountyParent}, which has no figures the model can predict from."
            : $"The ZIP code {code} lies in {found.County}, {found.CountyParent}.";
        return new ZipPrediction(code, true, found.County, found.CountyParent, message, prediction, counties.Version, Notes);
    }

    /// <summary>The what-if form: never a prediction from refused input (the errors come back alone, by field).</summary>
    public static async Task<WhatIfAnswer> PredictWhatIfAsync(this IGradeStore store, Scope scope, WhatIfCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        var model = await store.RememberAsync(AnswerKey.For("areas.whatif", scope), token => WhatIfModelAsync(store, scope, token), cancellationToken);
        var fits = model.Fits;
        if (!check.IsValid)
        {
            return new WhatIfAnswer(new WhatIfResult(check.Errors, null, null, null, null), fits.Measures, fits.Version, Notes);
        }

        var result = model.Index is { } index
            ? WhatIfPrediction.Predict(check, model.Used, index)
            : new WhatIfResult(check.Errors, [], model.Used, [], "No scored area has poverty, median income and unemployment yet: import them (and the areas' scores) to predict.");
        return new WhatIfAnswer(result, fits.Measures, fits.Version, Notes);
    }

    /// <summary>What a what-if request needs, made once per data version: the fits of the model scores and the nearest-area search.</summary>
    private sealed record WhatIfModel(AreaFitSet Fits, IReadOnlyList<AreaFit> Used, NearestAreaIndex? Index);

    private static async Task<WhatIfModel> WhatIfModelAsync(IGradeStore store, Scope scope, CancellationToken cancellationToken)
    {
        var fits = await store.GetAreaFitsAsync(scope, cancellationToken: cancellationToken);
        var panel = (await store.GetAreaDataAsync(scope, cancellationToken)).Panel;
        var modelScores = AreaChoice.ModelScores(panel);
        var used = fits.Fits.Where(f => modelScores.Contains(f.Score)).ToList();
        var index = AreaNames.StudyMeasures.All(panel.MeasureNames.Contains) ? NearestAreas.Index(panel, AreaNames.StudyMeasures) : null;
        return new WhatIfModel(fits, used, index);
    }

    private static List<AreaFit> Chosen(AreaFitSet fits, AreaPanel panel, string? score)
    {
        var scores = score is null ? AreaChoice.ModelScores(panel) : [score];
        return [.. fits.Fits.Where(f => scores.Contains(f.Score))];
    }

    private static SubAreaPrediction Predict(AreaObservation area, IReadOnlyList<AreaModel> models)
    {
        var predictions = models.Select(m => m.Predict(area.Measures)).ToList();
        var measures = area.Measures.Where(m => models.Count == 0 || models[0].Measures.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        return new SubAreaPrediction(area.Area, area.ParentArea, area.Code, area.Year, measures, predictions, predictions.Any(p => p.Extrapolated));
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && a.Replace(".", "", StringComparison.Ordinal).Equals(b.Replace(".", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
