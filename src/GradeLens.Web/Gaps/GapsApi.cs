using System.ComponentModel.DataAnnotations;
using GradeLens.Core.Gaps;
using GradeLens.Core.Storage;
using GradeLens.Web.Exports;
using GradeLens.Web.Filters;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Gaps;

/// <summary>
/// Chart-ready answers for the Gaps, Equity and Overlap pages, every figure already suppressed below the minimum cell
/// size (Core: <see cref="GapReads.GetGapTableAsync"/>, the same entry point <c>gradelens gaps</c> calls).
/// </summary>
public static class GapsApi
{
    public static IEndpointRouteBuilder MapGapsApi(this IEndpointRouteBuilder app)
    {
        var gaps = app.MapGroup("/api/gaps").WithTags("Gaps").WithStandardProblems().WithStudentFilters();
        gaps.MapGet("/table", GetTableAsync).WithName("GetGapTable")
            .WithSummary("Every cell's figures and every gap between groups with its tests, effect size and q-value");
        gaps.MapGet("/table.csv", GetTableCsvAsync).WithName("GetGapTableCsv").Produces<string>(contentType: "text/csv")
            .WithSummary("The gaps as CSV, with the columns gradelens gaps writes");
        gaps.MapGet("/priorities", GetPrioritiesAsync).WithName("GetPriorityCohorts")
            .WithSummary("Priority cohorts: cells well above the national share below proficiency with a real and wide gap");
        return app;
    }

    public static async Task<Results<Ok<GapTable>, ValidationProblem>> GetTableAsync(
        HttpContext context, IGradeStore store, [AsParameters] GapsQuery query, CancellationToken cancellationToken)
    {
        var (table, problem) = await query.ComputeAsync(context, store, cancellationToken);
        return table is null ? problem! : TypedResults.Ok(table);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetTableCsvAsync(
        HttpContext context, IGradeStore store, AuditTrail audit, [AsParameters] GapsQuery query, CancellationToken cancellationToken)
    {
        var (table, problem) = await query.ComputeAsync(context, store, cancellationToken);
        if (table is null)
        {
            return problem!;
        }

        var file = $"gradelens-gaps-by-{FileName.Part(table.Attribute)}.csv";
        await audit.RecordAsync(context, AuditTrail.Export, $"{file} from {context.Request.Path} ({table.Gaps.Count} rows)");
        return TypedResults.File(FileName.Utf8WithBom(GapCsv.Write(table)), "text/csv; charset=utf-8", file);
    }

    public static async Task<Results<Ok<PriorityList>, ValidationProblem>> GetPrioritiesAsync(
        HttpContext context, IGradeStore store, [AsParameters] GapsQuery query,
        [Range(0, 100)] double? excess, [Range(double.Epsilon, 1)] double? q, [Range(0, double.MaxValue)] double? points, CancellationToken cancellationToken)
    {
        var thresholds = new PriorityThresholds(excess ?? 10, q ?? 0.05, points ?? 5);
        var (table, problem) = await query.ComputeAsync(context, store, cancellationToken);
        return table is null
            ? problem!
            : TypedResults.Ok(new PriorityList(table.Attribute, table.Within, table.MinimumCellSize, thresholds, PriorityCohorts.Find(table, thresholds)));
    }
}

/// <summary>A gaps table's query string.</summary>
/// <param name="By">gender (default) or any imported attribute.</param>
/// <param name="Within">Comma-separated: region, school, grade, subject, domain. Default region,grade.</param>
/// <param name="MinN">Smallest group shown (default 10).</param>
public sealed record GapsQuery(string? By, string? Within, string? Series, string? Subject, [property: Range(1, int.MaxValue)] int? MinN)
{
    public async Task<(GapTable? Table, ValidationProblem? Problem)> ComputeAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken)
    {
        IReadOnlyList<GapDimension> dimensions;
        try
        {
            dimensions = Within is null ? [GapDimension.Region, GapDimension.GradeLevel] : GapRequest.ParseWithin(Within);
        }
        catch (FormatException e)
        {
            return (null, Problem("within", e.Message));
        }

        var request = new GapRequest(string.IsNullOrWhiteSpace(By) ? GapRequest.DefaultAttribute : By, dimensions,
            string.IsNullOrWhiteSpace(Series) ? null : Series, string.IsNullOrWhiteSpace(Subject) ? null : Subject, MinN);
        var answer = await store.GetGapTableAsync(context.Scope(), request, cancellationToken);
        return answer.Table is null ? (null, Problem("by", answer.Refusal!)) : (answer.Table, null);
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The Overlap page's ranked list, with the thresholds it was drawn with.</summary>
public sealed record PriorityList(string Attribute, IReadOnlyList<string> Within, int MinimumCellSize, PriorityThresholds Thresholds, IReadOnlyList<PriorityCohort> Cohorts);
