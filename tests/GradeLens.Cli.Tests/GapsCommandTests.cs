using System.Globalization;
using System.Text.Json;
using static GradeLens.Testing.SharedData;

namespace GradeLens.Cli.Tests;

public sealed class GapsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-gaps-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private async Task<string> ExamsStoreAsync()
    {
        var store = PathOf("exams.duckdb");
        var (code, _, error) = await CliProcess.RunAsync("import", File(Exams), "--mapping", Mapping(Exams), "--store", store);
        Assert.True(code == 0, error);
        return store;
    }

    [Fact]
    public async Task Gaps_by_lunch_as_csv_reproduce_the_reference_welch_and_z_tests()
    {
        var store = await ExamsStoreAsync();

        var (code, output, error) = await CliProcess.RunAsync("gaps", "--store", store, "--by", "lunch", "--within", "subject");

        Assert.True(code == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(4, lines.Length);
        var math = lines.Skip(1).Select(l => l.Split(',')).Single(f => f[1] == "Mathematics");
        string Field(string name) => math[Array.IndexOf(header, name)];
        double Number(string name) => double.Parse(Field(name), CultureInfo.InvariantCulture);
        // The first group by name (free/reduced) against the other: the reference's standard minus free/reduced, negated.
        Assert.Equal(("free/reduced", "standard"), (Field("group"), Field("comparison")));
        Assert.Equal(("(all)", "355", "645"), (Field("region"), Field("group_students"), Field("comparison_students")));
        var want = ReferenceGap("lunch", "math score");
        Close(-want.GetProperty("welch").GetProperty("t").GetDouble(), Number("t"), "t");
        Close(want.GetProperty("welch").GetProperty("df").GetDouble(), Number("df"), "df");
        Close(want.GetProperty("welch").GetProperty("p").GetDouble(), Number("p"), "p");
        Close(-want.GetProperty("welch").GetProperty("hedges_g").GetDouble(), Number("hedges_g"), "hedges_g");
        Close(-want.GetProperty("below_50").GetProperty("z").GetDouble(), Number("z"), "z");
        Assert.Equal("true", Field("significant"));
        Assert.Contains("3 gaps by lunch", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_to_a_file_holds_the_cells_and_gaps_with_the_minimum_cell_size_applied()
    {
        var store = await ExamsStoreAsync();
        var file = PathOf("gaps.json");

        var (code, output, error) = await CliProcess.RunAsync("gaps", "--store", store, "--by", "race/ethnicity", "--within", "subject", "--min-n", "100", "--format", "json", "--out", file);

        Assert.True(code == 0, error);
        Assert.Equal("", output);
        using var json = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(file));
        var root = json.RootElement;
        Assert.Equal(100, root.GetProperty("minimum_cell_size").GetInt32());
        // group A (89) is under 100 and group E (140) goes with it: B, C and D each against the rest, in 3 subjects.
        var groups = root.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("group").GetString()).ToList();
        Assert.Equal(9, groups.Count);
        Assert.Equal(["group B", "group C", "group D"], groups.Distinct().Order());
        Assert.Equal(1000, root.GetProperty("cells")[0].GetProperty("students").GetInt64());
    }

    [Fact]
    public async Task An_unknown_attribute_names_the_ones_the_store_has_and_exits_1()
    {
        var store = await ExamsStoreAsync();

        var (code, _, error) = await CliProcess.RunAsync("gaps", "--store", store, "--by", "shoe size");

        Assert.Equal(1, code);
        Assert.Contains("no attribute 'shoe size'; it has: gender, lunch, parental level of education, race/ethnicity, test preparation course.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dimension_is_a_usage_error()
    {
        var (code, _, error) = await CliProcess.RunAsync("gaps", "--store", PathOf("none.duckdb"), "--within", "region,planet");

        Assert.Equal(2, code);
        Assert.Contains("'planet' is not a dimension", error, StringComparison.Ordinal);
    }
}
