using Microsoft.ML;
using Microsoft.ML.Data;

namespace GradeLens.Core.Models;

/// <summary>
/// A random forest (ML.NET's FastForest) for a numeric score or a yes/no class, seeded. Classifier probabilities come
/// from a Platt calibrator appended to the forest (FastForest alone gives only a raw score).
/// </summary>
public sealed class RandomForest
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly bool _classifier;
    private readonly int _columns;

    private RandomForest(MLContext ml, ITransformer model, bool classifier, int columns)
    {
        _ml = ml;
        _model = model;
        _classifier = classifier;
        _columns = columns;
    }

    public const int DefaultTrees = 100;

    public static RandomForest FitRegression(FeatureMatrix x, IReadOnlyList<double> y, int[] rows, int seed, int trees = DefaultTrees)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rows);
        var ml = new MLContext(seed);
        var data = Load(ml, x, rows, i => new Row { Label = (float)y[i] });
        var trainer = ml.Regression.Trainers.FastForest(numberOfTrees: trees, minimumExampleCountPerLeaf: 5);
        return new RandomForest(ml, trainer.Fit(data), classifier: false, x.Columns);
    }

    public static RandomForest FitClassifier(FeatureMatrix x, IReadOnlyList<bool> y, int[] rows, int seed, int trees = DefaultTrees)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rows);
        var ml = new MLContext(seed);
        var data = Load(ml, x, rows, i => new Row { Flag = y[i] });
        var pipeline = ml.BinaryClassification.Trainers.FastForest(labelColumnName: nameof(Row.Flag), numberOfTrees: trees, minimumExampleCountPerLeaf: 5)
            .Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: nameof(Row.Flag)));
        return new RandomForest(ml, pipeline.Fit(data), classifier: true, x.Columns);
    }

    /// <summary>The predicted score (regression) or probability (classifier) for each of <paramref name="rows"/>.</summary>
    public double[] Predict(FeatureMatrix x, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != _columns)
        {
            throw new ArgumentException($"The forest was fitted on {_columns} columns, not {x.Columns}.", nameof(x));
        }

        var scored = _model.Transform(Load(_ml, x, rows, _ => new Row()));
        return [.. scored.GetColumn<float>(_classifier ? "Probability" : "Score").Select(v => (double)v)];
    }

    /// <summary>An ML.NET view of the rows, the features as one vector column whose width is set at run time.</summary>
    private static IDataView Load(MLContext ml, FeatureMatrix x, int[] rows, Func<int, Row> label)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, x.Columns);
        var list = rows.Select(i =>
        {
            var row = label(i);
            row.Features = x.Row(i).ToArray().Select(v => (float)v).ToArray();
            return row;
        }).ToList();
        return ml.Data.LoadFromEnumerable(list, schema);
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public bool Flag { get; set; }

        public float[] Features { get; set; } = [];
    }
}
