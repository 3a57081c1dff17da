using GradeLens.Core.Overview;
using GradeLens.Core.Storage;
using GradeLens.Web.Filters;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Overview;

/// <summary>GET /api/overview: what the store holds, for the Overview page's cards and rows-per-table chart.</summary>
public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/overview", GetOverviewAsync).WithName("GetOverview").WithTags("Overview").WithStandardProblems().WithStudentFilters()
            .WithSummary("What the store holds within the caller's scope: students, schools, regions, subjects, series and rows per table");
        app.MapGet("/api/overview/attainment", GetAttainmentAsync).WithName("GetAttainment").WithTags("Overview").WithStandardProblems().WithStudentFilters()
            .WithSummary("% below proficiency per subject and the widest significant gaps of every attribute, tested together");
        return app;
    }

    public static async Task<Ok<AttainmentView>> GetAttainmentAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAttainmentAsync(context.Scope(), cancellationToken));

    public static async Task<Ok<StoreInfo>> GetOverviewAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetKeptInfoAsync(context.Scope(), cancellationToken));
}
