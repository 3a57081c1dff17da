using System.Globalization;

namespace GradeLens.Core.Risk;

/// <summary>
/// What to predict and from what. The outcome is "below <see cref="Threshold"/>" (default: the target assessment's
/// proficiency threshold) on the subject's whole-subject score in <see cref="TargetSeries"/>, or, with
/// <see cref="TargetColumn"/>, a student outcome column (final result) whose value is one of <see cref="Positive"/>.
/// </summary>
/// <param name="FeatureSeries">Series whose scores (every subject and domain) become features; null for every series taken before the target (and by the cutoff); empty for none.</param>
/// <param name="Attributes">Student attributes to use; null for every attribute except protected ones; empty for none.</param>
/// <param name="IncludeProtected">Include protected attributes (gender, ethnicity, disability...) as features, knowingly.</param>
/// <param name="TargetColumn">An outcome column of the students (e.g. final_result): the target instead of a score.</param>
/// <param name="Positive">The values of <see cref="TargetColumn"/> that are the outcome to warn of (Fail, Withdrawn).</param>
/// <param name="Cutoff">
/// The model as of a moment: a series name (its scores and those before it are known) or a date yyyy-mm-dd (assessments
/// taken on or before it). Only assessments known by then are features, so a missing score means "not submitted by then".
/// </param>
public sealed record RiskRequest(
    string TargetSeries,
    string TargetSubject,
    double? Threshold = null,
    IReadOnlyList<string>? FeatureSeries = null,
    IReadOnlyList<string>? Attributes = null,
    bool IncludeProtected = false,
    string? TargetColumn = null,
    IReadOnlyList<string>? Positive = null,
    string? Cutoff = null)
{
    public bool ColumnTarget => !string.IsNullOrWhiteSpace(TargetColumn);

    /// <summary>The cutoff as a date, when it is one.</summary>
    public DateOnly? CutoffDate =>
        DateOnly.TryParseExact(Cutoff?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

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
        var target = request.ColumnTarget && string.IsNullOrWhiteSpace(request.TargetSeries)
            ? new SeriesOrder("", int.MaxValue)
            : series.FirstOrDefault(s => string.Equals(s.Series, request.TargetSeries, StringComparison.OrdinalIgnoreCase))
              ?? throw new RiskDataException($"There is no series '{request.TargetSeries}'. Series: {string.Join(", ", series.Select(s => s.Series))}.");
        var cutoff = int.MaxValue;
        if (!string.IsNullOrWhiteSpace(request.Cutoff) && request.CutoffDate is null)
        {
            cutoff = (series.FirstOrDefault(s => string.Equals(s.Series, request.Cutoff.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new RiskDataException($"The cutoff '{request.Cutoff}' is neither a series ({string.Join(", ", series.Select(s => s.Series))}) nor a date (yyyy-mm-dd).")).Order;
        }

        if (request.FeatureSeries is null)
        {
            return series.Where(s => s.Order < target.Order && s.Order <= cutoff).Select(s => s.Series).ToList();
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

            if (found.Order > cutoff)
            {
                throw new RiskDataException($"Refused: '{found.Series}' comes after the cutoff '{request.Cutoff}': it is not known yet then.");
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
