using System.Text.Json;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Tests;

public sealed class CliConventionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Theory]
    [InlineData("demo")]
    [InlineData("import")]
    [InlineData("info")]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("serve")]
    [InlineData("bench")]
    [InlineData("bench", "import")]
    [InlineData("gaps")]
    [InlineData("bench", "gaps")]
    [InlineData("bench", "tracking")]
    [InlineData("bench", "load")]
    [InlineData("bench", "risk")]
    [InlineData("train")]
    [InlineData("report")]
    [InlineData("user")]
    [InlineData("user", "add")]
    [InlineData("user", "remove")]
    [InlineData("user", "list")]
    [InlineData("user", "set-password")]
    [InlineData("user", "key")]
    public async Task Every_command_has_help_and_exits_zero(params string[] command)
    {
        var (code, output, _) = await CliProcess.RunAsync([.. command, "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (code, _, error) = await CliProcess.RunAsync("info", "--no-such-option");
        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_is_one_line_naming_file_line_and_column_with_exit_code_1_and_no_stack_trace()
    {
        var file = PathOf("marks.csv");
        var rows = string.Concat(Enumerable.Range(1, 30).Select(i => $"A{i},F,{40 + i}\n"));
        await File.WriteAllTextAsync(file, "student_id,gender,math score\n" + rows + "A31,M,555\n");
        var (code, _, error) = await CliProcess.RunAsync("import", file, "--store", PathOf("s.duckdb"));
        Assert.Equal(1, code);
        Assert.Contains("marks.csv:32: column 'math score' value '555'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_json_is_stable_and_unchanged_by_importing_the_same_file_twice()
    {
        var store = PathOf("s.duckdb");
        var file = PathOf("marks.csv");
        await File.WriteAllTextAsync(file, "student_id,gender,math score,reading score\nA1,F,55,61\nA2,M,72,48\nA3,F,90,77\n");
        Assert.Equal(0, (await CliProcess.RunAsync("import", file, "--store", store)).ExitCode);
        var first = await CliProcess.RunAsync("info", "--store", store, "--format", "json");
        Assert.Equal(0, (await CliProcess.RunAsync("import", file, "--store", store)).ExitCode);
        var second = await CliProcess.RunAsync("info", "--store", store, "--format", "json");
        Assert.Equal(first.Out, second.Out);
        using var json = JsonDocument.Parse(first.Out);
        Assert.Equal(StoreSchema.Version, json.RootElement.GetProperty("schema_version").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("students").GetInt64());
        Assert.Equal(6, json.RootElement.GetProperty("table_counts").GetProperty("results").GetInt64());
    }

    [Fact]
    public async Task Dry_run_prints_the_health_report_and_leaves_the_store_empty()
    {
        var store = PathOf("s.duckdb");
        var file = PathOf("marks.csv");
        await File.WriteAllTextAsync(file, "student_id,gender,math score\nA1,F,55\nA2,M,0\n");
        var (code, output, _) = await CliProcess.RunAsync("import", file, "--store", store, "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("Dry run: nothing was written", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output); // plain text off a terminal: no escape codes
        Assert.Contains("'math score': 1 score(s) of 0", output, StringComparison.Ordinal);
        var info = await CliProcess.RunAsync("info", "--store", store, "--format", "json");
        using var json = JsonDocument.Parse(info.Out);
        Assert.Equal(0, json.RootElement.GetProperty("students").GetInt64());
    }

    [Fact]
    public async Task A_saved_mapping_can_be_reused()
    {
        var store = PathOf("s.duckdb");
        var file = PathOf("marks.csv");
        var mapping = PathOf("marks.mapping.json");
        await File.WriteAllTextAsync(file, "student_id,gender,math score\nA1,F,55\nA2,M,61\n");
        Assert.Equal(0, (await CliProcess.RunAsync("import", file, "--store", store, "--dry-run", "--save-mapping", mapping)).ExitCode);
        Assert.Contains("\"role\": \"student_id\"", await File.ReadAllTextAsync(mapping), StringComparison.Ordinal);
        var (code, output, _) = await CliProcess.RunAsync("import", file, "--store", store, "--mapping", mapping);
        Assert.Equal(0, code);
        Assert.Contains("2 students added", output, StringComparison.Ordinal);
    }
}
