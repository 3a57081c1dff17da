using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Models;

/// <summary>A series x subject the at-risk model can predict: students with a whole-subject result, how many are below proficiency, and the series before it (its cutoffs).</summary>
public sealed record RiskTarget(string Series, string Subject, int Students, int BelowProficiency, double Proficiency, IReadOnlyList<string> EarlierSeries)
{
    /// <summary>Both outcomes occur often enough for 5-fold cross-validation.</summary>
    public bool Trainable => Math.Min(BelowProficiency, Students - BelowProficiency) >= 10;
}

/// <summary>A student attribute that can be an outcome (final result: Pass, Distinction, Fail, Withdrawn), with its values.</summary>
public sealed record OutcomeColumn(string Column, int Students, IReadOnlyList<OutcomeLevel> Levels);

public sealed record OutcomeLevel(string Value, int Students);

/// <summary>A series with a table of students' scores, for the Models and Clusters pages.</summary>
public sealed record SeriesTable(string Series, int Students, int Columns);

/// <summary>
/// What the model pages can offer in the caller's scope: every target that exists (series x subject with students, most
/// students first), the outcome columns, the series with score tables, and the defaults each page opens on. When there is
/// nothing to model, <see cref="Needs"/> says what is needed, in one sentence.
/// </summary>
public sealed record ModelTargets(
    IReadOnlyList<RiskTarget> Targets,
    IReadOnlyList<OutcomeColumn> OutcomeColumns,
    IReadOnlyList<SeriesTable> Tables,
    RiskTarget? DefaultTarget,
    SeriesTable? DefaultTable,
    SeriesTable? DefaultClusters,
    string? Needs);

/// <summary>The targets' entry point, kept until the data changes (SQL: <see cref="ModelTargetQueries"/>).</summary>
public static class ModelTargetReads
{
    /// <summary>An attribute with more values than this is no outcome column (an id, a postcode).</summary>
    public const int MaximumOutcomeLevels = 12;

    public static Task<ModelTargets> GetModelTargetsAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default) =>
        store.AnswerAsync(AnswerKey.For("models.targets", scope), async (c, sql, t) =>
        {
            var targets = await ModelTargetQueries.TargetsAsync(c, sql, scope, t);
            var outcomes = await ModelTargetQueries.OutcomeColumnsAsync(c, sql, scope, MaximumOutcomeLevels, t);
            var tables = await ModelTargetQueries.TablesAsync(c, sql, scope, t);
            // A target with earlier series to learn from first: without one only non-protected attributes could be features.
            var target = targets.FirstOrDefault(x => x.Trainable && x.EarlierSeries.Count > 0) ?? targets.FirstOrDefault(x => x.Trainable);
            // Tables are in series order: among equal sizes the latest series.
            var table = tables.Reverse().OrderByDescending(x => x.Students).FirstOrDefault();
            var clusters = tables.Reverse().Where(x => x.Columns >= 2).OrderByDescending(x => x.Students).FirstOrDefault();
            var needs = targets.Count == 0
                ? "Import assessment results on the Data page: the models need students with scores."
                : target is null
                    ? "No subject has enough students both below and at or above proficiency to learn from (10 of each): import more results on the Data page."
                    : null;
            return new ModelTargets(targets, outcomes, tables, target, table, clusters, needs);
        }, cancellationToken);

    /// <summary>The request each model page opens on (the target with most students; its earlier series as features), or null when there is none.</summary>
    public static RiskRequest? DefaultRequest(this ModelTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.DefaultTarget is { } t ? new RiskRequest(t.Series, t.Subject) : null;
    }
}
