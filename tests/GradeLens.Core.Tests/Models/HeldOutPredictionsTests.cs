using GradeLens.Core.Models;

namespace GradeLens.Core.Tests.Models;

/// <summary>The Models page's fold predictor (solved from sufficient statistics) against QR, and the held-out rows with a shuffled feature.</summary>
public sealed class HeldOutPredictionsTests
{
    [Fact]
    public void A_folds_least_squares_predictions_match_qr_on_one_hot_data_and_a_singular_fold_falls_back_to_qr()
    {
        var rows = ModelTestData.Read("students-performance/StudentsPerformance.csv", ',');
        string[] attributes = ["gender", "race/ethnicity", "lunch", "test preparation course"];
        var encoding = OneHotEncoding.Learn(attributes, rows.Select(r => (IReadOnlyList<string>)attributes.Select(a => r[a]).ToArray()).ToList());
        var x = encoding.Encode(rows.Select(r => (IReadOnlyList<string>)attributes.Select(a => r[a]).ToArray()).ToList());
        var y = rows.Select(r => r.Number("math score")).ToArray();
        var train = Enumerable.Range(0, x.Rows).Where(i => i % 5 != 0).ToArray();
        var test = Enumerable.Range(0, x.Rows).Where(i => i % 5 == 0).ToArray();

        var predicted = HeldOutPredictions.FoldLeastSquares(x, y, train)(x, test);
        var qr = OrdinaryLeastSquares.Fit(x, y, train);
        Assert.Equal(test.Length, predicted.Length);
        for (var t = 0; t < test.Length; t++)
        {
            Assert.Equal(qr.Predict(x.Row(test[t])), predicted[t], 1e-9);
        }

        // A column that is 0 on every training row (a level only the held-out rows have): the system is singular.
        var names = x.Names.Append("only held out").ToArray();
        var values = new double[x.Rows * names.Length];
        for (var i = 0; i < x.Rows; i++)
        {
            x.Row(i).CopyTo(values.AsSpan(i * names.Length, x.Columns));
            values[(i * names.Length) + x.Columns] = i % 5 == 0 ? 1 : 0;
        }

        var widened = new FeatureMatrix(names, values);
        var fallback = HeldOutPredictions.FoldLeastSquares(widened, y, train)(widened, test);
        // The fold falls back to QR exactly (whose predictions are not finite there either: the page shows no figure for such a fold).
        var qrWidened = OrdinaryLeastSquares.Fit(widened, y, train);
        Assert.Equal(test.Select(i => qrWidened.Predict(widened.Row(i))), fallback);
    }

    [Fact]
    public void The_permuted_held_out_rows_keep_every_other_column_and_shuffle_the_chosen_ones_among_those_rows()
    {
        var values = Enumerable.Range(0, 20 * 3).Select(v => (double)v).ToArray();
        var x = new FeatureMatrix(["a", "b", "c"], values);
        int[] held = [1, 4, 7, 10, 13];

        var permuted = HeldOutPredictions.PermutedTestRows(x, held, [1], new Random(7));

        Assert.Equal(held.Length, permuted.Rows);
        Assert.Equal(held.Select(i => x[i, 0]), Enumerable.Range(0, held.Length).Select(t => permuted[t, 0]));
        Assert.Equal(held.Select(i => x[i, 2]), Enumerable.Range(0, held.Length).Select(t => permuted[t, 2]));
        Assert.Equal(held.Select(i => x[i, 1]).Order(), Enumerable.Range(0, held.Length).Select(t => permuted[t, 1]).Order());
        Assert.Equal([0, 1, 2, 3, 4], HeldOutPredictions.Positions(5));
    }
}
