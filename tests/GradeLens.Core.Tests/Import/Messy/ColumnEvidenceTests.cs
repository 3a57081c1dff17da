using System.Globalization;
using System.Text;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>Issue 15.2 and 15.5: columns classified by evidence (never a score silently lost as an attribute), ids found by their values.</summary>
public sealed class ColumnEvidenceTests
{
    /// <summary>A wide file of <paramref name="students"/> rows: an id, a gender, then columns filled by <paramref name="value"/>(row, column).</summary>
    private static string Wide(char delimiter, string[] headers, int students, Func<int, int, string> value)
    {
        var text = new StringBuilder(string.Join(delimiter, headers) + "\n");
        for (var i = 0; i < students; i++)
        {
            text.Append(string.Join(delimiter, headers.Select((_, c) => c == 0 ? $"E{i:D3}" : c == 1 ? (i % 2 == 0 ? "F" : "M") : value(i, c)))).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public async Task Unknown_subjects_in_a_French_file_with_decimal_commas_are_scores_on_0_to_20()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("notes.csv", Wide(';', ["élève", "sexe", "Philosophie", "Note de sciences économiques"], 60,
            (i, c) => (4 + (i * 7 + c * 3) % 31 * 0.5).ToString("0.0", CultureInfo.GetCultureInfo("fr-FR"))));
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        var table = Assert.Single(report.Tables);
        Assert.Equal(["Philosophie", "Sciences économiques"], table.Subjects);
        Assert.All(table.Mapping.Columns.Skip(2), c => Assert.Equal((ColumnRole.Score, "0-20"), (c.Role, c.Scale)));
        Assert.Equal(120, report.Written.ResultsAdded);
    }

    [Fact]
    public async Task Unknown_subjects_in_an_English_file_are_scores_with_their_evidence()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("exams.csv", Wide(',', ["student_id", "gender", "Economics", "Psychology"], 80, (i, c) => (20 + (i * 13 + c * 7) % 75).ToString(CultureInfo.InvariantCulture)));
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        var economics = Assert.Single(report.Tables).Mapping.Columns.Single(c => c.Header == "Economics");
        Assert.Equal((ColumnRole.Score, "Economics", "percent", Confidence.Medium), (economics.Role, economics.Subject, economics.Scale, economics.Confidence));
        Assert.Contains("vary like scores", economics.Evidence, StringComparison.Ordinal);
        Assert.Equal(160, report.Written.ResultsAdded);
        Assert.DoesNotContain(Assert.Single(report.Tables).Mapping.Columns, c => c.Role == ColumnRole.Attribute);
    }

    [Fact]
    public async Task Wide_headers_with_multi_word_subjects_split_into_subject_and_series()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("mocks.csv", Wide(',', ["UPN", "gender", "Maths Mock 1", "Maths Mock 2", "Computer Science Mock 1", "Computer Science Mock 2", "Further Maths Mock 1"], 20,
            (i, c) => ((i + c) % 9 + 1).ToString(CultureInfo.InvariantCulture)));
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        var table = Assert.Single(report.Tables);
        Assert.Equal(["Computer Science", "Further Maths", "Mathematics"], table.Subjects);
        Assert.Equal(["Mock 1", "Mock 2"], table.Series);
        Assert.Equal(100, report.Written.ResultsAdded);
    }

    [Fact]
    public async Task A_column_that_could_be_scores_or_codes_stops_the_import_with_a_question_and_a_mapping()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("rated.csv", Wide(',', ["student_id", "gender", "math score", "Rating"], 40, (i, c) => c == 2 ? (40 + i).ToString(CultureInfo.InvariantCulture) : (1 + i % 8).ToString(CultureInfo.InvariantCulture)));
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        Assert.NotNull(report.Question);
        Assert.Contains("'Rating'", report.Message, StringComparison.Ordinal);
        var rating = Assert.Single(report.Tables).Mapping.Columns.Single(c => c.Header == "Rating");
        Assert.Equal(Confidence.Low, rating.Confidence);
        Assert.Equal(0, (await temp.Store.GetInfoAsync(Scope.Everything)).Students);

        // Answered in the mapping, it imports.
        var answered = Assert.Single(report.Tables).Mapping with
        {
            Columns = [.. Assert.Single(report.Tables).Mapping.Columns.Select(c => c.Header == "Rating" ? c with { Role = ColumnRole.Attribute } : c)],
        };
        var again = await temp.Store.ImportAsync(new ImportRequest([file], answered));
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(40, again.Written.ResultsAdded);
    }

    [Fact]
    public async Task An_id_column_with_an_unfamiliar_name_in_a_long_file_is_found_by_its_values()
    {
        await using var temp = await TempStore.CreateAsync();
        var text = new StringBuilder("learner_ref,subject,score\n");
        for (var i = 0; i < 30; i++)
        {
            foreach (var subject in new[] { "Maths", "English", "Science" })
            {
                text.Append(CultureInfo.InvariantCulture, $"L{i:D4},{subject},{30 + (i * 7 + subject.Length) % 60}\n");
            }
        }

        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("long.csv", text.ToString())]));
        Assert.True(report.Succeeded, report.Message);
        var id = Assert.Single(report.Tables).Mapping.Columns.Single(c => c.Header == "learner_ref");
        Assert.Equal((ColumnRole.StudentId, Confidence.Medium), (id.Role, id.Confidence));
        Assert.Equal(30, report.Written.StudentsAdded);
        Assert.Equal(90, report.Written.ResultsAdded);
    }

    [Fact]
    public async Task A_long_file_without_an_id_is_refused_unless_the_mapping_says_rows_are_independent()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("noid.csv", "gender,subject,score\nF,Maths,55\nM,Maths,61\nF,English,70\nM,English,52\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        Assert.StartsWith("noid.csv has a row per result", report.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await temp.Store.GetInfoAsync(Scope.Everything)).Students);

        var independent = await temp.Store.ImportAsync(new ImportRequest([file], Assert.Single(report.Tables).Mapping with { IndependentRows = true }));
        Assert.True(independent.Succeeded, independent.Message);
        Assert.Equal(4, independent.Written.StudentsAdded);
    }

    [Fact]
    public async Task A_file_of_students_without_a_single_score_is_refused_with_that_sentence()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("names.csv", "student_id,gender,lunch\nA1,F,free\nA2,M,standard\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        Assert.StartsWith("names.csv: no row holds a score, baseline or area figure", report.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await temp.Store.GetInfoAsync(Scope.Everything)).Students);
    }
}
