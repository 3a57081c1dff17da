using System.Data.Common;
using System.Globalization;
using System.Text;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>Issue 18.4 and 18.5: no value accepted or changed silently — non-finite and outlying numbers, separators, re-imports, cut files.</summary>
public sealed class ValueImportTests
{
    private static string Scores(params string[] scores) =>
        "student_id,gender,math score\n" + string.Concat(scores.Select((s, i) => $"A{i + 1},{(i % 2 == 0 ? "F" : "M")},{s}\n"));

    internal static async Task<double[]> StoredScoresAsync(TempStore temp)
    {
        await using DbConnection connection = await temp.Store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.score FROM results r JOIN students s USING (student_key) ORDER BY s.student_id";
        var scores = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            scores.Add(reader.GetDouble(0));
        }

        return [.. scores];
    }

    [Fact]
    public async Task Non_finite_and_outlying_numbers_are_rejected_row_by_row_and_never_widen_the_scale()
    {
        await using var temp = await TempStore.CreateAsync();
        var ten = Enumerable.Range(0, 10).Select(i => (104 + i * 5).ToString(CultureInfo.InvariantCulture)).ToArray();
        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("wild.csv", Scores([.. ten, "Infinity", "NaN", "1e308", "700"]))], DryRun: true));
        Assert.Equal(4, report.RejectedTotal);
        Assert.Equal([12L, 13, 14, 15], report.Rejected.Select(r => r.Line));
        Assert.Contains("not a finite number", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not a finite number", report.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.All(report.Rejected.Skip(2), r => Assert.Contains("an outlier is reported, never a reason to widen the scale", r.Reason, StringComparison.Ordinal));
        Assert.Equal("Points (0-149)", Assert.Single(report.Tables).Columns.Single(c => c.Header == "math score").Scale);
    }

    [Fact]
    public async Task Thousands_separators_are_resolved_from_the_whole_column()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("points.csv", "student_id,subject,score\nA1,Maths,\"1,250\"\nA2,Maths,980.5\nA3,Maths,\"1,011.5\"\nA4,Maths,870\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(new double[] { 1250, 980.5, 1011.5, 870 }, await StoredScoresAsync(temp));
    }

    [Fact]
    public async Task A_comma_that_could_be_a_decimal_or_a_thousands_separator_is_asked_about()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("ambiguous.csv", Scores("57", "\"1,011\"", "63", "48"));
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        Assert.NotNull(report.Question);
        Assert.Contains("'1,011'", report.Message, StringComparison.Ordinal);
        Assert.Empty(await StoredScoresAsync(temp));

        var mapping = Assert.Single(report.Tables).Mapping;
        var answered = mapping with { Columns = [.. mapping.Columns.Select(c => c.Header == "math score" ? c with { DecimalSeparator = "," } : c)] };
        var again = await temp.Store.ImportAsync(new ImportRequest([file], answered));
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(new double[] { 57, 1.011, 63, 48 }, await StoredScoresAsync(temp));
    }

    [Fact]
    public async Task A_reimport_that_changes_stored_values_lists_each_change_and_needs_allow_changes()
    {
        await using var temp = await TempStore.CreateAsync();
        Assert.True((await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("v1.csv", Scores("57", "61"))]))).Succeeded);

        var file = temp.WriteFile("v2.csv", Scores("5", "61"));
        var refused = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(refused.Succeeded);
        Assert.Contains("1 value already stored would change", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new ValueChange("A1", "Mathematics / Final", "57", "5"), Assert.Single(refused.Written.Changes));
        Assert.Equal(new double[] { 57, 61 }, await StoredScoresAsync(temp));

        var allowed = await temp.Store.ImportAsync(new ImportRequest([file], AllowChanges: true));
        Assert.True(allowed.Succeeded, allowed.Message);
        Assert.Equal(1, allowed.Written.ChangesTotal);
        Assert.Equal(new double[] { 5, 61 }, await StoredScoresAsync(temp));
    }

    [Fact]
    public async Task A_last_line_without_its_line_end_and_a_short_last_value_is_flagged()
    {
        await using var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("cut.csv", Scores("57", "61", "5").TrimEnd('\n'))]));
        Assert.False(report.Succeeded);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal((4L, "math score"), (rejected.Line, rejected.Column));
        Assert.StartsWith("the file ends inside this line", rejected.Reason, StringComparison.Ordinal);

        var whole = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("whole.csv", Scores("57", "61", "50").TrimEnd('\n'))]));
        Assert.True(whole.Succeeded, whole.Message);
    }

    [Fact]
    public async Task Decimal_commas_in_a_French_column_are_read_as_decimals()
    {
        await using var temp = await TempStore.CreateAsync();
        var text = new StringBuilder("élève;sexe;Mathématiques\n");
        text.Append("E1;F;12,5\nE2;M;9,25\nE3;F;15\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("fr.csv", text.ToString())]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(new double[] { 12.5, 9.25, 15 }, await StoredScoresAsync(temp));
        Assert.Equal(GradeScales.ZeroToTwentyId, Assert.Single(report.Tables).Mapping.Columns[2].Scale);
    }
}
