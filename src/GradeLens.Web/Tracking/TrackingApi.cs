using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;
using GradeLens.Web.Filters;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GradeLens.Web.Tracking;

/// <summary>Chart-ready answers for the Tracking page (Core: <see cref="TrackingReads"/>).</summary>
public static class TrackingApi
{
    private static readonly ConditionalWeakTable<SubjectStudents, byte[]> SerialisedStudents = [];

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        var tracking = app.MapGroup("/api/tracking").WithTags("Tracking").WithStandardProblems().WithStudentFilters();
        tracking.MapGet("/series", GetSeriesBoxesAsync).WithName("GetSeriesBoxes")
            .WithSummary("A subject's series (baseline first) as box statistics, with the scale and the quartile method").ProducesProblem(StatusCodes.Status404NotFound);
        tracking.MapGet("/students", GetStudentsAsync).WithName("GetTrackingStudents").Produces<SubjectStudents>(contentType: "application/json").RequireAuthorization(Policies.StudentRows)
            .WithSummary("Each student's path through a subject's series against their baseline (a stable sample of at most 3,000)");
        tracking.MapGet("/students/{studentId}/subjects", GetStandingsAsync).WithName("GetStudentSubjects").RequireAuthorization(Policies.StudentRows)
            .WithSummary("A student's latest grade against baseline in every subject, most below baseline first").ProducesProblem(StatusCodes.Status404NotFound);
        tracking.MapGet("/baseline", GetBaselineComparisonAsync).WithName("GetBaselineComparison")
            .WithSummary("Per series the share of students above, at and below baseline, and the students furthest below it");
        tracking.MapGet("/backtest", GetMockBackTestsAsync).WithName("GetMockBackTests")
            .WithSummary("How well each mock predicted the final, for one subject or every subject");
        tracking.MapGet("/groups", GetGroupsAsync).WithName("GetTrackingGroups")
            .WithSummary("The attributes and values a subject's students can be narrowed to");
        tracking.MapGet("/subjects", GetSubjectsAsync).WithName("GetTrackingSubjects")
            .WithSummary("The subjects that have whole-subject results, with their series, students and baselines");
        return app;
    }

    /// <param name="attribute">Optional group: school, region, grade_level, gender or an imported attribute such as teaching_group.</param>
    public static async Task<Results<Ok<SeriesBoxes>, ValidationProblem, NotFound<string>>> GetSeriesBoxesAsync(
        HttpContext context, IGradeStore store, [AsParameters] SubjectQuery query, CancellationToken cancellationToken)
    {
        if (query.Invalid() is { } invalid)
        {
            return invalid;
        }

        var filter = query.Filter();
        return await store.GetSeriesBoxPlotAsync(context.Scope(), filter, cancellationToken) is { } plot
            ? TypedResults.Ok(plot)
            : TypedResults.NotFound($"No results for the subject '{filter.Subject}'{(filter.Attribute is null ? "" : $" where {filter.Attribute} is '{filter.Value}'")}.");
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetStudentsAsync(
        HttpContext context, IGradeStore store, IOptions<JsonOptions> json, [AsParameters] SubjectQuery query,
        [Range(1, TrackingLimits.MaxStudents)] int? limit, CancellationToken cancellationToken)
    {
        if (query.Invalid() is { } invalid)
        {
            return invalid;
        }

        var students = await store.GetSubjectStudentsAsync(context.Scope(), query.Filter(), limit ?? TrackingLimits.MaxStudents, cancellationToken);
        // Thousands of paths make a large answer: the store keeps the answer until the next import, and its JSON is kept with it.
        var body = SerialisedStudents.GetValue(students, s => JsonSerializer.SerializeToUtf8Bytes(s, json.Value.SerializerOptions));
        return TypedResults.Bytes(body, "application/json");
    }

    public static async Task<Results<Ok<BaselineComparison>, ValidationProblem>> GetBaselineComparisonAsync(
        HttpContext context, IGradeStore store, [AsParameters] SubjectQuery query, [Range(1, TrackingLimits.MaxStudents)] int? furthest, CancellationToken cancellationToken)
    {
        if (query.Invalid() is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await store.GetBaselineComparisonAsync(context.Scope(), query.Filter(), furthest ?? 50, cancellationToken));
    }

    public static async Task<Ok<MockBackTests>> GetMockBackTestsAsync(
        HttpContext context, IGradeStore store, string? subject, string? attribute, string? value, CancellationToken cancellationToken)
    {
        var tests = await store.GetMockBackTestsAsync(context.Scope(), new TrackingFilter(subject?.Trim() ?? "", attribute, value), cancellationToken);
        return TypedResults.Ok(new MockBackTests(MockBackTest.Method, tests));
    }

    public static async Task<Ok<IReadOnlyList<TrackingSubject>>> GetSubjectsAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetTrackingSubjectsAsync(context.Scope(), cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<TrackingGroup>>, ValidationProblem>> GetGroupsAsync(HttpContext context, IGradeStore store, string? subject, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(subject)
            ? SubjectQuery.SubjectRequired()
            : TypedResults.Ok(await store.GetTrackingGroupsAsync(context.Scope(), subject, cancellationToken));

    public static async Task<Results<Ok<StudentStandings>, NotFound<string>>> GetStandingsAsync(HttpContext context, IGradeStore store, string studentId, CancellationToken cancellationToken)
    {
        var standings = await store.GetSubjectStandingsAsync(context.Scope(), studentId, cancellationToken);
        return standings.Count == 0
            ? TypedResults.NotFound($"No results for the student '{studentId}'.")
            : TypedResults.Ok(new StudentStandings(studentId, standings));
    }
}

/// <summary>A subject, optionally narrowed to one group of its students (an attribute and its value).</summary>
public sealed record SubjectQuery(string? Subject, string? Attribute, string? Value)
{
    public ValidationProblem? Invalid() =>
        string.IsNullOrWhiteSpace(Subject) ? SubjectRequired()
        : !string.IsNullOrWhiteSpace(Attribute) && Value is null ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["value"] = [$"Give the value of '{Attribute}' to filter on."] })
        : null;

    public TrackingFilter Filter() => new(Subject!, Attribute, Value);

    public static ValidationProblem SubjectRequired() => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["Choose a subject."] });
}

/// <summary>Most points a chart is sent: a browser draws a few thousand smoothly; above that the answer is a stable sample and says so.</summary>
public static class TrackingLimits
{
    public const int MaxStudents = 3000;
}
