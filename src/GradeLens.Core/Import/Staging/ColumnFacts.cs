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
        // Usually counted already, in the value checks' scan of the stage (ValueChecks); otherwise in a scan of their own.
        var facts = table.Facts;
        if (facts is null || facts.Columns.Count != mapping.Columns.Count)
        {
            var query = await QueryAsync(connection, table, mapping.Columns.Count, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {query.Aggregates} FROM (SELECT {query.Inner} FROM {table.Name})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            facts = query.Read(reader, 0);
        }

        var result = new List<ColumnHealth>();
        for (var i = 0; i < mapping.Columns.Count; i++)
        {
            var column = mapping.Columns[i];
            var (target, scale, outside, zeros) = extra(column);
            var raw = facts.Columns[i];
            result.Add(new ColumnHealth(column.Header, column.Role, target, raw.Missing, raw.Distinct, scale, outside, zeros, raw.Min, raw.Max)
            {
                DistinctIsApproximate = facts.Approximate,
            });
        }

        return result;
    }

    /// <summary>
    /// The facts' SQL for one scan of the stage: the inner select's expressions (each value trimmed and parsed once:
    /// <c>v_i</c>, <c>n_i</c>) and the outer aggregates (four per column, first in the select list). A column with a value
    /// in its first rows that is not a number cannot have numeric bounds, so it is not parsed at all (the costly part).
    /// </summary>
    public static async Task<FactsQuery> QueryAsync(DuckDBConnection connection, StagedTable table, int columns, CancellationToken cancellationToken)
    {
        var numeric = await MaybeNumericAsync(connection, table, columns, cancellationToken);
        var inner = string.Join(", ", Enumerable.Range(0, columns).Select(i =>
            $"NULLIF(trim({Sql.Column(i)}), '') AS v{i}, " +
            (numeric[i] ? $"TRY_CAST(replace(NULLIF(trim({Sql.Column(i)}), ''), ',', '.') AS DOUBLE)" : "NULL::DOUBLE") + $" AS n{i}"));
        var exact = table.Rows <= ExactDistinctRows;
        var sql = new StringBuilder();
        for (var i = 0; i < columns; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"""
                count(*) - count(v{i}), {(exact ? "count(DISTINCT " : "approx_count_distinct(")}v{i}),
                CASE WHEN count(n{i}) = count(v{i}) THEN min(n{i})::VARCHAR ELSE min(v{i}) END,
                CASE WHEN count(n{i}) = count(v{i}) THEN max(n{i})::VARCHAR ELSE max(v{i}) END
                """);
        }

        return new FactsQuery(inner, sql.ToString(), columns, !exact);
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

/// <summary>One column's facts over its raw (trimmed) values: missing, distinct, and bounds (numeric when every value is a number).</summary>
internal sealed record RawColumnFacts(long Missing, long Distinct, string? Min, string? Max);

/// <summary>Every column's raw facts, counted in one scan of the stage.</summary>
internal sealed record StageFacts(IReadOnlyList<RawColumnFacts> Columns, bool Approximate);

/// <summary>The SQL of <see cref="ColumnFacts.QueryAsync"/> and the reading of its result.</summary>
internal sealed record FactsQuery(string Inner, string Aggregates, int Columns, bool Approximate)
{
    /// <summary>The facts from the row of a query whose select list holds <see cref="Aggregates"/> from column <paramref name="offset"/>.</summary>
    public StageFacts Read(System.Data.Common.DbDataReader reader, int offset) => new(
        [.. Enumerable.Range(0, Columns).Select(i => new RawColumnFacts(
            reader.GetInt64(offset + 4 * i), reader.GetInt64(offset + 4 * i + 1),
            reader.IsDBNull(offset + 4 * i + 2) ? null : reader.GetString(offset + 4 * i + 2),
            reader.IsDBNull(offset + 4 * i + 3) ? null : reader.GetString(offset + 4 * i + 3)))],
        Approximate);
}
