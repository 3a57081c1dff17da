using MathNet.Numerics.LinearAlgebra;

namespace GradeLens.Core.Areas;

/// <summary>
/// One measure's part in the composite: its weight in the first principal component (a unit vector over the
/// standardised measures), its loading (the correlation of the measure with the composite, weight × √eigenvalue), and
/// the mean and population standard deviation that standardise it.
/// </summary>
public sealed record SesLoading(string Measure, double Weight, double Loading, double Mean, double StandardDeviation);

/// <summary>
/// The socio-economic composite: the first principal component of the standardised measures (the leading eigenvector
/// of their correlation matrix), signed so that higher means more disadvantaged (a positive weight on the
/// disadvantage measure, poverty by default). <see cref="ExplainedShare"/> is its share of the total variance.
/// </summary>
public sealed record SesComposite(string Name, IReadOnlyList<SesLoading> Loadings, double Eigenvalue, double ExplainedShare, int N)
{
    public const string DefaultName = "ses_composite";

    /// <summary>The composite of one set of measures: Σ weight × (value − mean) / sd. Every measure must be present.</summary>
    public double Of(IReadOnlyDictionary<string, double> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var value = 0.0;
        foreach (var l in Loadings)
        {
            if (!measures.TryGetValue(l.Measure, out var v) || !double.IsFinite(v))
            {
                throw new ArgumentException($"The composite needs a finite {l.Measure}.", nameof(measures));
            }

            value += l.Weight * (v - l.Mean) / l.StandardDeviation;
        }

        return value;
    }

    /// <summary>The composite of every row of the panel (NaN where a measure is missing), ready for <see cref="AreaPanel.WithMeasure"/>.</summary>
    public double[] Of(AreaPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var columns = Loadings.Select(l => panel.MeasureIndex(l.Measure)).ToArray();
        var values = new double[panel.Rows];
        for (var i = 0; i < panel.Rows; i++)
        {
            var value = 0.0;
            for (var j = 0; j < columns.Length; j++)
            {
                var l = Loadings[j];
                value += l.Weight * (panel.Measure(i, columns[j]) - l.Mean) / l.StandardDeviation;
            }

            values[i] = value;
        }

        return values;
    }

    /// <summary>Fits the composite on the rows that have every one of <paramref name="measures"/>; null when a measure is constant or rows are too few.</summary>
    public static SesComposite? Fit(AreaPanel panel, IReadOnlyList<string> measures, string disadvantage = AreaNames.Poverty, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(measures);
        var sign = measures.ToList().IndexOf(disadvantage);
        if (sign < 0 || measures.Count < 2)
        {
            throw new ArgumentException($"The composite needs at least two measures, among them {disadvantage} (its sign is set by it).", nameof(measures));
        }

        var rows = panel.CompleteRows(measures, null);
        var p = measures.Count;
        var x = panel.Features(measures);
        if (rows.Length < p + 1 || Enumerable.Range(0, p).Any(j => IsConstant(x, rows, j)))
        {
            return null;
        }

        var (means, scales) = x.Subset(rows).ColumnMoments();

        var correlation = Matrix<double>.Build.Dense(p, p);
        foreach (var i in rows)
        {
            var row = x.Row(i);
            for (var j = 0; j < p; j++)
            {
                for (var k = 0; k < p; k++)
                {
                    correlation[j, k] += (row[j] - means[j]) / scales[j] * ((row[k] - means[k]) / scales[k]) / rows.Length;
                }
            }
        }

        var evd = correlation.Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(e => e.Real).ToArray();
        var top = Array.IndexOf(eigenvalues, eigenvalues.Max());
        var vector = evd.EigenVectors.Column(top);
        if (vector[sign] < 0)
        {
            vector = -vector;
        }

        var lambda = eigenvalues[top];
        var loadings = measures.Select((m, j) => new SesLoading(m, vector[j], vector[j] * Math.Sqrt(lambda), means[j], scales[j])).ToList();
        return new SesComposite(name, loadings, lambda, lambda / eigenvalues.Sum(), rows.Length);
    }

    private static bool IsConstant(Models.FeatureMatrix x, int[] rows, int column) => rows.All(i => x[i, column] == x[rows[0], column]);
}
