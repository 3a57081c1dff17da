using GradeLens.Core.Quality;
using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Quality;

/// <summary>
/// The Quality page's answers (Core: <see cref="QualityReads"/>): aggregates for any signed-in reader, each KPI with its
/// Wilson interval or "low" (suppressed), narrowed by faculty, programme and term; a filter that names nothing in the
/// caller's view is a 400 naming the field. The upload is <see cref="QualityImportApi"/>.
/// </summary>
public static class QualityApi
{
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        var quality = app.MapGroup("/api/quality").WithTags("Quality").WithStandardProblems();
        quality.MapGet("/choices", GetChoicesAsync).WithName("GetQualityChoices")
            .WithSummary("The faculties, programmes and terms there are in the caller's view (terms in order), and whether there is any quality data");
        quality.MapGet("/pass-rates", GetPassRatesAsync).WithName("GetQualityPassRates")
            .WithSummary("Pass rates per programme x term and per module, each with its Wilson 95% interval or suppressed as low, and the mark rule");
        quality.MapGet("/trends", GetTrendsAsync).WithName("GetQualityTrends")
            .WithSummary("Each programme's pass rate across terms with intervals, and whether each change is beyond chance (two-proportion z-test)");
        quality.MapGet("/turnaround", GetTurnaroundAsync).WithName("GetQualityTurnaround")
            .WithSummary("Feedback turnaround in working days as of a date: the study's bins, a histogram with the policy limit, % within policy per programme and term, outstanding work");
        quality.MapGet("/engagement", GetEngagementAsync).WithName("GetQualityEngagement")
            .WithSummary("The study's engagement index per programme and term, and % positive per survey theme and question with the response rate and its gate");
        quality.MapGet("/at-risk", GetAtRiskAsync).WithName("GetQualityAtRisk")
            .WithSummary("Every module's pass rate against its survey score, the study's at-risk rule and the evidence of its interval (clearly or possibly below)");
        app.MapQualityImportApi();
        return app;
    }

    public static async Task<Ok<QualityChoices>> GetChoicesAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetQualityChoicesAsync(context.Scope(), cancellationToken));

    public static Task<Results<Ok<PassRates>, ValidationProblem>> GetPassRatesAsync(
        HttpContext context, IGradeStore store, [AsParameters] QualityQuery query, CancellationToken cancellationToken) =>
        AnswerAsync(context, store, query, (scope, filter, options) => store.GetPassRatesAsync(scope, filter, options, cancellationToken), cancellationToken);

    public static Task<Results<Ok<TrendAnswer>, ValidationProblem>> GetTrendsAsync(
        HttpContext context, IGradeStore store, [AsParameters] QualityQuery query, CancellationToken cancellationToken) =>
        AnswerAsync(context, store, query, (scope, filter, options) => store.GetPassRateTrendsAsync(scope, filter, options, cancellationToken), cancellationToken);

    /// <param name="asOf">The day outstanding work is aged to (yyyy-mm-dd); default today.</param>
    public static async Task<Results<Ok<TurnaroundView>, ValidationProblem>> GetTurnaroundAsync(
        HttpContext context, IGradeStore store, TimeProvider clock, [AsParameters] QualityQuery query, string? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var errors = await ErrorsAsync(context, store, query, cancellationToken);
        var day = QualityQuery.ParseDate(asOf, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), errors, "asOf");
        if (errors.Count > 0 || day is not { } date)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var calendar = context.RequestServices.GetService<WorkingDayCalendar>() ?? WorkingDayCalendar.EnglandAndWales;
        return TypedResults.Ok(await store.GetTurnaroundViewAsync(context.Scope(), query.Filter(), date, calendar, query.Options(), cancellationToken: cancellationToken));
    }

    public static Task<Results<Ok<EngagementAnswer>, ValidationProblem>> GetEngagementAsync(
        HttpContext context, IGradeStore store, [AsParameters] QualityQuery query, CancellationToken cancellationToken) =>
        AnswerAsync(context, store, query, (scope, filter, options) => store.GetEngagementAsync(scope, filter, options, cancellationToken), cancellationToken);

    public static Task<Results<Ok<AtRiskAnswer>, ValidationProblem>> GetAtRiskAsync(
        HttpContext context, IGradeStore store, [AsParameters] QualityQuery query, CancellationToken cancellationToken) =>
        AnswerAsync(context, store, query, (scope, filter, options) => store.GetAtRiskModulesAsync(scope, filter, options, cancellationToken), cancellationToken);

    /// <summary>The answer of <paramref name="read"/> for the query's filter and options, or the query's errors as a validation problem.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem>> AnswerAsync<T>(
        HttpContext context, IGradeStore store, QualityQuery query, Func<Scope, QualityFilter, QualityOptions, Task<T>> read, CancellationToken cancellationToken)
    {
        var errors = await ErrorsAsync(context, store, query, cancellationToken);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await read(context.Scope(), query.Filter(), query.Options()));
    }

    /// <summary>The query's own errors, and a faculty, programme or term that is not in the caller's view (from the kept choices).</summary>
    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpContext context, IGradeStore store, QualityQuery query, CancellationToken cancellationToken)
    {
        var errors = query.Errors();
        var filter = query.Filter();
        if (filter.Faculty is null && filter.Programme is null && filter.Term is null)
        {
            return errors;
        }

        var choices = await store.GetQualityChoicesAsync(context.Scope(), cancellationToken);
        if (choices.Refusal(filter) is { } refusal)
        {
            errors[refusal.Field] = [refusal.Problem];
        }

        return errors;
    }
}
