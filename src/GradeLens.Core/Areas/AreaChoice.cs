namespace GradeLens.Core.Areas;

/// <summary>
/// Which measures and scores an Areas analysis uses: the study's three measures and four scores where the panel has
/// them (else all of its own), a caller's list checked against the panel, and the SES composite in their place.
/// </summary>
public static class AreaChoice
{
    /// <summary>The study's measures the panel has, in the study's order; all the panel's when it has none of them.</summary>
    public static IReadOnlyList<string> ModelMeasures(AreaPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var study = AreaNames.StudyMeasures.Where(panel.MeasureNames.Contains).ToList();
        return study.Count > 0 ? study : panel.MeasureNames;
    }

    /// <summary>The study's four scores the panel has; all the panel's when it has none of them.</summary>
    public static IReadOnlyList<string> ModelScores(AreaPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var study = AreaNames.StudyScores.Where(panel.ScoreNames.Contains).ToList();
        return study.Count > 0 ? study : panel.ScoreNames;
    }

    /// <summary>The requested measures when the panel has each of them (null or empty: <see cref="ModelMeasures"/>); else the sentence saying which it lacks.</summary>
    public static (IReadOnlyList<string>? Measures, string? Error) Measures(AreaPanel panel, IReadOnlyList<string>? requested)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (requested is null || requested.Count == 0)
        {
            return (ModelMeasures(panel), null);
        }

        var unknown = requested.Where(m => !panel.MeasureNames.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            var known = panel.MeasureNames.Count == 0 ? "none yet" : string.Join(", ", panel.MeasureNames);
            return (null, $"No scored area has the measure {string.Join(", ", unknown)}. The measures: {known}.");
        }

        return requested.Distinct(StringComparer.Ordinal).Count() == requested.Count ? (requested, null) : (null, "A measure is named twice.");
    }

    /// <summary>The panel with the SES composite of <paramref name="measures"/> added, and the composite (null when it cannot be fitted: fewer than two measures, no poverty, too few rows).</summary>
    public static (AreaPanel Panel, SesComposite? Composite) WithComposite(AreaPanel panel, IReadOnlyList<string> measures)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(measures);
        if (measures.Count < 2 || !measures.Contains(AreaNames.Poverty) || panel.MeasureNames.Contains(SesComposite.DefaultName))
        {
            return (panel, null);
        }

        var composite = SesComposite.Fit(panel, measures);
        return composite is null ? (panel, null) : (panel.WithMeasure(composite.Name, composite.Of(panel)), composite);
    }

    /// <summary>The panel and measures a model is fitted on: the measures as given (null: the model measures), or with <paramref name="ses"/> their composite alone.</summary>
    public static (AreaPanel Panel, IReadOnlyList<string> Measures, SesComposite? Composite) Prepare(AreaPanel panel, IReadOnlyList<string>? measures, bool ses)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var chosen = measures is { Count: > 0 } ? measures : ModelMeasures(panel);
        if (!ses)
        {
            return (panel, chosen, null);
        }

        var (withComposite, composite) = WithComposite(panel, chosen);
        return composite is null ? (panel, chosen, null) : (withComposite, [composite.Name], composite);
    }
}
