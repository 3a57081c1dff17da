using System.Data.Common;
using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Health;

/// <summary>
/// Health for an orchestrator and for admins. <c>/health/live</c> (anyone): the server answers. <c>/health/ready</c>
/// (anyone): the store answers a trivial query. Neither says anything about the data or where it is. <c>/health</c>
/// (admins): the store's location and schema version.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", Live).AllowAnonymous().WithTags("Health").WithName("Liveness").WithSummary("The server answers (no sign-in, no data)");
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().WithTags("Health").WithName("Readiness")
            .WithSummary("The store answers a trivial query (no sign-in, no data)");
        app.MapGet("/health", GetHealthAsync).RequireAuthorization(Policies.Admin).WithTags("Health").WithName("Health").WithStandardProblems()
            .WithSummary("The server answers and its store can be read: the store's location and schema version (admins)");
        return app;
    }

    public static Ok<ProbeReport> Live() => TypedResults.Ok(new ProbeReport("live"));

    /// <summary>200 when the store answers <c>SELECT 1</c>, 503 otherwise; never the store's error, which could name where it is.</summary>
    public static async Task<Results<Ok<ProbeReport>, JsonHttpResult<ProbeReport>>> ReadyAsync(IGradeStore store, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return TypedResults.Ok(new ProbeReport("ready"));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return TypedResults.Json(new ProbeReport("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public static async Task<Ok<HealthReport>> GetHealthAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken)
    {
        var info = await store.GetInfoAsync(context.Scope(), cancellationToken);
        return TypedResults.Ok(new HealthReport("ok", store.Location, info.SchemaVersion));
    }
}

/// <param name="Status">"live", "ready" or "unavailable": nothing else.</param>
public sealed record ProbeReport(string Status);

/// <param name="Status">"ok" when the store answered.</param>
/// <param name="Store">The store's location.</param>
public sealed record HealthReport(string Status, string Store, int SchemaVersion);
