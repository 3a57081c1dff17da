using GradeLens.Core.Storage;

namespace GradeLens.Core.Gaps;

/// <summary>The gaps table asked of a store: its table, or why there is none (an attribute the store does not have).</summary>
/// <param name="Attributes">The attributes the caller may compare by (gender first).</param>
/// <param name="NotRecorded">Dimensions asked for that no student in scope has (no region, say): left out, never shown as empty cells.</param>
public sealed record GapAnswer(GapTable? Table, string? Refusal, IReadOnlyList<string> Attributes, IReadOnlyList<string> NotRecorded)
{
    public bool Succeeded => Table is not null;
}

/// <summary>
/// The Gaps, Equity and Overlap pages' reads of a store, within the caller's scope: the group aggregates (SQL:
/// <see cref="GapQueries"/>, kept per data version) and the one entry point that both the API and
/// <c>gradelens gaps</c> call: aggregates -> suppression -> tests -> BH (<see cref="GapAnalysis"/>).
/// </summary>
public static class GapReads
{
    /// <summary>
    /// Each group's statistics (n, mean, variance, count below proficiency) in every cell of the request: series x subject
    /// (x domain) x its dimensions, and every coarser total of them. Suppression and tests are <see cref="GapAnalysis"/>'s.
    /// </summary>
    public static async Task<GroupAggregates> GetGroupAggregatesAsync(this IGradeStore store, Scope scope, GapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        await store.RememberAsync(AnswerKey.For("gaps.tables", Scope.Everything), token => GapScores.EnsureAsync(store, token), cancellationToken);
        return await store.AnswerAsync(AnswerKey.For("gaps.aggregates", scope, request), (c, sql, t) => GapQueries.GroupAggregatesAsync(c, sql, scope, request, t), cancellationToken);
    }

    /// <summary>The gaps table of the request within the scope, every small group suppressed, or the refusal in one sentence.</summary>
    public static async Task<GapAnswer> GetGapTableAsync(this IGradeStore store, Scope scope, GapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recorded = await store.GetRecordedDimensionsAsync(scope, cancellationToken);
        var notRecorded = request.Dimensions.Where(d => !recorded.Contains(d)).Select(GapAnalysis.DimensionName).ToList();
        if (notRecorded.Count > 0)
        {
            request = request with { Within = [.. request.Dimensions.Where(recorded.Contains)] };
        }

        var aggregates = await store.GetGroupAggregatesAsync(scope, request, cancellationToken);
        if (!aggregates.Known)
        {
            return new GapAnswer(null, $"This store has no attribute '{request.Attribute}'; it has: {string.Join(", ", aggregates.Attributes)}.", aggregates.Attributes, notRecorded);
        }

        return new GapAnswer(GapAnalysis.Compute(aggregates, request, GapAnalysis.MinimumCellSize(scope, request)), null, aggregates.Attributes, notRecorded);
    }

    /// <summary>The dimensions the students in scope have recorded (domains always; region, school and grade when any student has one).</summary>
    public static Task<IReadOnlyList<GapDimension>> GetRecordedDimensionsAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default) =>
        store.AnswerAsync(AnswerKey.For("gaps.dimensions", scope), (c, sql, t) => GapDimensionQueries.RecordedAsync(c, sql, scope, t), cancellationToken);
}
