using GradeLens.Core.Clusters;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Students;

/// <param name="Subjects">Latest grade against baseline per subject (whole subjects only).</param>
/// <param name="Results">Every result and baseline, each subject's domains too.</param>
/// <param name="RiskNote">Why there is no risk when one was asked for (the model cannot be trained on the request).</param>
/// <param name="RiskFitted">When the kept risk model the student was scored by was fitted (null without a risk).</param>
public sealed record StudentView(
    string StudentId,
    IReadOnlyList<SubjectStanding> Subjects,
    IReadOnlyList<StudentResult> Results,
    StudentRisk? Risk,
    string ClusterSeries,
    int? Cluster,
    IReadOnlyList<string> ClusterColumns,
    ClusterProfile? ClusterProfile,
    FittedOn? RiskFitted,
    string? RiskNote);

/// <summary>The Students page's entry point: one student's whole record, their risk when a target is given, and their cluster in a series.</summary>
public static class StudentRecord
{
    /// <summary>The smallest clustering a student's cluster is shown from (a profile of fewer students says too much about each).</summary>
    public const int MinimumClusteredStudents = 10;

    /// <summary>
    /// Null when the student has no result in scope. When the risk model cannot be trained on the request, the record
    /// comes without a risk and says why. The student's rows, the kept risk model and the kept clusters are asked for
    /// at once (after an import each may be a fit under way), and the student is found in each by a kept index.
    /// </summary>
    public static async Task<StudentView?> GetAsync(IGradeStore store, Scope scope, string studentId, RiskRequest? risk, RiskOptions? options, string? clusterSeries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        // On threads of their own: a store's reads and a fit may run synchronously, and after an import both fits are cold.
        var riskTask = risk is null ? null : Task.Run(() => RiskOrNoteAsync(store, scope, risk, options, cancellationToken), cancellationToken);
        // The same clusters the Clusters page shows (k by silhouette, its seed), kept until the data changes.
        var clustersTask = Task.Run(() => ClustersOrNullAsync(store, scope, clusterSeries, cancellationToken), cancellationToken);
        var rowsTask = store.GetStudentRowsAsync(scope, studentId, cancellationToken);
        var rows = await rowsTask;
        if (rows.Results.Count == 0)
        {
            // Nothing to show: the kept fits still finish (and are kept) for the next visitor.
            return null;
        }

        var (result, riskNote) = riskTask is null ? (null, null) : await riskTask;
        var studentRisk = result is null ? null : KeptLookups.RiskOf(result, studentId);
        var clusters = await clustersTask;
        int? cluster = null;
        ClusterProfile? profile = null;
        if (clusters is { StudentIds.Count: >= MinimumClusteredStudents } && KeptLookups.PositionIn(clusters, studentId) is var at and >= 0)
        {
            cluster = clusters.Labels[at];
            profile = clusters.Clusters[cluster.Value - 1];
        }

        var (seriesName, columns) = clusters is null
            ? await store.GetStudentTableAsync(scope, string.IsNullOrWhiteSpace(clusterSeries) ? null : clusterSeries, cancellationToken) is var table
                ? (table.Series, table.Scores.Names) : default
            : (clusters.Series, clusters.Columns);
        return new StudentView(studentId, rows.Standings, rows.Results, studentRisk, seriesName, cluster, columns, profile, result?.Fitted, riskNote);
    }

    private static async Task<(RiskAnalysisResult? Result, string? Note)> RiskOrNoteAsync(IGradeStore store, Scope scope, RiskRequest risk, RiskOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return (await RiskAnalysis.RunAsync(store, scope, risk, options, cancellationToken), null);
        }
        catch (RiskDataException e)
        {
            // The student's record stands without a risk: the page says why.
            return (null, e.Message);
        }
    }

    private static async Task<ClusterResult?> ClustersOrNullAsync(IGradeStore store, Scope scope, string? clusterSeries, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetClustersAsync(scope, clusterSeries, null, ClusterReads.DefaultSeed, cancellationToken);
        }
        catch (RiskDataException)
        {
            // Fewer than two subjects or domains in the series: the student has no cluster there.
            return null;
        }
    }
}
