using DuckDB.NET.Data;
using Npgsql;
using NpgsqlTypes;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// Copies a staged DuckDB view into a new PostgreSQL temp table (dropped at commit) by binary COPY: the import's
/// rows cross from the staging database to the store in one stream, not one INSERT per row.
/// </summary>
internal static class StagedCopy
{
    public sealed record Column(string Name, NpgsqlDbType Type);

    public static async Task<long> CopyAsync(DuckDBConnection staging, string view, NpgsqlConnection target, string table, IReadOnlyList<Column> columns, CancellationToken cancellationToken)
    {
        var definitions = string.Join(", ", columns.Select(c => $"{c.Name} {TypeName(c.Type)}"));
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {table} ({definitions}) ON COMMIT DROP", target))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var names = string.Join(", ", columns.Select(c => c.Name));
        await using var read = staging.CreateCommand();
        read.CommandText = $"SELECT {names} FROM {view}";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await using var importer = await target.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await WriteRowsAsync(reader, importer, [.. columns.Select(c => c.Type)], cancellationToken);
        return (long)await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>Every row of a DuckDB reader into a binary COPY, column i written as <paramref name="types"/>[i].</summary>
    public static async Task WriteRowsAsync(System.Data.Common.DbDataReader reader, NpgsqlBinaryImporter importer, IReadOnlyList<NpgsqlDbType> types, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(importer);
        importer.Timeout = TimeSpan.FromHours(1); // millions of rows stream for minutes; Npgsql would stop at the 30 s command timeout
        while (await reader.ReadAsync(cancellationToken))
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Count; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await importer.WriteNullAsync(cancellationToken);
                    continue;
                }

                await (types[i] switch
                {
                    NpgsqlDbType.Text => importer.WriteAsync(reader.GetString(i), NpgsqlDbType.Text, cancellationToken),
                    NpgsqlDbType.Bigint => importer.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint, cancellationToken),
                    NpgsqlDbType.Integer => importer.WriteAsync(reader.GetInt32(i), NpgsqlDbType.Integer, cancellationToken),
                    NpgsqlDbType.Double => importer.WriteAsync(reader.GetDouble(i), NpgsqlDbType.Double, cancellationToken),
                    NpgsqlDbType.Boolean => importer.WriteAsync(reader.GetBoolean(i), NpgsqlDbType.Boolean, cancellationToken),
                    NpgsqlDbType.Date => importer.WriteAsync(DateOnly.FromDateTime(reader.GetDateTime(i)), NpgsqlDbType.Date, cancellationToken),
                    NpgsqlDbType.Timestamp => importer.WriteAsync(reader.GetDateTime(i), NpgsqlDbType.Timestamp, cancellationToken),
                    _ => throw new ArgumentOutOfRangeException(nameof(types), types[i], "not a copied column type"),
                });
            }
        }
    }

    private static string TypeName(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Text => "TEXT COLLATE \"C\"",
        NpgsqlDbType.Bigint => "BIGINT",
        NpgsqlDbType.Integer => "INTEGER",
        NpgsqlDbType.Double => "DOUBLE PRECISION",
        NpgsqlDbType.Boolean => "BOOLEAN",
        NpgsqlDbType.Date => "DATE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a staged column type"),
    };
}
