using System.Text.Json;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Demo;

namespace GradeLens.Cli.Tests;

/// <summary><c>gradelens quality</c> as a user runs it: import a university's tables, read each KPI as text, JSON and the study's CSV.</summary>
public sealed class QualityCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-cli-quality-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task A_universitys_tables_import_and_every_kpi_reads_as_text_json_and_the_studys_csv()
    {
        var store = PathOf("s.duckdb");
        QualityCsvWriter.Write(PathOf("tables"), UniversityShape.Demo, seed: 4);

        var import = await CliProcess.RunAsync("quality", "import", PathOf("tables"), "--store", store, "--organisation", "uni");
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("Imported", import.Out, StringComparison.Ordinal);
        Assert.Contains("for 'uni'", import.Out, StringComparison.Ordinal);

        var kpis = await CliProcess.RunAsync("quality", "kpis", "--store", store, "--format", "csv", "--out", PathOf("kpi_pass_rate.csv"));
        Assert.True(kpis.ExitCode == 0, kpis.Error);
        var lines = await File.ReadAllLinesAsync(PathOf("kpi_pass_rate.csv"));
        Assert.StartsWith("programme,term,students,pass_rate_pct,", lines[0], StringComparison.Ordinal);
        Assert.Equal(6 * 3 + 1, lines.Length);

        var text = await CliProcess.RunAsync("quality", "kpis", "--store", store, "--programme", "Medicine");
        Assert.Equal(0, text.ExitCode);
        Assert.Matches(@"Medicine +2025-Spring +[0-9,]+ +[0-9.]+%", text.Out);
        Assert.DoesNotContain("Nursing", text.Out, StringComparison.Ordinal);

        var turnaround = await CliProcess.RunAsync("quality", "turnaround", "--store", store, "--as-of", "2026-01-15", "--policy-days", "15");
        Assert.True(turnaround.ExitCode == 0, turnaround.Error);
        Assert.Contains("15 working days' policy", turnaround.Out, StringComparison.Ordinal);

        var engagement = await CliProcess.RunAsync("quality", "engagement", "--store", store, "--format", "csv");
        Assert.StartsWith("programme,term,mean_score_1_5,engagement_index,", engagement.Out, StringComparison.Ordinal);

        var atRisk = await CliProcess.RunAsync("quality", "at-risk", "--store", store, "--format", "json");
        Assert.True(atRisk.ExitCode == 0, atRisk.Error);
        using var json = JsonDocument.Parse(atRisk.Out);
        var modules = json.RootElement.GetProperty("modules").EnumerateArray().ToList();
        Assert.Equal(144, modules.Count);
        Assert.Contains(modules, m => m.GetProperty("evidence").GetString() == "low" && m.GetProperty("module").GetProperty("pass_rate").GetProperty("value").ValueKind == JsonValueKind.Null);
        Assert.Contains(modules, m => m.GetProperty("at_risk").GetBoolean());
    }

    [Fact]
    public async Task An_orphan_grade_is_one_line_naming_file_line_and_column_with_exit_code_1_and_nothing_is_written()
    {
        var store = PathOf("s.duckdb");
        Directory.CreateDirectory(PathOf("tables"));
        await File.WriteAllTextAsync(PathOf("tables/modules.csv"), "module_id,programme,title,term\nM1,P1,Mechanics,2024-Fall\n");
        await File.WriteAllTextAsync(PathOf("tables/assessments.csv"), "assessment_id,module_id,title,due_date,returned_date\nA1,M1,Essay,2024-10-14,2024-10-30\n");
        await File.WriteAllTextAsync(PathOf("tables/grades.csv"), "student_id,assessment_id,mark\nS1,A1,65\nS2,A9,40\n");

        var (code, _, error) = await CliProcess.RunAsync("quality", "import", PathOf("tables"), "--store", store);
        var kpis = await CliProcess.RunAsync("quality", "kpis", "--store", store);

        Assert.Equal(1, code);
        Assert.Contains("grades.csv:3: column 'assessment_id' value 'A9'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(1, kpis.ExitCode);
        Assert.Contains("holds no university quality data", kpis.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_programme_not_in_the_store_or_a_bad_rule_is_refused_naming_the_option()
    {
        var store = PathOf("s.duckdb");
        QualityCsvWriter.Write(PathOf("tables"), UniversityShape.Demo, seed: 4);
        Assert.Equal(0, (await CliProcess.RunAsync("quality", "import", PathOf("tables"), "--store", store)).ExitCode);

        var unknown = await CliProcess.RunAsync("quality", "at-risk", "--store", store, "--programme", "Alchemy");
        var rule = await CliProcess.RunAsync("quality", "kpis", "--store", store, "--pass-mark", "120");
        var date = await CliProcess.RunAsync("quality", "turnaround", "--store", store, "--as-of", "15/01/2026");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--programme: There is no programme 'Alchemy'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, rule.ExitCode);
        Assert.Contains("--pass-mark", rule.Error, StringComparison.Ordinal);
        Assert.Equal(1, date.ExitCode);
        Assert.Contains("--as-of '15/01/2026' is not a date", date.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quality")]
    [InlineData("quality", "kpis")]
    [InlineData("quality", "turnaround")]
    [InlineData("quality", "engagement")]
    [InlineData("quality", "at-risk")]
    [InlineData("quality", "import")]
    [InlineData("bench", "quality")]
    public async Task Every_quality_command_has_help_and_exits_zero(params string[] command)
    {
        var (code, output, _) = await CliProcess.RunAsync([.. command, "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_quality_imports_asks_every_quality_endpoint_without_an_error_and_ends_with_one_json_line()
    {
        var (code, output, error) = await CliProcess.RunAsync("bench", "quality", "--students", "1000", "--seconds", "2", "--clients", "2");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        var figures = json.RootElement;
        Assert.Equal(1000, figures.GetProperty("students").GetInt32());
        Assert.Equal(0, figures.GetProperty("errors").GetInt32());
        Assert.True(figures.GetProperty("import_seconds").GetDouble() > 0);
        Assert.True(figures.GetProperty("grades").GetInt64() > 10_000);
        foreach (var endpoint in new[] { "choices", "pass-rates", "trends", "turnaround", "engagement", "at-risk" })
        {
            Assert.True(figures.GetProperty($"first_max_ms_{endpoint}").GetDouble() > 0, endpoint);
            Assert.True(figures.GetProperty($"p95_ms_{endpoint}").GetDouble() > 0, endpoint);
        }
    }
}
