using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>Creates the schema in a new file, brings an older store to the current version (StoreSchema.Upgrades), or refuses another.</summary>
internal static class DuckDbSchema
{
    public static async Task EnsureAsync(DuckDBConnection connection, string location, CancellationToken cancellationToken)
    {
        await using (var probe = connection.CreateCommand())
        {
            probe.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()";
            var tables = Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (tables == 0)
            {
                await CreateAsync(connection, cancellationToken);
                return;
            }
        }

        var found = await ReadVersionAsync(connection, cancellationToken);
        if (found < 0)
        {
            throw new UnreadableStoreException($"{location} is a DuckDB database but not a GradeLens store (it has no GradeLens schema). It was not changed; choose another --store path.", null);
        }

        if (found == StoreSchema.Version)
        {
            return;
        }

        if (StoreSchema.UpgradesFrom(found) is null)
        {
            throw new StoreVersionException(location, found, StoreSchema.Version);
        }

        if (await HasTableAsync(connection, Backup.BackupManifest.InfoTable, cancellationToken))
        {
            // A backup file opened as a store (gradelens info --store FILE) is read as it is, never upgraded: that would break its checksums.
            throw new UnreadableStoreException(
                $"{location} is a GradeLens backup of a schema version {found} store; this GradeLens reads version {StoreSchema.Version} and never upgrades a backup (its checksums would no longer match). It was not changed; restore it with the GradeLens version that made it.", null);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await StoreSchema.UpgradeAsync(connection, StoreSqlDialect.DuckDb, found, sql => sql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CreateAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DuckDbStore.ExecuteAsync(connection, StoreSchema.CreateSql, cancellationToken);
        await StoreSchema.RecordVersionAsync(connection, StoreSqlDialect.DuckDb, StoreSchema.Version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The schema version, or -1 when the file holds tables but no GradeLens version.</summary>
    private static async Task<int> ReadVersionAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        if (!await HasTableAsync(connection, "schema_info", cancellationToken))
        {
            return -1;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM schema_info";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? -1 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> HasTableAsync(DuckDBConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = $table AND table_catalog = current_database()";
        command.Parameters.Add(new DuckDBParameter("table", table));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
