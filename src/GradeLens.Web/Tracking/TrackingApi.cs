using System.Runtime.CompilerServices;
using System.Text.Json;
using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GradeLens.Web.Tracking;

/// <summary>Chart-ready answers for the Tracking page.</summary>
public static class TrackingApi
{
    private static readonly ConditionalWeakTable<SubjectStudents, byte[]> SerialisedStudents = [];

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        var tracking = app.MapGroup("/api/tracking").WithTags("Tracking");
        tracking.MapGet("/series", GetSeriesBoxesAsync).WithName("GetSeriesBoxes");
        tracking.MapGet("/students", GetStudentsAsync).WithName("GetTrackingStudents").Produces<SubjectStudents>(contentType: "application/json").RequireAuthorization(Policies.StudentRows);
        tracking.MapGet("/students/{studentId}/subjects", GetStandingsAsync).WithName("GetStudentSubjects").RequireAuthorization(Policies.StudentRows);
        tracking.MapGet("/baseline", GetBaselineComparisonAsync).WithName("GetBaselineComparison");
        tracking.MapGet("/backtest", GetMockBackTestsAsync).WithName("GetMockBackTests");
        tracking.MapGet("/groups", GetGroupsAsync).WithName("GetTrackingGroups");
        tracking.MapGet("/subjects", GetSubjectsAsync).WithName("GetTrackingSubjects");
        return app;
    }

    /// <summary>The subject's series in order (baseline first) as box statistics, with the quartile method stated.</summary>
    /// <param name="attribute">Optional group: school, region, grade_level, gender or an imported attribute such as teaching_group.</param>
    public static async Task<Results<Ok<SeriesBoxes>, ValidationProblem, NotFound<string>>> GetSeriesBoxesAsync(
        HttpContext context, IGradeStore store, string? subject, string? attribute, string? value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["Choose a subject."] });
        }

        if (!string.IsNullOrWhiteSpace(attribute) && value is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["value"] = [$"Give the value of '{attribute}' to filter on."] });
        }

        var boxes = await store.GetSeriesBoxesAsync(context.Scope(), new TrackingFilter(subject, attribute, value), cancellationToken);
        var scale = await store.GetSubjectScaleAsync(context.Scope(), subject, cancellationToken);
        return boxes.Count == 0 || scale is null
            ? TypedResults.NotFound($"No results for the subject '{subject}'{(attribute is null ? "" : $" where {attribute} is '{value}'")}.")
            : TypedResults.Ok(new SeriesBoxes(subject, boxes.Where(b => !b.IsBaseline).Select(b => b.N).DefaultIfEmpty(0).Max(), TrackingFilter.QuartileMethod, scale, boxes));
    }

    /// <summary>Each student's path through the subject's series against their baseline (a stable sample above <see cref="TrackingLimits.MaxStudents"/>).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetStudentsAsync(
        HttpContext context, IGradeStore store, IOptions<JsonOptions> json, string? subject, string? attribute, string? value, int? limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["Choose a subject."] });
        }

        if (limit is < 1 or > TrackingLimits.MaxStudents)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {TrackingLimits.MaxStudents}."] });
        }

        var students = await store.GetSubjectStudentsAsync(context.Scope(), new TrackingFilter(subject, attribute, value), limit ?? TrackingLimits.MaxStudents, cancellationToken);
        // Thousands of paths make a large answer: the store keeps the answer until the next import, and its JSON is kept with it.
        var body = SerialisedStudents.GetValue(students, s => JsonSerializer.SerializeToUtf8Bytes(s, json.Value.SerializerOptions));
        return TypedResults.Bytes(body, "application/json");
    }

    /// <summary>Per series the share of students above, at and below baseline, and the students furthest below it.</summary>
    public static async Task<Results<Ok<BaselineComparison>, ValidationProblem>> GetBaselineComparisonAsync(
        HttpContext context, IGradeStore store, string? subject, string? attribute, string? value, int? furthest, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["Choose a subject."] });
        }

        if (furthest is < 1 or > TrackingLimits.MaxStudents)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["furthest"] = [$"Between 1 and {TrackingLimits.MaxStudents}."] });
        }

        return TypedResults.Ok(await store.GetBaselineComparisonAsync(context.Scope(), new TrackingFilter(subject, attribute, value), furthest ?? 50, cancellationToken));
    }

    /// <summary>How well each mock predicted the final: for one subject, or for every subject when none is given.</summary>
    public static async Task<Ok<MockBackTests>> GetMockBackTestsAsync(
        HttpContext context, IGradeStore store, string? subject, string? attribute, string? value, CancellationToken cancellationToken)
    {
        var tests = await store.GetMockBackTestsAsync(context.Scope(), new TrackingFilter(subject?.Trim() ?? "", attribute, value), cancellationToken);
        return TypedResults.Ok(new MockBackTests(MockBackTest.Method, tests));
    }

    /// <summary>The subjects that have whole-subject results, with their series, students and baselines, for the subject list.</summary>
    public static async Task<Ok<IReadOnlyList<TrackingSubject>>> GetSubjectsAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetTrackingSubjectsAsync(context.Scope(), cancellationToken));

    /// <summary>The attributes and values (teaching group, gender...) the subject's students can be narrowed to.</summary>
    public static async Task<Results<Ok<IReadOnlyList<TrackingGroup>>, ValidationProblem>> GetGroupsAsync(HttpContext context, IGradeStore store, string? subject, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["Choose a subject."] });
        }

        return TypedResults.Ok(await store.GetTrackingGroupsAsync(context.Scope(), subject, cancellationToken));
    }

    /// <summary>The student's latest grade against baseline in every subject, most below baseline first: one subject or all?</summary>
    public static async Task<Results<Ok<StudentStandings>, NotFound<string>>> GetStandingsAsync(HttpContext context, IGradeStore store, string studentId, CancellationToken cancellationToken)
    {
        var standings = await store.GetSubjectStandingsAsync(context.Scope(), studentId, cancellationToken);
        return standings.Count == 0
            ? TypedResults.NotFound($"No results for the student '{studentId}'.")
            : TypedResults.Ok(new StudentStandings(studentId, standings));
    }
}

/// <summary>A student's standing in every subject they take.</summary>
public sealed record StudentStandings(string StudentId, IReadOnlyList<SubjectStanding> Subjects);

/// <summary>Most points a chart is sent: a browser draws a few thousand smoothly; above that the answer is a stable sample and says so.</summary>
public static class TrackingLimits
{
    public const int MaxStudents = 3000;
}

/// <summary>A subject's box plot: its title count ("Maths: 71 students"), its scale for the axis, and one box per series.</summary>
public sealed record SeriesBoxes(string Subject, long Students, string QuartileMethod, SubjectScale Scale, IReadOnlyList<SeriesBox> Boxes);

/// <summary>The back-test of every mock against its final, with how it was computed.</summary>
public sealed record MockBackTests(string Method, IReadOnlyList<MockBackTest> Tests);
