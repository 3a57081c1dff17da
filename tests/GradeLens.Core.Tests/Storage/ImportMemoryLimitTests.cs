using GradeLens.Core.Import;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Tests.Storage;

/// <summary>The memory cap an import runs under: read from GRADELENS_IMPORT_MEMORY, applied for the import only.</summary>
public sealed class ImportMemoryLimitTests
{
    [Theory]
    [InlineData(null, "300MB")]
    [InlineData("", "300MB")]
    [InlineData(" 2GB ", "2GB")]
    [InlineData("512 MiB", "512MiB")]
    [InlineData("off", null)]
    [InlineData("OFF", null)]
    public void The_setting_is_a_size_the_default_or_off(string? setting, string? expected) =>
        Assert.Equal(expected, ImportMemoryLimit.Parse(setting));

    [Theory]
    [InlineData("lots")]
    [InlineData("300")]
    [InlineData("300MB'; DROP TABLE students; --")]
    public void Anything_else_is_refused_naming_the_variable(string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => ImportMemoryLimit.Parse(setting));
        Assert.Contains(ImportMemoryLimit.Variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_runs_under_the_cap_and_duckdbs_own_limit_comes_back()
    {
        await using var temp = await TempStore.CreateAsync();
        await using var connection = await temp.Store.OpenConnectionAsync(CancellationToken.None);
        var before = await SettingAsync(connection);

        var applied = await ImportMemoryLimit.ApplyAsync(connection, CancellationToken.None);
        var during = await SettingAsync(connection);
        await ImportMemoryLimit.RestoreAsync(connection, applied);

        Assert.True(applied);
        Assert.Equal("286.1 MiB", during); // 300 MB as DuckDB states it
        Assert.Equal(before, await SettingAsync(connection));
        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("a.csv", "student_id,maths\nA1,50\n")]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(before, await SettingAsync(connection));
    }

    private static async Task<string?> SettingAsync(DuckDB.NET.Data.DuckDBConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('memory_limit')";
        return (string?)await command.ExecuteScalarAsync();
    }
}
