using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Clusters;

/// <summary>The Clusters page's entry point: k-means of a series within the scope, fitted once and kept until the data changes.</summary>
public static class ClusterReads
{
    /// <summary>The seed the pages use, so the Students page shows the same clusters as the Clusters page.</summary>
    public const int DefaultSeed = 7;

    /// <summary>k-means clusters of a series (the latest when empty); k by silhouette when null. <see cref="RiskDataException"/> when the series cannot be clustered.</summary>
    public static Task<ClusterResult> GetClustersAsync(this IGradeStore store, Scope scope, string? series, int? k = null, int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        var chosen = string.IsNullOrWhiteSpace(series) ? null : series;
        return store.RememberAsync(AnswerKey.For("clusters", scope, chosen, k, seed),
            async token => ClusterAnalysis.Run(await store.GetStudentTableAsync(scope, chosen, token), k, seed), cancellationToken);
    }
}
