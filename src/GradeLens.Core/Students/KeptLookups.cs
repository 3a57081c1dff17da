using System.Runtime.CompilerServices;
using GradeLens.Core.Clusters;
using GradeLens.Core.Risk;

namespace GradeLens.Core.Students;

/// <summary>
/// A student's place in a kept risk model's ranking and in a kept clustering, by id: each index is built once per kept
/// result and lives as long as the result does, so a student's risk is a lookup, not a scan of every student.
/// </summary>
internal static class KeptLookups
{
    private static readonly ConditionalWeakTable<RiskAnalysisResult, Dictionary<string, StudentRisk>> Risks = [];
    private static readonly ConditionalWeakTable<ClusterResult, Dictionary<string, int>> Positions = [];

    /// <summary>The student's ranked risk, or null when the model did not rank them.</summary>
    public static StudentRisk? RiskOf(RiskAnalysisResult result, string studentId) =>
        Risks.GetValue(result, r =>
        {
            var index = new Dictionary<string, StudentRisk>(r.Ranked.Count, StringComparer.Ordinal);
            foreach (var risk in r.Ranked)
            {
                // The first (highest) wins, as a scan of the ranking would find.
                index.TryAdd(risk.StudentId, risk);
            }

            return index;
        }).GetValueOrDefault(studentId);

    /// <summary>The student's row in the clustering, or -1.</summary>
    public static int PositionIn(ClusterResult clusters, string studentId) =>
        Positions.GetValue(clusters, c =>
        {
            var index = new Dictionary<string, int>(c.StudentIds.Count, StringComparer.Ordinal);
            for (var i = 0; i < c.StudentIds.Count; i++)
            {
                index.TryAdd(c.StudentIds[i], i);
            }

            return index;
        }).GetValueOrDefault(studentId, -1);
}
