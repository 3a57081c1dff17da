using System.ComponentModel.DataAnnotations;
using GradeLens.Core.Models;
using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Risk;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Models;

/// <summary>The Models page's answers (Core: <see cref="ModelAnalysis"/>): aggregate figures, so any signed-in reader.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api").WithTags("Models").WithStandardProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        models.MapGet("/models", GetModelAsync).WithName("GetModel")
            .WithSummary("Predict a score or a class from chosen columns of a series: cross-validated figures, coefficients, permutation importance");
        models.MapGet("/models/columns", GetModelColumnsAsync).WithName("GetModelColumns")
            .WithSummary("The score columns and attributes of a series, to choose a model's outcome and features from");
        models.MapGet("/models/targets", GetModelTargetsAsync).WithName("GetModelTargets")
            .WithSummary("What the model pages can offer: every series x subject with students, outcome columns, series tables and each page's default");
        DefaultModelFits.Start(app.ServiceProvider);
        return app;
    }

    public static async Task<Results<Ok<ModelView>, ValidationProblem>> GetModelAsync(
        HttpContext context, IGradeStore store, string? series, string? outcome, string? features, double? below, bool? forest,
        [Range(2, 20, ErrorMessage = "Between 2 and 20.")] int? folds, int? seed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["outcome"] = ["Choose the score to predict."] });
        }

        if (below is { } value && !double.IsFinite(value))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["below"] = ["A number: predict whether the score is below it."] });
        }

        var request = new PredictionRequest(outcome, RiskQuery.Split(features), below, folds ?? 5, seed ?? 7, forest ?? false);
        return TypedResults.Ok(await ModelAnalysis.RunAsync(store, context.Scope(), series, request, cancellationToken));
    }

    public static async Task<Ok<ModelTargets>> GetModelTargetsAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetModelTargetsAsync(context.Scope(), cancellationToken));

    public static async Task<Ok<ModelColumns>> GetModelColumnsAsync(HttpContext context, IGradeStore store, string? series, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ModelAnalysis.ColumnsAsync(store, context.Scope(), series, cancellationToken));
}
