using System.ComponentModel.DataAnnotations;
using GradeLens.Core.Clusters;
using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Clusters;

/// <summary>The Clusters page's answer (Core: <see cref="ClusterReads"/>): members are student rows, so never for analysts.</summary>
public static class ClustersApi
{
    public static IEndpointRouteBuilder MapClustersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clusters", GetClustersAsync).WithName("GetClusters").WithTags("Clusters").RequireAuthorization(Policies.StudentRows)
            .WithStandardProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("k-means clusters of standardised subject and domain scores in a series: profiles, sizes, silhouettes and members");
        return app;
    }

    public static async Task<Ok<ClusterResult>> GetClustersAsync(
        HttpContext context, IGradeStore store, string? series,
        [Range(2, 20, ErrorMessage = "Between 2 and 20, or leave it out to choose k by silhouette (2 to 8).")] int? k, int? seed, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetClustersAsync(context.Scope(), series, k, seed ?? ClusterReads.DefaultSeed, cancellationToken));
}
