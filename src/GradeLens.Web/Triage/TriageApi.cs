using System.ComponentModel.DataAnnotations;
using GradeLens.Core.Storage;
using GradeLens.Core.Triage;
using GradeLens.Web.Filters;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Risk;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Triage;

/// <summary>The Triage page's answer (Core: <see cref="TriageAnalysis"/>): student rows, so never for analysts.</summary>
public static class TriageApi
{
    public static IEndpointRouteBuilder MapTriageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/triage", GetTriageAsync).WithName("GetTriage").WithTags("Triage").WithStudentFilters().RequireAuthorization(Policies.StudentRows)
            .WithStandardProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Students ranked by calibrated risk, cut at a capacity or a minimum risk, each with the top reasons");
        return app;
    }

    public static async Task<Results<Ok<TriageView>, ValidationProblem>> GetTriageAsync(
        HttpContext context, IGradeStore store, [AsParameters] RiskQuery query,
        [Range(1, int.MaxValue, ErrorMessage = "A positive number of students.")] int? capacity,
        [Range(0.0, 1.0, ErrorMessage = "Between 0 and 1.")] double? minimumRisk, bool? pseudonymise, CancellationToken cancellationToken)
    {
        if (query.Invalid() is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await TriageAnalysis.RunAsync(store, context.Scope(), query.ToRequest(), query.ToOptions(),
            new TriageCut(capacity, minimumRisk, pseudonymise == true), cancellationToken));
    }
}
