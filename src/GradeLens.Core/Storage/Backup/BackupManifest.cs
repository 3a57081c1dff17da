using System.Globalization;
using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.Backup;

/// <summary>
/// What a backup file holds, in two tables beside the copied ones: <c>backup_info</c> (one row: schema version, when,
/// the source store without password, the DuckDB version that computed the checksums) and <c>backup_manifest</c>
/// (a row per copied table: name, rows, <see cref="TableChecksums">checksum</see>).
/// </summary>
public sealed record BackupManifest(int SchemaVersion, DateTime CreatedAt, string Source, string ChecksumEngine, IReadOnlyList<TableChecksum> Tables)
{
    public const string InfoTable = "backup_info";
    public const string ManifestTable = "backup_manifest";

    /// <summary>The tables a backup adds to the store's own.</summary>
    public static IReadOnlyList<string> OwnTables { get; } = [InfoTable, ManifestTable];

    /// <summary>Checksums every table of <paramref name="tables"/> in the backup and writes the manifest beside them.</summary>
    public static async Task<BackupManifest> WriteAsync(DuckDBConnection connection, string catalog, IReadOnlyList<string> tables, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tables);
        var checksums = new List<TableChecksum>();
        foreach (var table in tables)
        {
            checksums.Add(await TableChecksums.ComputeAsync(connection, catalog, table, cancellationToken));
        }

        var manifest = new BackupManifest(StoreSchema.Version, DateTime.UtcNow, StoreSource.Describe(source), await EngineAsync(connection, cancellationToken), checksums);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE {SqlName.Table(catalog, InfoTable)} (schema_version INTEGER NOT NULL, created_at TIMESTAMP NOT NULL, source VARCHAR NOT NULL, checksum_engine VARCHAR NOT NULL);
            CREATE TABLE {SqlName.Table(catalog, ManifestTable)} (table_name VARCHAR NOT NULL, row_count BIGINT NOT NULL, checksum VARCHAR NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = $"INSERT INTO {SqlName.Table(catalog, InfoTable)} VALUES ($version, $created, $source, $engine)";
        command.Parameters.Add(new DuckDBParameter("version", manifest.SchemaVersion));
        command.Parameters.Add(new DuckDBParameter("created", manifest.CreatedAt));
        command.Parameters.Add(new DuckDBParameter("source", manifest.Source));
        command.Parameters.Add(new DuckDBParameter("engine", manifest.ChecksumEngine));
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var checksum in checksums)
        {
            command.Parameters.Clear();
            command.CommandText = $"INSERT INTO {SqlName.Table(catalog, ManifestTable)} VALUES ($name, $rows, $checksum)";
            command.Parameters.Add(new DuckDBParameter("name", checksum.Table));
            command.Parameters.Add(new DuckDBParameter("rows", checksum.Rows));
            command.Parameters.Add(new DuckDBParameter("checksum", checksum.Checksum));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return manifest;
    }

    /// <summary>The manifest of an attached backup; null when the file has no manifest (it is not a GradeLens backup).</summary>
    public static async Task<BackupManifest?> ReadAsync(DuckDBConnection connection, string catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = await TableChecksums.ListTablesAsync(connection, catalog, cancellationToken);
        if (!OwnTables.All(tables.Contains))
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT schema_version, created_at, source, checksum_engine FROM {SqlName.Table(catalog, InfoTable)}";
        (int Version, DateTime Created, string Source, string Engine) header;
        await using (var info = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await info.ReadAsync(cancellationToken))
            {
                return null;
            }

            header = (info.GetInt32(0), info.GetDateTime(1), info.GetString(2), info.GetString(3));
        }

        command.CommandText = $"SELECT table_name, row_count, checksum FROM {SqlName.Table(catalog, ManifestTable)} ORDER BY table_name";
        var checksums = new List<TableChecksum>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            checksums.Add(new TableChecksum(rows.GetString(0), rows.GetInt64(1), rows.GetString(2)));
        }

        return new BackupManifest(header.Version, header.Created, header.Source, header.Engine, checksums);
    }

    private static async Task<string> EngineAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 'DuckDB ' || version()";
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)!;
    }
}
