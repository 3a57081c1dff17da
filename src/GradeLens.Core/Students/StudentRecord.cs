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

    /// <summary>Null when the student has no result in scope. When the risk model cannot be trained on the request, the record comes without a risk and says why.</summary>
    public static async Task<StudentView?> GetAsync(IGradeStore store, Scope scope, string studentId, RiskRequest? risk, RiskOptions? options, string? clusterSeries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var standings = await store.GetSubjectStandingsAsync(scope, studentId, cancellationToken);
        var results = await store.GetStudentResultsAsync(scope, studentId, cancellationToken);
        if (results.Count == 0)
        {
            return null;
        }

        StudentRisk? studentRisk = null;
        FittedOn? fitted = null;
        string? riskNote = null;
        if (risk is not null)
        {
            try
            {
                var result = await RiskAnalysis.RunAsync(store, scope, risk, options, cancellationToken);
                studentRisk = result.Ranked.FirstOrDefault(r => r.StudentId == studentId);
                fitted = result.Fitted;
            }
            catch (RiskDataException e)
            {
                // The student's record stands without a risk: the page says why.
                riskNote = e.Message;
            }
        }

        // The same clusters the Clusters page shows (k by silhouette, its seed), kept until the data changes.
        ClusterResult? clusters = null;
        try
        {
            clusters = await store.GetClustersAsync(scope, clusterSeries, null, ClusterReads.DefaultSeed, cancellationToken);
        }
        catch (RiskDataException)
        {
            // Fewer than two subjects or domains in the series: the student has no cluster there.
        }

        int? cluster = null;
        ClusterProfile? profile = null;
        if (clusters is { StudentIds.Count: >= MinimumClusteredStudents } && IndexOf(clusters.StudentIds, studentId) is var at and >= 0)
        {
            cluster = clusters.Labels[at];
            profile = clusters.Clusters[cluster.Value - 1];
        }

        var (seriesName, columns) = clusters is null
            ? await store.GetStudentTableAsync(scope, string.IsNullOrWhiteSpace(clusterSeries) ? null : clusterSeries, cancellationToken) is var table
                ? (table.Series, table.Scores.Names) : default
            : (clusters.Series, clusters.Columns);
        return new StudentView(studentId, standings, results, studentRisk, seriesName, cluster, columns, profile, fitted, riskNote);
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
