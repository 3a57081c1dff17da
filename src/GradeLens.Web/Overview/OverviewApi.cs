using GradeLens.Core.Storage;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Overview;

/// <summary>GET /api/overview: what the store holds, for the Overview page's cards and rows-per-table chart.</summary>
public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/overview", GetOverviewAsync).WithName("GetOverview").WithTags("Overview");
        return app;
    }

    /// <remarks>Everything in the store until users sign in; then the caller's scope.</remarks>
    public static async Task<Ok<StoreInfo>> GetOverviewAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetInfoAsync(context.Scope(), cancellationToken));
}
