using System.Globalization;
using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.Backup;

/// <summary>
/// A table's content checksum, computed in DuckDB SQL: <c>sum(hash(row))</c> over the whole row as a struct, a 128-bit
/// sum of 64-bit hashes, so it does not depend on row order, counts a duplicated row twice, and changes when any value of
/// any row changes. A PostgreSQL store computes it the same way on the rows it streams into a DuckDB file.
/// </summary>
public static class TableChecksums
{
    /// <summary>The base tables of a catalog's main schema (an attached file's alias, or the store's own), by name.</summary>
    public static async Task<IReadOnlyList<string>> ListTablesAsync(DuckDBConnection connection, string catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_name FROM information_schema.tables
            WHERE table_catalog = $catalog AND table_schema = 'main' AND table_type = 'BASE TABLE'
            ORDER BY table_name
            """;
        command.Parameters.Add(new DuckDBParameter("catalog", catalog));
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public static async Task<TableChecksum> ComputeAsync(DuckDBConnection connection, string catalog, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        // The alias names the row: hash(checksum_row) hashes the whole row as one struct value.
        command.CommandText = $"SELECT count(*), coalesce(sum(hash(checksum_row)), 0)::VARCHAR FROM {SqlName.Table(catalog, table)} AS checksum_row";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TableChecksum(table, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1));
    }
}
