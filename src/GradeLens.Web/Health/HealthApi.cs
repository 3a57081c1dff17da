using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Health;

/// <summary>GET /health: the server answers and its store can be read.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealthAsync).WithName("Health").WithTags("Health").WithStandardProblems()
            .WithSummary("The server answers and its store can be read");
        return app;
    }

    public static async Task<Ok<HealthReport>> GetHealthAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken)
    {
        var info = await store.GetInfoAsync(context.Scope(), cancellationToken);
        return TypedResults.Ok(new HealthReport("ok", store.Location, info.SchemaVersion));
    }
}

/// <param name="Status">"ok" when the store answered.</param>
/// <param name="Store">The store's location.</param>
public sealed record HealthReport(string Status, string Store, int SchemaVersion);
