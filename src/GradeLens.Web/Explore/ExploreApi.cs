using System.ComponentModel.DataAnnotations;
using GradeLens.Core.Explore;
using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Explore;

/// <summary>The Explore page's answers (Core: <see cref="ExploreReads"/>): aggregates, every small group suppressed, for any signed-in reader; the points are student rows.</summary>
public static class ExploreApi
{
    public static IEndpointRouteBuilder MapExploreApi(this IEndpointRouteBuilder app)
    {
        var explore = app.MapGroup("/api").WithTags("Explore").WithStandardProblems();
        explore.MapGet("/explore/choices", GetChoicesAsync).WithName("GetExploreChoices")
            .WithSummary("The scores and attributes there are in the caller's view, and what the page opens on");
        explore.MapGet("/explore", GetExploreAsync).WithName("GetExplore")
            .WithSummary("One score by one attribute: each group's n, mean with CI and quartiles, ANOVA, Welch's ANOVA, Kruskal-Wallis, effect sizes, pairs, trend; a heatmap with a second attribute");
        explore.MapGet("/explore/points", GetPointsAsync).WithName("GetExplorePoints").RequireAuthorization(Policies.StudentRows)
            .WithSummary("Each group's scores as points (values only, at most 1,000 a group) for the strip beside the boxes");
        explore.MapGet("/explore/ranking", GetRankingAsync).WithName("GetExploreRanking")
            .WithSummary("What matters most: every attribute's effect size on the score, with its interval and q-value");
        return app;
    }

    public static async Task<Ok<ExploreChoices>> GetChoicesAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetExploreChoicesAsync(context.Scope(), cancellationToken));

    public static async Task<Results<Ok<ExploreView>, ValidationProblem>> GetExploreAsync(
        HttpContext context, IGradeStore store, [AsParameters] ExploreQuery query, string? by, string? and, CancellationToken cancellationToken)
    {
        var errors = query.Errors();
        if (string.IsNullOrWhiteSpace(by))
        {
            errors["by"] = ["Choose an attribute to group the students by."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var request = new ExploreRequest(query.Score(), by!.Trim(), string.IsNullOrWhiteSpace(and) ? null : and.Trim(), query.MinN);
        return TypedResults.Ok(await store.GetExploreAsync(context.Scope(), request, cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<GroupPoints>>, ValidationProblem>> GetPointsAsync(
        HttpContext context, IGradeStore store, [AsParameters] ExploreQuery query, string? by, CancellationToken cancellationToken)
    {
        var errors = query.Errors();
        if (string.IsNullOrWhiteSpace(by))
        {
            errors["by"] = ["Choose an attribute to group the students by."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await store.GetExplorePointsAsync(context.Scope(), query.Score(), by!.Trim(), query.MinN, cancellationToken));
    }

    public static async Task<Results<Ok<ExploreRanking>, ValidationProblem>> GetRankingAsync(
        HttpContext context, IGradeStore store, [AsParameters] ExploreQuery query, CancellationToken cancellationToken)
    {
        var errors = query.Errors();
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await store.GetExploreRankingAsync(context.Scope(), query.Score(), query.MinN, cancellationToken));
    }
}

/// <summary>A score (subject, series, optional domain) and the smallest group shown.</summary>
public sealed record ExploreQuery(string? Subject, string? Series, string? Domain, [property: Range(1, int.MaxValue, ErrorMessage = "At least 1.")] int? MinN)
{
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Subject))
        {
            errors["subject"] = ["Choose the score's subject."];
        }

        if (string.IsNullOrWhiteSpace(Series))
        {
            errors["series"] = ["Choose the score's series."];
        }

        return errors;
    }

    public ExploreScore Score() => new(Subject!.Trim(), Series!.Trim(), string.IsNullOrWhiteSpace(Domain) ? null : Domain.Trim());
}
