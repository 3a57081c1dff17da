using Microsoft.ML;
using Microsoft.ML.Data;

namespace GradeLens.Core.Models;

/// <summary>
/// Gradient-boosted regression trees (ML.NET's FastTree), seeded: <see cref="DefaultTrees"/> trees of at most
/// <see cref="DefaultLeaves"/> leaves, learning rate <see cref="DefaultLearningRate"/>, at least
/// <see cref="DefaultMinimumLeafRows"/> rows per leaf (ML.NET's defaults, spelled out).
/// </summary>
public sealed class BoostedTrees
{
    public const int DefaultTrees = 100;
    public const int DefaultLeaves = 20;
    public const int DefaultMinimumLeafRows = 10;
    public const double DefaultLearningRate = 0.2;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly int _columns;

    private BoostedTrees(MLContext ml, ITransformer model, int columns)
    {
        _ml = ml;
        _model = model;
        _columns = columns;
    }

    public static BoostedTrees FitRegression(FeatureMatrix x, IReadOnlyList<double> y, IReadOnlyList<int> rows, int seed, int trees = DefaultTrees)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rows);
        var ml = new MLContext(seed);
        var trainer = ml.Regression.Trainers.FastTree(
            numberOfLeaves: DefaultLeaves, numberOfTrees: trees, minimumExampleCountPerLeaf: DefaultMinimumLeafRows, learningRate: DefaultLearningRate);
        return new BoostedTrees(ml, trainer.Fit(Load(ml, x, y, rows)), x.Columns);
    }

    /// <summary>The predicted value for each of <paramref name="rows"/>, in order.</summary>
    public double[] Predict(FeatureMatrix x, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != _columns)
        {
            throw new ArgumentException($"The trees were fitted on {_columns} columns, not {x.Columns}.", nameof(x));
        }

        var scored = _model.Transform(Load(_ml, x, null, rows));
        return [.. scored.GetColumn<float>("Score").Select(v => (double)v)];
    }

    /// <summary>An ML.NET view of the rows, the features as one vector column whose width is set at run time.</summary>
    private static IDataView Load(MLContext ml, FeatureMatrix x, IReadOnlyList<double>? y, IReadOnlyList<int> rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, x.Columns);
        var list = new List<Row>(rows.Count);
        foreach (var i in rows)
        {
            var features = new float[x.Columns];
            var source = x.Row(i);
            for (var j = 0; j < features.Length; j++)
            {
                features[j] = (float)source[j];
            }

            list.Add(new Row { Label = y is null ? 0 : (float)y[i], Features = features });
        }

        return ml.Data.LoadFromEnumerable(list, schema);
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
