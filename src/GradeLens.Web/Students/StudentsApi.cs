using GradeLens.Core.Storage;
using GradeLens.Core.Students;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Risk;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Students;

/// <summary>The Students page's answer (Core: <see cref="StudentRecord"/>): one student's rows, so never for analysts.</summary>
public static class StudentsApi
{
    public static IEndpointRouteBuilder MapStudentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/students/{studentId}", GetStudentAsync).WithName("GetStudent").WithTags("Students").RequireAuthorization(Policies.StudentRows)
            .WithStandardProblems().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("One student: every result and baseline, the latest grade against baseline per subject, their risk and their cluster");
        return app;
    }

    /// <param name="query">The risk model to score the student with, when its series and subject are given.</param>
    public static async Task<Results<Ok<StudentView>, NotFound<string>, ValidationProblem>> GetStudentAsync(
        HttpContext context, IGradeStore store, string studentId, [AsParameters] RiskQuery query, string? clusterSeries, CancellationToken cancellationToken)
    {
        var withRisk = !string.IsNullOrWhiteSpace(query.Series) && !string.IsNullOrWhiteSpace(query.Subject);
        if (withRisk && query.Invalid() is { } invalid)
        {
            return invalid;
        }

        var view = await StudentRecord.GetAsync(store, context.Scope(), studentId, withRisk ? query.ToRequest() : null, withRisk ? query.ToOptions() : null, clusterSeries, cancellationToken);
        return view is null ? TypedResults.NotFound($"No results for the student '{studentId}'.") : TypedResults.Ok(view);
    }
}
