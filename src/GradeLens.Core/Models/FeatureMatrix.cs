namespace GradeLens.Core.Models;

/// <summary>
/// Rows of numeric features, row-major in one array (no intercept column: the models add their own),
/// with a name per column. One array rather than jagged rows so a million students fit in one allocation
/// and the fitting loops read memory in order.
/// </summary>
public sealed class FeatureMatrix
{
    private readonly double[] _values;

    public FeatureMatrix(IReadOnlyList<string> names, double[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count == 0 || values.Length % names.Count != 0)
        {
            throw new ArgumentException($"{values.Length} values do not fill rows of {names.Count} columns.", nameof(values));
        }

        Names = names;
        _values = values;
        Rows = values.Length / names.Count;
    }

    public IReadOnlyList<string> Names { get; }

    public int Rows { get; }

    public int Columns => Names.Count;

    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    public double this[int row, int column] => _values[(row * Columns) + column];

    /// <summary>Builds a matrix from rows (small data: tests, a few thousand students).</summary>
    public static FeatureMatrix FromRows(IReadOnlyList<string> names, IEnumerable<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new List<double>();
        foreach (var row in rows)
        {
            if (row.Count != names.Count)
            {
                throw new ArgumentException($"A row has {row.Count} values for {names.Count} columns.", nameof(rows));
            }

            values.AddRange(row);
        }

        return new FeatureMatrix(names, [.. values]);
    }

    /// <summary>Column means and (population) standard deviations, zero deviations replaced by 1 so constant columns stay as they are.</summary>
    public (double[] Means, double[] Scales) ColumnMoments()
    {
        var means = new double[Columns];
        var squares = new double[Columns];
        for (var i = 0; i < Rows; i++)
        {
            var row = Row(i);
            for (var j = 0; j < Columns; j++)
            {
                means[j] += row[j];
            }
        }

        for (var j = 0; j < Columns; j++)
        {
            means[j] /= Rows;
        }

        for (var i = 0; i < Rows; i++)
        {
            var row = Row(i);
            for (var j = 0; j < Columns; j++)
            {
                var d = row[j] - means[j];
                squares[j] += d * d;
            }
        }

        var scales = squares.Select(s => Math.Sqrt(s / Rows)).Select(s => s > 1e-12 ? s : 1.0).ToArray();
        return (means, scales);
    }

    /// <summary>A copy with each column centred and scaled: (x - mean) / scale.</summary>
    public FeatureMatrix Standardised(IReadOnlyList<double> means, IReadOnlyList<double> scales)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(scales);
        var values = new double[_values.Length];
        for (var i = 0; i < Rows; i++)
        {
            var offset = i * Columns;
            for (var j = 0; j < Columns; j++)
            {
                values[offset + j] = (_values[offset + j] - means[j]) / scales[j];
            }
        }

        return new FeatureMatrix(Names, values);
    }

    /// <summary>The given columns only, in the given order.</summary>
    public FeatureMatrix Select(IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var values = new double[Rows * columns.Count];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                values[(i * columns.Count) + j] = this[i, columns[j]];
            }
        }

        return new FeatureMatrix(columns.Select(c => Names[c]).ToList(), values);
    }

    /// <summary>The given rows only, in the given order.</summary>
    public FeatureMatrix Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new double[rows.Count * Columns];
        for (var i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        }

        return new FeatureMatrix(Names, values);
    }

    /// <summary>A copy whose <paramref name="columns"/> take their values from row <c>order[i]</c> together (permutation importance).</summary>
    public FeatureMatrix WithColumnsPermuted(IReadOnlyList<int> columns, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(order);
        var values = (double[])_values.Clone();
        for (var i = 0; i < Rows; i++)
        {
            foreach (var column in columns)
            {
                values[(i * Columns) + column] = _values[(order[i] * Columns) + column];
            }
        }

        return new FeatureMatrix(Names, values);
    }
}
