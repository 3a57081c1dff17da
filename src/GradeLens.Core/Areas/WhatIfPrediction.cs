namespace GradeLens.Core.Areas;

/// <summary>
/// The answer to a what-if request: the errors by field (and nothing else) when the input is refused; otherwise a
/// prediction per score with its intervals, leverage and extrapolation flag, the scores whose model could not be
/// fitted (with the reason), and the nearest real area-years with their actual scores.
/// </summary>
public sealed record WhatIfResult(
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<AreaPrediction>? Predictions,
    IReadOnlyList<AreaFit>? Unfitted,
    IReadOnlyList<NearestAreaYear>? Nearest,
    string? Note);

/// <summary>Sentences every page, export and command that shows an area prediction carries.</summary>
public static class AreaNotes
{
    public const string StateModelElsewhere =
        "A model fitted on states, applied to a county, a ZIP code or a later year, predicts what a state with those figures "
        + "would score, not what that area's pupils will score.";

    public const string Extrapolation =
        "Flagged predictions lie outside the figures the model was fitted on: their intervals assume the straight line holds there, "
        + "which the data cannot confirm.";
}

/// <summary>The what-if form: validate, then predict every score and find the nearest real area-years. Never a prediction from refused input.</summary>
public static class WhatIfPrediction
{
    public static WhatIfResult Predict(WhatIfInput input, IReadOnlyList<AreaFit> fits, AreaPanel panel, int nearest = 5)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Predict(WhatIfValidation.Check(input), fits, panel, nearest);
    }

    public static WhatIfResult Predict(WhatIfCheck check, IReadOnlyList<AreaFit> fits, AreaPanel panel, int nearest = 5)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(panel);
        return !check.IsValid || check.Measures is null
            ? new WhatIfResult(check.Errors, null, null, null, null)
            : Predict(check, fits, NearestAreas.Index(panel, [.. check.Measures.Keys]), nearest);
    }

    /// <param name="index">The nearest-area search prepared on the panel and the input's measures (kept by a server between requests).</param>
    public static WhatIfResult Predict(WhatIfCheck check, IReadOnlyList<AreaFit> fits, NearestAreaIndex index, int nearest = 5)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(fits);
        ArgumentNullException.ThrowIfNull(index);
        if (!check.IsValid || check.Measures is null)
        {
            return new WhatIfResult(check.Errors, null, null, null, null);
        }

        var predictions = new List<AreaPrediction>();
        var unfitted = new List<AreaFit>();
        foreach (var fit in fits)
        {
            if (fit.Model is null)
            {
                unfitted.Add(fit);
            }
            else if (fit.Model.Measures.FirstOrDefault(m => !check.Measures.ContainsKey(m)) is { } other)
            {
                unfitted.Add(fit with { Model = null, Reason = $"The model of {fit.Score} uses {other}, which a what-if input does not give." });
            }
            else
            {
                predictions.Add(fit.Model.Predict(check.Measures));
            }
        }

        var note = predictions.Any(p => p.Extrapolated) ? AreaNotes.Extrapolation : null;
        return new WhatIfResult(check.Errors, predictions, unfitted, index.Find(check.Measures, nearest), note);
    }
}
