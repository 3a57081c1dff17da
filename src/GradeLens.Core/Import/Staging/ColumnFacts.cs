using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Per-column facts of a staged table (missing, distinct, min, max) in one aggregate query: exact distinct counts up to
/// <see cref="ExactDistinctRows"/> rows (above, an estimate marked as such); numeric bounds over the parsed numbers
/// (a decimal comma read as a point) whenever every value of the column is a number.
/// </summary>
internal static class ColumnFacts
{
    /// <summary>Above this many rows, distinct counts are DuckDB's estimate (HyperLogLog, a few percent off) and say so.</summary>
    public const long ExactDistinctRows = 2_000_000;

    public static async Task<IReadOnlyList<ColumnHealth>> ComputeAsync(
        DuckDBConnection connection, StagedTable table, ImportMapping mapping,
        Func<ColumnMapping, (string? Target, string? Scale, long OutOfScale, long Zeros)> extra, CancellationToken cancellationToken)
    {
        // Each value is trimmed and parsed once, in the inner query; the outer one only aggregates. A column with a value
        // in its first rows that is not a number cannot have numeric bounds, so it is not parsed at all (the costly part).
        var numeric = await MaybeNumericAsync(connection, table, mapping.Columns.Count, cancellationToken);
        var inner = string.Join(", ", Enumerable.Range(0, mapping.Columns.Count).Select(i =>
            $"NULLIF(trim({Sql.Column(i)}), '') AS v{i}, " +
            (numeric[i] ? $"TRY_CAST(replace(NULLIF(trim({Sql.Column(i)}), ''), ',', '.') AS DOUBLE)" : "NULL::DOUBLE") + $" AS n{i}"));
        var exact = table.Rows <= ExactDistinctRows;
        var sql = new StringBuilder("SELECT ");
        for (var i = 0; i < mapping.Columns.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"""
                count(*) - count(v{i}), {(exact ? "count(DISTINCT " : "approx_count_distinct(")}v{i}),
                CASE WHEN count(n{i}) = count(v{i}) THEN min(n{i})::VARCHAR ELSE min(v{i}) END,
                CASE WHEN count(n{i}) = count(v{i}) THEN max(n{i})::VARCHAR ELSE max(v{i}) END
                """);
        }

        sql.Append(CultureInfo.InvariantCulture, $" FROM (SELECT {inner} FROM {table.Name})");
        var result = new List<ColumnHealth>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        for (var i = 0; i < mapping.Columns.Count; i++)
        {
            var column = mapping.Columns[i];
            var (target, scale, outside, zeros) = extra(column);
            result.Add(new ColumnHealth(column.Header, column.Role, target, reader.GetInt64(4 * i), reader.GetInt64(4 * i + 1), scale, outside, zeros,
                reader.IsDBNull(4 * i + 2) ? null : reader.GetString(4 * i + 2), reader.IsDBNull(4 * i + 3) ? null : reader.GetString(4 * i + 3))
            {
                DistinctIsApproximate = !exact,
            });
        }

        return result;
    }

    /// <summary>Per column: every value of its first rows reads as a number (or there is none), so its bounds may be numeric.</summary>
    private static async Task<bool[]> MaybeNumericAsync(DuckDBConnection connection, StagedTable table, int columns, CancellationToken cancellationToken)
    {
        var tests = Enumerable.Range(0, columns).Select(i =>
            $"count(NULLIF(trim({Sql.Column(i)}), '')) = count(TRY_CAST(replace(NULLIF(trim({Sql.Column(i)}), ''), ',', '.') AS DOUBLE))");
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", tests)} FROM (SELECT * FROM {table.Name} LIMIT 2000)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Enumerable.Range(0, columns).Select(reader.GetBoolean).ToArray();
    }

    public static async Task<Dictionary<string, long>> CountsByKeyAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(0))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return counts;
    }

    public static async Task<long> ScalarAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static async Task<IReadOnlyList<string>> ListAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetValue(0).ToString() ?? "");
        }

        return values;
    }
}
