using GradeLens.Core.Gaps;
using GradeLens.Core.Storage;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Gaps;

/// <summary>Chart-ready answers for the Gaps, Equity and Overlap pages: every figure already suppressed below the minimum cell size.</summary>
public static class GapsApi
{
    public static IEndpointRouteBuilder MapGapsApi(this IEndpointRouteBuilder app)
    {
        var gaps = app.MapGroup("/api/gaps").WithTags("Gaps");
        gaps.MapGet("/table", GetTableAsync).WithName("GetGapTable");
        gaps.MapGet("/priorities", GetPrioritiesAsync).WithName("GetPriorityCohorts");
        return app;
    }

    /// <summary>Every cell's figures and every gap with its tests and q-value (what <c>gradelens gaps</c> writes).</summary>
    /// <param name="by">gender (default) or any imported attribute.</param>
    /// <param name="within">Comma-separated: region, school, grade, subject, domain. Default region,grade.</param>
    /// <param name="minN">Smallest group shown (default 10).</param>
    public static async Task<Results<Ok<GapTable>, ValidationProblem>> GetTableAsync(
        HttpContext context, IGradeStore store, string? by, string? within, string? series, string? subject, int? minN, CancellationToken cancellationToken)
    {
        var (table, problem) = await ComputeAsync(context, store, by, within, series, subject, minN, cancellationToken);
        return table is null ? problem! : TypedResults.Ok(table);
    }

    /// <summary>
    /// Priority cohorts: cells at least <paramref name="excess"/> points above the national share below proficiency, with a
    /// gap significant at <paramref name="q"/> after the FDR correction and at least <paramref name="points"/> points wide.
    /// </summary>
    public static async Task<Results<Ok<PriorityList>, ValidationProblem>> GetPrioritiesAsync(
        HttpContext context, IGradeStore store, string? by, string? within, string? series, string? subject, int? minN,
        double? excess, double? q, double? points, CancellationToken cancellationToken)
    {
        var thresholds = new PriorityThresholds(excess ?? 10, q ?? 0.05, points ?? 5);
        var errors = new Dictionary<string, string[]>();
        if (thresholds.ExcessPercentBelow is < 0 or > 100)
        {
            errors["excess"] = ["Between 0 and 100 percentage points."];
        }

        if (thresholds.Q is <= 0 or > 1)
        {
            errors["q"] = ["Above 0 and at most 1."];
        }

        if (thresholds.GapPoints < 0)
        {
            errors["points"] = ["At least 0."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (table, problem) = await ComputeAsync(context, store, by, within, series, subject, minN, cancellationToken);
        return table is null
            ? problem!
            : TypedResults.Ok(new PriorityList(table.Attribute, table.Within, table.MinimumCellSize, thresholds, PriorityCohorts.Find(table, thresholds)));
    }

    private static async Task<(GapTable? Table, ValidationProblem? Problem)> ComputeAsync(
        HttpContext context, IGradeStore store, string? by, string? within, string? series, string? subject, int? minN, CancellationToken cancellationToken)
    {
        IReadOnlyList<GapDimension> dimensions;
        try
        {
            dimensions = within is null ? [GapDimension.Region, GapDimension.GradeLevel] : GapRequest.ParseWithin(within);
        }
        catch (FormatException e)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["within"] = [e.Message] }));
        }

        if (minN is < 1)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["minN"] = ["At least 1."] }));
        }

        var request = new GapRequest(string.IsNullOrWhiteSpace(by) ? GapRequest.DefaultAttribute : by, dimensions,
            string.IsNullOrWhiteSpace(series) ? null : series, string.IsNullOrWhiteSpace(subject) ? null : subject, minN);
        var scope = context.Scope();
        var aggregates = await store.GetGroupAggregatesAsync(scope, request, cancellationToken);
        if (!aggregates.Known)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["by"] = [$"'{request.Attribute}' is not an attribute of this store; it has: {string.Join(", ", aggregates.Attributes)}."],
            }));
        }

        return (GapAnalysis.Compute(aggregates, request, GapAnalysis.MinimumCellSize(scope, request)), null);
    }
}

/// <summary>The Overlap page's ranked list, with the thresholds it was drawn with.</summary>
public sealed record PriorityList(string Attribute, IReadOnlyList<string> Within, int MinimumCellSize, PriorityThresholds Thresholds, IReadOnlyList<PriorityCohort> Cohorts);
