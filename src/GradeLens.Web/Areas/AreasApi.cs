using System.ComponentModel.DataAnnotations;
using GradeLens.Core.Areas;
using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Areas;

/// <summary>
/// The Areas page's answers (Core: <see cref="AreaReads"/>, <see cref="AreaPredictionReads"/>, the entry points
/// <c>gradelens areas</c> calls too). Areas are aggregates, so any signed-in reader, analysts included, may call them.
/// Every prediction carries its 95% prediction interval, leverage, extrapolation flag and the model's version.
/// </summary>
public static class AreasApi
{
    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var areas = app.MapGroup("/api/areas").WithTags("Areas").WithStandardProblems();
        areas.MapGet("", GetOverviewAsync).WithName("GetAreas")
            .WithSummary("The scored areas and years, every measure and score with its range, the counties' parents and the join report's counts");
        areas.MapGet("/join-report", GetJoinReportAsync).WithName("GetAreaJoinReport")
            .WithSummary("Every area, area-year and ZIP code the joins by normalised name and year could not place, and why");
        areas.MapGet("/scatter", GetScatterAsync).WithName("GetAreaScatter")
            .WithSummary("A measure against a score, a point per area and year, with the OLS line and its 95% confidence band");
        areas.MapGet("/correlations", GetCorrelationsAsync).WithName("GetAreaCorrelations")
            .WithSummary("Every measure against every score: Pearson's r with its 95% CI and p, Spearman's rho, n, Benjamini-Hochberg q");
        areas.MapGet("/fits", GetFitsAsync).WithName("GetAreaFits")
            .WithSummary("OLS of each score on the measures (or their SES composite): coefficients with SE, t, p and 95% CI, R², adjusted R², residual SE");
        areas.MapGet("/models", GetModelsAsync).WithName("GetAreaModels")
            .WithSummary("OLS, ridge, random forest and boosted trees by CV grouped by area, forward in time and the optimistic random split, with the model chosen and why");
        areas.MapGet("/residuals", GetResidualsAsync).WithName("GetAreaResiduals")
            .WithSummary("Beating the odds for one score: each area-year against its leave-area-out 95% prediction interval, and each area's persistence");
        areas.MapGet("/counties", GetCountiesAsync).WithName("GetCountyPredictions")
            .WithSummary("Every county's (or one state's counties') predicted scores with 95% prediction intervals, leverage and extrapolation flags");
        areas.MapGet("/zip", GetZipAsync).WithName("GetZipPrediction")
            .WithSummary("A ZIP code's county and its predictions, or one sentence saying why there are none");
        areas.MapPost("/predict", PredictAsync).WithName("PredictArea")
            .WithSummary("What-if: poverty %, median income and unemployment % in; four predictions with intervals, flags and the five nearest real area-years out");
        return app;
    }

    public static async Task<Ok<AreaOverview>> GetOverviewAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAreaOverviewAsync(context.Scope(), cancellationToken));

    public static async Task<Ok<AreaJoinReport>> GetJoinReportAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAreaJoinReportAsync(context.Scope(), cancellationToken));

    /// <param name="measure">The measure on the x axis (default: poverty_percent).</param>
    /// <param name="score">The score on the y axis (default: the first of the study's four).</param>
    /// <param name="year">Only this year's points and line (default: every year).</param>
    public static async Task<Results<Ok<AreaScatter>, ValidationProblem>> GetScatterAsync(
        HttpContext context, IGradeStore store, string? measure, string? score, [Range(1800, 2200)] int? year, CancellationToken cancellationToken)
    {
        var data = await store.GetAreaDataAsync(context.Scope(), cancellationToken);
        var (chosen, problem) = AreaProblems.Score(data.Panel, score);
        if (problem is not null)
        {
            return problem;
        }

        var modelMeasures = AreaChoice.ModelMeasures(data.Panel);
        var x = !string.IsNullOrWhiteSpace(measure) ? measure.Trim() : modelMeasures.Count > 0 ? modelMeasures[0] : null;
        if (x is not null && !data.Panel.MeasureNames.Contains(x))
        {
            return AreaProblems.Field("measure", $"No scored area has the measure '{x}'. The measures: {string.Join(", ", data.Panel.MeasureNames)}.");
        }

        return TypedResults.Ok(await store.GetAreaScatterAsync(context.Scope(), x ?? AreaNames.Poverty, chosen ?? AreaNames.StudyScores[0], year, cancellationToken));
    }

    /// <param name="ses">True: add the SES composite of the study's measures as one more row.</param>
    public static async Task<Ok<IReadOnlyList<AreaCorrelation>>> GetCorrelationsAsync(HttpContext context, IGradeStore store, bool? ses, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAreaCorrelationsAsync(context.Scope(), ses ?? false, cancellationToken));

    public static async Task<Results<Ok<AreaFitSet>, ValidationProblem>> GetFitsAsync(
        HttpContext context, IGradeStore store, [AsParameters] AreaModelQuery query, CancellationToken cancellationToken)
    {
        var (measures, problem) = await query.ResolveAsync(context, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(await store.GetAreaFitsAsync(context.Scope(), measures, query.Ses ?? false, cancellationToken));
    }

    /// <param name="folds">Outer folds of the grouped cross-validation (default 5).</param>
    public static async Task<Results<Ok<AreaComparison>, ValidationProblem>> GetModelsAsync(
        HttpContext context, IGradeStore store, [AsParameters] AreaModelQuery query, [Range(2, 10, ErrorMessage = "Between 2 and 10.")] int? folds, CancellationToken cancellationToken)
    {
        var (measures, problem) = await query.ResolveAsync(context, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var options = new AreaComparisonOptions(Folds: folds ?? 5);
        return TypedResults.Ok(await store.GetAreaComparisonAsync(context.Scope(), measures, query.Ses ?? false, options, cancellationToken));
    }

    /// <param name="score">The score (default: the first of the study's four).</param>
    /// <param name="year">Only this year's area-years (the persistence always counts every year).</param>
    public static async Task<Results<Ok<BeatingTheOddsResult>, ValidationProblem>> GetResidualsAsync(
        HttpContext context, IGradeStore store, [AsParameters] AreaModelQuery query, string? score, [Range(1800, 2200)] int? year, CancellationToken cancellationToken)
    {
        var (measures, problem) = await query.ResolveAsync(context, store, cancellationToken);
        var data = await store.GetAreaDataAsync(context.Scope(), cancellationToken);
        var (chosen, scoreProblem) = AreaProblems.Score(data.Panel, score);
        if ((problem ?? scoreProblem) is { } invalid)
        {
            return invalid;
        }

        if (chosen is null)
        {
            return TypedResults.Ok(new BeatingTheOddsResult("", true, "", null, null, "No area has an average score yet: import a file of area scores and their measures."));
        }

        var result = await store.GetBeatingTheOddsAsync(context.Scope(), chosen, measures, query.Ses ?? false, cancellationToken);
        return TypedResults.Ok(year is { } y ? result with { AreaYears = result.AreaYears?.Where(r => r.Year == y).ToList() } : result);
    }

    /// <param name="state">Only this state's counties (default: every county).</param>
    /// <param name="score">Only this score's predictions (default: the study's four).</param>
    public static async Task<Results<Ok<SubAreaPredictions>, ValidationProblem>> GetCountiesAsync(
        HttpContext context, IGradeStore store, [MaxLength(200)] string? state, string? score, CancellationToken cancellationToken)
    {
        string? chosen = null;
        if (!string.IsNullOrWhiteSpace(score))
        {
            var data = await store.GetAreaDataAsync(context.Scope(), cancellationToken);
            (chosen, var problem) = AreaProblems.Score(data.Panel, score);
            if (problem is not null)
            {
                return problem;
            }
        }

        var parent = string.IsNullOrWhiteSpace(state) ? null : state.Trim();
        return TypedResults.Ok(await store.GetSubAreaPredictionsAsync(context.Scope(), parent, chosen, cancellationToken));
    }

    /// <param name="code">The ZIP code as text ("00501": leading zeros are part of it).</param>
    public static async Task<Results<Ok<ZipPrediction>, ValidationProblem>> GetZipAsync(HttpContext context, IGradeStore store, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 12)
        {
            return AreaProblems.Field("code", "Give a ZIP code (5 digits, leading zeros included, such as 00501).");
        }

        return TypedResults.Ok(await store.GetZipPredictionAsync(context.Scope(), code, cancellationToken));
    }

    /// <summary>Refused input (missing, text, negative, a percentage over 100, an absurd income) is a 400 naming each field; never a prediction.</summary>
    public static async Task<Results<Ok<WhatIfAnswer>, ValidationProblem>> PredictAsync(HttpContext context, IGradeStore store, WhatIfRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = request.Check();
        if (!check.IsValid)
        {
            return TypedResults.ValidationProblem(check.Errors);
        }

        return TypedResults.Ok(await store.PredictWhatIfAsync(context.Scope(), check, cancellationToken));
    }
}
