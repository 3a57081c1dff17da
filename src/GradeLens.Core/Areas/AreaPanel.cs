using GradeLens.Core.Models;

namespace GradeLens.Core.Areas;

/// <summary>
/// Area-years in columns: per row an area, its parent, a year, and row-major measures and scores with NaN where a
/// value is missing. Built from <see cref="AreaObservation"/> records, or directly (the synthetic benchmark's million rows).
/// </summary>
public sealed class AreaPanel
{
    private readonly double[] _measures;
    private readonly double[] _scores;

    public AreaPanel(
        IReadOnlyList<string> areas, IReadOnlyList<string?> parents, IReadOnlyList<int> years,
        IReadOnlyList<string> measureNames, double[] measures, IReadOnlyList<string> scoreNames, double[] scores)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(measureNames);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(scoreNames);
        ArgumentNullException.ThrowIfNull(scores);
        var n = areas.Count;
        if (parents.Count != n || years.Count != n || measures.Length != n * measureNames.Count || scores.Length != n * scoreNames.Count)
        {
            throw new ArgumentException($"Columns of different lengths for {n} area-years.", nameof(measures));
        }

        Areas = areas;
        Parents = parents;
        Years = years;
        MeasureNames = measureNames;
        ScoreNames = scoreNames;
        _measures = measures;
        _scores = scores;
    }

    public IReadOnlyList<string> Areas { get; }

    public IReadOnlyList<string?> Parents { get; }

    public IReadOnlyList<int> Years { get; }

    public IReadOnlyList<string> MeasureNames { get; }

    public IReadOnlyList<string> ScoreNames { get; }

    public int Rows => Areas.Count;

    public double Measure(int row, int measure) => _measures[(row * MeasureNames.Count) + measure];

    public double Score(int row, int score) => _scores[(row * ScoreNames.Count) + score];

    public int MeasureIndex(string name) => IndexOf(MeasureNames, name, "measure");

    public int ScoreIndex(string name) => IndexOf(ScoreNames, name, "score");

    /// <summary>One score for every row (NaN where missing).</summary>
    public double[] ScoreColumn(string name)
    {
        var k = ScoreIndex(name);
        var column = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            column[i] = Score(i, k);
        }

        return column;
    }

    /// <summary>The given measures of every row as a feature matrix (NaN where missing).</summary>
    public FeatureMatrix Features(IReadOnlyList<string> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var columns = measures.Select(MeasureIndex).ToArray();
        var values = new double[Rows * columns.Length];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                values[(i * columns.Length) + j] = Measure(i, columns[j]);
            }
        }

        return new FeatureMatrix([.. measures], values);
    }

    /// <summary>Rows where the score and every one of the measures are present, ascending.</summary>
    public int[] CompleteRows(IReadOnlyList<string> measures, string? score)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var columns = measures.Select(MeasureIndex).ToArray();
        var k = score is null ? -1 : ScoreIndex(score);
        var rows = new List<int>(Rows);
        for (var i = 0; i < Rows; i++)
        {
            var complete = k < 0 || !double.IsNaN(Score(i, k));
            for (var j = 0; complete && j < columns.Length; j++)
            {
                complete = !double.IsNaN(Measure(i, columns[j]));
            }

            if (complete)
            {
                rows.Add(i);
            }
        }

        return [.. rows];
    }

    /// <summary>A panel with one more measure (e.g. the SES composite), its values given per row.</summary>
    public AreaPanel WithMeasure(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Rows || MeasureNames.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{name}' needs one value per row and a name no measure has.", nameof(values));
        }

        var width = MeasureNames.Count;
        var measures = new double[Rows * (width + 1)];
        for (var i = 0; i < Rows; i++)
        {
            _measures.AsSpan(i * width, width).CopyTo(measures.AsSpan(i * (width + 1)));
            measures[(i * (width + 1)) + width] = values[i];
        }

        return new AreaPanel(Areas, Parents, Years, [.. MeasureNames, name], measures, ScoreNames, _scores);
    }

    /// <summary>
    /// The observations in columns. Measure and score names are taken in order of first appearance unless given;
    /// a name given but absent from an observation, or a non-finite value, becomes NaN (missing).
    /// </summary>
    public static AreaPanel FromObservations(IReadOnlyList<AreaObservation> observations, IReadOnlyList<string>? measureNames = null, IReadOnlyList<string>? scoreNames = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var measures = measureNames ?? observations.SelectMany(o => o.Measures.Keys).Distinct(StringComparer.Ordinal).ToList();
        var scores = scoreNames ?? observations.SelectMany(o => o.Scores.Keys).Distinct(StringComparer.Ordinal).ToList();
        var measureValues = new double[observations.Count * measures.Count];
        var scoreValues = new double[observations.Count * scores.Count];
        for (var i = 0; i < observations.Count; i++)
        {
            Fill(observations[i].Measures, measures, measureValues.AsSpan(i * measures.Count, measures.Count));
            Fill(observations[i].Scores, scores, scoreValues.AsSpan(i * scores.Count, scores.Count));
        }

        return new AreaPanel(
            [.. observations.Select(o => o.Area)], [.. observations.Select(o => o.ParentArea)], [.. observations.Select(o => o.Year)],
            measures, measureValues, scores, scoreValues);
    }

    private static void Fill(IReadOnlyDictionary<string, double> values, IReadOnlyList<string> names, Span<double> target)
    {
        for (var j = 0; j < names.Count; j++)
        {
            target[j] = values.TryGetValue(names[j], out var v) && double.IsFinite(v) ? v : double.NaN;
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name, string kind)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"There is no {kind} '{name}'. The {kind}s: {string.Join(", ", names)}.", nameof(name));
    }
}
