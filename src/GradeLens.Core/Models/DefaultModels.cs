using GradeLens.Core.Clusters;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Models;

/// <summary>
/// Fits the model each page opens on (Risk and Triage, Models, Clusters, then the early-warning curve) for the whole
/// store, so the first visitor after an import does not wait: called in the background when the data version changes.
/// </summary>
public static class DefaultModels
{
    /// <summary>Fits (or finds kept) every page's default model; returns how many were asked for. A default that cannot be fitted is skipped: its page explains.</summary>
    public static async Task<int> FitAsync(IGradeStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var scope = Scope.Everything;
        var targets = await store.GetModelTargetsAsync(scope, cancellationToken);
        var asked = 0;
        var risk = targets.DefaultRequest();
        if (risk is not null)
        {
            asked += await TryAsync(() => RiskAnalysis.RunAsync(store, scope, risk, new RiskOptions(), cancellationToken));
        }

        if (targets.DefaultTable is { } table)
        {
            var columns = await store.ReadColumnsAsync(scope, table.Series, cancellationToken);
            if (columns?.DefaultRequest is { } model)
            {
                asked += await TryAsync(() => ModelAnalysis.RunAsync(store, scope, table.Series, model, cancellationToken));
            }
        }

        if (targets.DefaultClusters is { } clusters)
        {
            asked += await TryAsync(() => store.GetClustersAsync(scope, clusters.Series, null, ClusterReads.DefaultSeed, cancellationToken));
        }

        // The early-warning curve last: several fits, shown only when asked for, so the pages' own models come first.
        if (risk is not null)
        {
            asked += await TryAsync(() => RiskAnalysis.CurveAsync(store, scope, risk, new RiskOptions(), cancellationToken));
        }

        return asked;
    }

    private static async Task<ModelColumns?> ReadColumnsAsync(this IGradeStore store, Scope scope, string series, CancellationToken cancellationToken)
    {
        try
        {
            return await ModelAnalysis.ColumnsAsync(store, scope, series, cancellationToken);
        }
        catch (RiskDataException)
        {
            return null;
        }
    }

    private static async Task<int> TryAsync<T>(Func<Task<T>> fit)
    {
        try
        {
            await fit();
            return 1;
        }
        catch (RiskDataException)
        {
            return 0;
        }
    }
}
