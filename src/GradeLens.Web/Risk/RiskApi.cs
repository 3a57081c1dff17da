using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Risk;

/// <summary>The Risk page's answer (Core: <see cref="RiskAnalysis"/>); a model that cannot be trained on the request is a 422 ProblemDetails.</summary>
public static class RiskApi
{
    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/risk", GetRiskAsync).WithName("GetRisk").WithTags("Risk").WithStandardProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("The at-risk model's cross-validated evaluation: AUC with CI, Brier, log-loss, reliability, AUC per protected group, odds ratios");
        app.MapGet("/api/risk/curve", GetCurveAsync).WithName("GetRiskCurve").WithTags("Risk").WithStandardProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("The early-warning curve: the same target fitted as of each earlier series, each point's cross-validated AUC");
        return app;
    }

    public static async Task<Results<Ok<RiskView>, ValidationProblem>> GetRiskAsync(
        HttpContext context, IGradeStore store, [AsParameters] RiskQuery query, CancellationToken cancellationToken)
    {
        if (query.Invalid() is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(RiskView.From(await RiskAnalysis.RunAsync(store, context.Scope(), query.ToRequest(), query.ToOptions(), cancellationToken)));
    }

    public static async Task<Results<Ok<IReadOnlyList<CutoffAuc>>, ValidationProblem>> GetCurveAsync(
        HttpContext context, IGradeStore store, [AsParameters] RiskQuery query, CancellationToken cancellationToken)
    {
        if (query.Invalid() is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await RiskAnalysis.CurveAsync(store, context.Scope(), query.ToRequest(), query.ToOptions(), cancellationToken));
    }
}
