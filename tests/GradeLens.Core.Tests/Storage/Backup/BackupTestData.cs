using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Demo;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Backup;
using GradeLens.Core.Storage.DuckDb;
using GradeLens.Core.Storage.Postgres;
using GradeLens.Core.Tests.Import;
using Npgsql;

namespace GradeLens.Core.Tests.Storage.Backup;

/// <summary>Real shared data in a store, and every table of a store read in full for exact comparisons.</summary>
internal static class BackupTestData
{
    /// <summary>The yellis tracking file and StudentsPerformance, the state table (areas) and a university's quality data.</summary>
    public static async Task FillAsync(IGradeStore store)
    {
        await ImportAsync(store, "yellis-tracking/merged_yellis_diff_with_exams.csv");
        await ImportAsync(store, "students-performance/StudentsPerformance.csv");
        await ImportAsync(store, "naep/state_table.csv");
        await store.WriteQualityAsync(UniversityQuality.Generate(new Random(7)), "uni");
    }

    public static async Task ImportAsync(IGradeStore store, string dataset)
    {
        var report = await store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SharedDatasetImportTests.SampleMapping(dataset)));
        Assert.True(report.Succeeded, report.Message);
    }

    /// <summary>Every store table (not the derived gap tables), each row as text, rows ordered by all columns.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadTablesAsync(DuckDbStore store)
    {
        await using var connection = await store.OpenConnectionAsync(CancellationToken.None);
        var catalog = await ScalarAsync(connection, "SELECT current_database()");
        var tables = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in (await TableChecksums.ListTablesAsync(connection, catalog, CancellationToken.None)).Except(StoreSchema.DerivedTables))
        {
            tables[table] = await RowsAsync(connection, $"SELECT * FROM \"{table}\" ORDER BY ALL");
        }

        return tables;
    }

    /// <summary>Every table of a PostgreSQL store, read as <see cref="ReadTablesAsync(DuckDbStore)"/> reads a DuckDB store's.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadTablesAsync(PostgresTestDatabase database)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.Parse(database.Url).ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in names)
        {
            await using var command = new NpgsqlCommand($"SELECT * FROM \"{table}\" LIMIT 0", connection);
            int columns;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                columns = reader.FieldCount;
            }

            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, columns))}";
            tables[table] = await RowsAsync(command);
        }

        return tables;
    }

    /// <summary>Runs SQL on a DuckDB file no store holds open (to damage or change a backup).</summary>
    public static async Task ExecuteOnFileAsync(string path, string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<string> ScalarAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }

    private static async Task<IReadOnlyList<string>> RowsAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await RowsAsync(command);
    }

    private static async Task<IReadOnlyList<string>> RowsAsync(System.Data.Common.DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Text(reader.GetValue(i)));
            rows.Add(string.Join(" | ", values));
        }

        return rows;
    }

    /// <summary>A value as text, the same for either store (a date may come back as DateOnly or as a DateTime at midnight).</summary>
    private static string Text(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time when time.TimeOfDay == TimeSpan.Zero => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
