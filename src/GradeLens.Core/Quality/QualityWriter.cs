using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Staging;
using GradeLens.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GradeLens.Core.Quality;

/// <summary>
/// Replaces one organisation's quality tables in one transaction, on either store: every he_* row of the organisation
/// is deleted, then the new rows are bulk-written (DuckDB's appender, PostgreSQL's binary COPY; the two side by side
/// below), and the per-student module sums (he_module_marks) derived from them. A failure leaves the store as it was.
/// Writing the same data again gives the same tables.
/// </summary>
internal static class QualityWriter
{
    /// <summary>Writes records (the demo, a test, a caller's own data).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReplaceAsync(
        DbConnection connection, StoreSqlDialect sql, string organisation, QualityData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(data);
        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DeleteAsync(connection, transaction, sql, organisation, cancellationToken);
        foreach (var (table, rows) in QualityRecordRows.Of(data))
        {
            written[table.Name] = await BulkWriteAsync(connection, table, organisation, rows, cancellationToken);
        }

        await DeriveModuleMarksAsync(connection, transaction, sql, organisation, ("he_grades", "he_assessments"), cancellationToken);
        await LogAsync(connection, transaction, sql, organisation, written, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AnalyseAsync(connection, cancellationToken);
        return written;
    }

    /// <summary>
    /// Writes an import's validated rows: for each table, <paramref name="stagedName"/> names a relation of
    /// <paramref name="staging"/> with the table's columns (no organisation). When the store is that same DuckDB
    /// connection the rows move by INSERT ... SELECT; otherwise they stream out of DuckDB into the store's bulk path.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReplaceFromStagingAsync(
        DbConnection connection, StoreSqlDialect sql, string organisation, DuckDBConnection staging,
        Func<QualityTable, string> stagedName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(stagedName);
        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DeleteAsync(connection, transaction, sql, organisation, cancellationToken);
        foreach (var table in QualityTables.All)
        {
            if (ReferenceEquals(connection, staging))
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                var org = sql.Parameter(insert, "org", organisation);
                insert.CommandText = sql.Parameters(
                    $"INSERT INTO {table.Name} (organisation, {table.ColumnList}) SELECT {org}, {table.ColumnList} FROM {stagedName(table)}");
                written[table.Name] = await insert.ExecuteNonQueryAsync(cancellationToken);
                ImportTrace.Mark("quality wrote " + table.Name);
                continue;
            }

            await using var read = staging.CreateCommand();
            read.CommandText = $"SELECT {table.ColumnList} FROM {stagedName(table)}";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            written[table.Name] = await BulkWriteAsync(connection, table, organisation, ReadRows(reader, table.Columns.Count), cancellationToken);
        }

        // On the staging connection the sums are read from the staged rows (the same rows), not the transaction's
        // uncommitted he_grades: 1.1-1.3 s instead of 1.8-2.7 s over 11 million grades (bench quality).
        var source = ReferenceEquals(connection, staging) ? (stagedName(QualityTables.Grades), stagedName(QualityTables.Assessments)) : ("he_grades", "he_assessments");
        await DeriveModuleMarksAsync(connection, transaction, sql, organisation, source, cancellationToken);
        ImportTrace.Mark("quality module marks");
        await LogAsync(connection, transaction, sql, organisation, written, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ImportTrace.Mark("quality committed");
        await AnalyseAsync(connection, cancellationToken);
        return written;
    }

    /// <summary>
    /// PostgreSQL plans the KPI joins from table statistics: right after a bulk load it has none (autovacuum comes later)
    /// and a plan of nested loops over millions of grades takes minutes. DuckDB needs nothing.
    /// </summary>
    private static async Task AnalyseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is not NpgsqlConnection)
        {
            return;
        }

        await using var analyse = connection.CreateCommand();
        analyse.CommandText = "ANALYZE " + string.Join(", ", QualityTables.All.Append(QualityTables.ModuleMarks).Select(t => t.Name));
        await analyse.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The write's row in the import log, in its transaction: the store's data version changes with it, so every server's
    /// kept answers see the new tables.
    /// </summary>
    private static async Task LogAsync(DbConnection connection, DbTransaction transaction, StoreSqlDialect sql, string organisation, IReadOnlyDictionary<string, long> written, CancellationToken cancellationToken)
    {
        await using var log = connection.CreateCommand();
        log.Transaction = transaction;
        var org = sql.Parameter(log, "org", organisation);
        var rows = sql.Parameter(log, "rows", written.Values.Sum());
        var summary = sql.Parameter(log, "summary", "university quality tables replaced: " + string.Join(", ", written.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value}")));
        log.CommandText = $"INSERT INTO import_log VALUES (CAST(now() AS TIMESTAMP), {org}, '(university quality tables)', '', {rows}, 0, {summary})";
        await log.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Derives <see cref="QualityTables.ModuleMarks"/> for the organisation from its grades, in the write's transaction:
    /// from the store's he_grades and he_assessments, or from relations holding exactly the rows just written to them.
    /// </summary>
    private static async Task DeriveModuleMarksAsync(
        DbConnection connection, DbTransaction transaction, StoreSqlDialect sql, string organisation, (string Grades, string Assessments) source, CancellationToken cancellationToken)
    {
        var stored = source.Grades == "he_grades";
        await using var derive = connection.CreateCommand();
        derive.Transaction = transaction;
        var org = sql.Parameter(derive, "org", organisation);
        derive.CommandText = sql.Parameters($"""
            INSERT INTO he_module_marks (organisation, module_id, student_id, marks, mark_sum, weighted_sum, marked_weight)
            SELECT {org}, a.module_id, g.student_id, count(*), sum(g.mark), sum(a.weight * g.mark), sum(a.weight)
            FROM {source.Grades} g
            JOIN {source.Assessments} a ON a.assessment_id = g.assessment_id{(stored ? " AND a.organisation = g.organisation" : "")}
            WHERE {(stored ? $"g.organisation = {org} AND a.organisation = {org} AND " : "")}g.mark IS NOT NULL
            GROUP BY a.module_id, g.student_id
            """);
        await derive.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task DeleteAsync(DbConnection connection, DbTransaction transaction, StoreSqlDialect sql, string organisation, CancellationToken cancellationToken)
    {
        foreach (var table in QualityTables.All.Append(QualityTables.ModuleMarks).Reverse())
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = sql.Parameters($"DELETE FROM {table.Name} WHERE organisation = {sql.Parameter(delete, "org", organisation)}");
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static IEnumerable<object?[]> ReadRows(DbDataReader reader, int columns)
    {
        var row = new object?[columns];
        while (reader.Read())
        {
            for (var i = 0; i < columns; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }

    private static Task<long> BulkWriteAsync(DbConnection connection, QualityTable table, string organisation, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        connection switch
        {
            DuckDBConnection duck => Task.FromResult(Append(duck, table, organisation, rows)),
            NpgsqlConnection postgres => CopyAsync(postgres, table, organisation, rows, cancellationToken),
            _ => throw new ArgumentException($"{connection.GetType().Name} is not a DuckDB or PostgreSQL connection", nameof(connection)),
        };

    /// <summary>DuckDB: the appender, in the connection's open transaction.</summary>
    private static long Append(DuckDBConnection connection, QualityTable table, string organisation, IEnumerable<object?[]> rows)
    {
        long count = 0;
        using var appender = connection.CreateAppender(table.Name);
        foreach (var values in rows)
        {
            var row = appender.CreateRow().AppendValue(organisation);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                row = ColumnValue.Of(values[i], table.Columns[i].Type) switch
                {
                    null => row.AppendNullValue(),
                    string text => row.AppendValue(text),
                    DateOnly date => row.AppendValue((DateOnly?)date),
                    double number => row.AppendValue((double?)number),
                    int whole => row.AppendValue((int?)whole),
                    bool flag => row.AppendValue((bool?)flag),
                    var other => throw new InvalidOperationException($"{table.Name}: {other.GetType().Name} is not a quality column value"),
                };
            }

            row.EndRow();
            count++;
        }

        return count;
    }

    /// <summary>PostgreSQL: one binary COPY per table, in the connection's open transaction.</summary>
    private static async Task<long> CopyAsync(NpgsqlConnection connection, QualityTable table, string organisation, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table.Name} (organisation, {table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        importer.Timeout = TimeSpan.FromHours(1); // millions of grades stream for longer than Npgsql's 30 s command timeout
        foreach (var values in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(organisation, NpgsqlDbType.Text, cancellationToken);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                await (ColumnValue.Of(values[i], table.Columns[i].Type) switch
                {
                    null => importer.WriteNullAsync(cancellationToken),
                    string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                    DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
                    double number => importer.WriteAsync(number, NpgsqlDbType.Double, cancellationToken),
                    int whole => importer.WriteAsync(whole, NpgsqlDbType.Integer, cancellationToken),
                    bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
                    var other => throw new InvalidOperationException($"{table.Name}: {other.GetType().Name} is not a quality column value"),
                });
            }
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>A value as the CLR type of its column (DuckDB hands dates back as DateTime or DateOnly, integers as long).</summary>
    private static class ColumnValue
    {
        public static object? Of(object? value, QualityColumnType type) => value switch
        {
            null or DBNull => null,
            _ => type switch
            {
                QualityColumnType.Text => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture),
                QualityColumnType.Date => value switch
                {
                    DateOnly date => date,
                    DateTime time => DateOnly.FromDateTime(time),
                    _ => throw new InvalidOperationException($"{value.GetType().Name} is not a date"),
                },
                QualityColumnType.Number => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                QualityColumnType.WholeNumber => Convert.ToInt32(value, CultureInfo.InvariantCulture),
                QualityColumnType.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a quality column type"),
            },
        };
    }
}
