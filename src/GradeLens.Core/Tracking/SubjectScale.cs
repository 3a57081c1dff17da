using System.Globalization;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tracking;

/// <summary>
/// How a subject's grades read on a chart axis: its range and, for graded scales, a tick per grade with its label
/// ("U" for 0 on 9-1, "A*" for 8 on letters). Percent and points scales leave ticks to the chart.
/// </summary>
/// <param name="GradeStep">One grade on this scale: 1 for 9-1, letters and 0-20; a tenth of the maximum for percent and points.</param>
public sealed record SubjectScale(
    string Id,
    string Name,
    double Minimum,
    double Maximum,
    double GradeStep,
    IReadOnlyList<double> TickValues,
    IReadOnlyList<string> TickLabels)
{
    /// <summary>The chart axis of a scale id as stored with an assessment, e.g. ("gcse-9-1", 9).</summary>
    public static SubjectScale For(string scaleId, double maximum)
    {
        var scale = GradeScales.ById(scaleId, maximum);
        var graded = scale.WholeGradesOnly || scale.Id == GradeScales.ZeroToTwentyId;
        var step = graded ? 1 : scale.Maximum / 10;
        if (!graded)
        {
            return new SubjectScale(scale.Id, scale.DisplayName, scale.Minimum, scale.Maximum, step, [], []);
        }

        // The first label of each score names it (A* rather than "A star"); other grades read as numbers.
        var names = new Dictionary<double, string>();
        foreach (var (label, score) in scale.Labels)
        {
            names.TryAdd(score, label);
        }

        var every = scale.Maximum - scale.Minimum > 10 ? 2 : 1;
        var ticks = Enumerable.Range(0, (int)((scale.Maximum - scale.Minimum) / every) + 1).Select(i => scale.Minimum + (i * every)).ToList();
        return new SubjectScale(scale.Id, scale.DisplayName, scale.Minimum, scale.Maximum, step, ticks,
            ticks.Select(t => names.TryGetValue(t, out var name) ? name : t.ToString(CultureInfo.InvariantCulture)).ToList());
    }
}
