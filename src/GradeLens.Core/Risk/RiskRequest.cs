using System.Globalization;

namespace GradeLens.Core.Risk;

/// <summary>
/// What to predict and from what. The outcome is "below <see cref="Threshold"/>" (default: the target assessment's
/// proficiency threshold) on the subject's whole-subject score in <see cref="TargetSeries"/>.
/// </summary>
/// <param name="FeatureSeries">Series whose scores (every subject and domain) become features; null for every series taken before the target.</param>
/// <param name="Attributes">Student attributes to one-hot encode; null for every attribute except protected ones.</param>
/// <param name="IncludeProtected">Include protected attributes (gender, ethnicity, disability...) as features, knowingly.</param>
public sealed record RiskRequest(
    string TargetSeries,
    string TargetSubject,
    double? Threshold = null,
    IReadOnlyList<string>? FeatureSeries = null,
    IReadOnlyList<string>? Attributes = null,
    bool IncludeProtected = false);

/// <summary>A series of an organisation's assessments, in the order they are taken.</summary>
public sealed record SeriesOrder(string Series, int Order);

/// <summary>Refuses features that would leak the outcome into the model.</summary>
public static class TargetLeakage
{
    /// <summary>
    /// The series whose scores may be features: those asked for (or all) that are taken strictly before the target.
    /// Naming the target series itself, or a later one, is refused with the reason.
    /// </summary>
    public static IReadOnlyList<string> FeatureSeries(RiskRequest request, IReadOnlyList<SeriesOrder> series)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(series);
        var target = series.FirstOrDefault(s => string.Equals(s.Series, request.TargetSeries, StringComparison.OrdinalIgnoreCase))
            ?? throw new RiskDataException($"There is no series '{request.TargetSeries}'. Series: {string.Join(", ", series.Select(s => s.Series))}.");
        if (request.FeatureSeries is null)
        {
            return series.Where(s => s.Order < target.Order).Select(s => s.Series).ToList();
        }

        var chosen = new List<string>();
        foreach (var name in request.FeatureSeries)
        {
            var found = series.FirstOrDefault(s => string.Equals(s.Series, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new RiskDataException($"There is no series '{name}'.");
            if (found.Order == target.Order)
            {
                throw new RiskDataException(string.Create(CultureInfo.InvariantCulture,
                    $"Refused: '{found.Series}' is the outcome's own assessment. Its scores would leak the answer into the model (target leakage) and make it look perfect while useless. Choose series taken before '{target.Series}'."));
            }

            if (found.Order > target.Order)
            {
                throw new RiskDataException($"Refused: '{found.Series}' is taken after '{target.Series}', so it is not known when the prediction is needed (target leakage).");
            }

            chosen.Add(found.Series);
        }

        return chosen;
    }

    /// <summary>For a plain table: refuses the outcome column (or a column derived from it by name) as a feature.</summary>
    public static void CheckColumns(string outcome, IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(features);
        foreach (var feature in features)
        {
            if (string.Equals(feature.Trim(), outcome.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw new RiskDataException($"Refused: '{feature}' is the outcome itself. A feature from the outcome's own assessment leaks the answer into the model (target leakage).");
            }
        }
    }
}
