using GradeLens.Core.Storage;

namespace GradeLens.Core.Risk;

/// <summary>The risk model's reads of a store, within the caller's scope (SQL: <see cref="RiskFeatureQueries"/>).</summary>
public static class RiskReads
{
    /// <summary>
    /// The at-risk model's features for a target assessment: scores of series before it, numeric and one-hot attributes
    /// (protected ones left out unless asked for). A feature from the target's own series is refused (<see cref="RiskDataException"/>).
    /// </summary>
    public static Task<RiskFeatureSet> GetRiskFeaturesAsync(this IGradeStore store, Scope scope, RiskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return store.ReadAsync((c, sql, t) => RiskFeatureQueries.FeaturesAsync(c, sql, scope, request, t), cancellationToken);
    }

    /// <summary>The series of the organisations the target belongs to, in the order they are taken (a school's mocks, not another organisation's series).</summary>
    public static Task<IReadOnlyList<SeriesOrder>> GetTargetSeriesAsync(this IGradeStore store, Scope scope, RiskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return store.ReadAsync((c, sql, t) => RiskFeatureQueries.TargetSeriesAsync(c, sql, scope, request, t), cancellationToken);
    }
}
