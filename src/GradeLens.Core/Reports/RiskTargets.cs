using GradeLens.Core.Gaps;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Reports;

/// <summary>Which outcome the risk report predicts when none is named: the store's latest series, in its subject with the most students.</summary>
public static class RiskTargets
{
    public static async Task<RiskRequest?> DefaultAsync(IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var info = await store.GetKeptInfoAsync(scope, cancellationToken);
        var subjects = (await store.GetGapTableAsync(scope, new GapRequest(Within: []), cancellationToken)).Table?.Cells
            .Where(c => c.Domain.Length == 0 && !c.Suppressed && c.Region is null && c.School is null && c.GradeLevel is null)
            .ToList() ?? [];
        foreach (var series in info.Series.Reverse())
        {
            var largest = subjects.Where(c => c.Series == series).OrderByDescending(c => c.Students).ThenBy(c => c.Subject, StringComparer.Ordinal).FirstOrDefault();
            if (largest is not null)
            {
                return new RiskRequest(series, largest.Subject);
            }
        }

        return null;
    }
}
