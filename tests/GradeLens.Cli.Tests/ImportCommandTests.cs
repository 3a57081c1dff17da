using System.Text;

namespace GradeLens.Cli.Tests;

/// <summary>The import command's questions, changes, list and undo, as a user runs them.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-importcmd-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task An_unsure_column_stops_with_the_question_and_a_mapping_file_that_imports_once_answered()
    {
        var store = Path.Combine(_directory, "s.duckdb");
        var text = new StringBuilder("student_id,gender,math score,Rating\n");
        for (var i = 0; i < 40; i++)
        {
            text.Append($"A{i},{(i % 2 == 0 ? "F" : "M")},{40 + i},{1 + i % 8}\n");
        }

        var file = Write("rated.csv", text.ToString());
        var asked = await CliProcess.RunAsync("import", file, "--store", store);
        Assert.Equal(1, asked.ExitCode);
        var mapping = Path.ChangeExtension(file, ".mapping.json");
        Assert.Contains($"The mapping to edit is {mapping}", asked.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(mapping));

        await File.WriteAllTextAsync(mapping, (await File.ReadAllTextAsync(mapping)).Replace("\"role\": \"attribute\"", "\"role\": \"score\"", StringComparison.Ordinal));
        var answered = await CliProcess.RunAsync("import", file, "--store", store, "--mapping", mapping);
        Assert.True(answered.ExitCode == 0, answered.Error);
        Assert.Contains("as import 1", answered.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_value_needs_allow_changes_and_the_latest_import_can_be_listed_and_undone()
    {
        var store = Path.Combine(_directory, "s.duckdb");
        Assert.Equal(0, (await CliProcess.RunAsync("import", Write("a.csv", "student_id,gender,math score\nA1,F,57\nA2,M,61\n"), "--store", store)).ExitCode);
        var changed = Write("b.csv", "student_id,gender,math score\nA1,F,5\nA2,M,61\n");

        var refused = await CliProcess.RunAsync("import", changed, "--store", store);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("A1: Mathematics / Final 57 -> 5", refused.Out, StringComparison.Ordinal);
        Assert.Contains("--allow-changes", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await CliProcess.RunAsync("import", changed, "--store", store, "--allow-changes")).ExitCode);

        var list = await CliProcess.RunAsync("import", "list", "--store", store, "--format", "json");
        Assert.Contains("\"import_id\": 2", list.Out, StringComparison.Ordinal);
        var undone = await CliProcess.RunAsync("import", "undo", "2", "--store", store);
        Assert.True(undone.ExitCode == 0, undone.Error);
        Assert.StartsWith("Import 2 (default) was undone", undone.Out, StringComparison.Ordinal);
        var again = await CliProcess.RunAsync("import", "undo", "2", "--store", store);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("was undone already", again.Error, StringComparison.Ordinal);
    }
}
