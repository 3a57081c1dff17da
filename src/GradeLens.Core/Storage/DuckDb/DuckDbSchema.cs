using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>Creates the schema in a new file, or checks the version of an existing one.</summary>
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

        if (found == StoreSchema.UpgradableVersion)
        {
            await UpgradeAsync(connection, cancellationToken);
            return;
        }

        if (found != StoreSchema.Version)
        {
            throw new StoreVersionException(location, found, StoreSchema.Version);
        }
    }

    private static async Task CreateAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DuckDbStore.ExecuteAsync(connection, StoreSchema.CreateSql, cancellationToken);
        await DuckDbStore.ExecuteAsync(connection, $"INSERT INTO schema_info VALUES ({StoreSchema.Version}, now()::TIMESTAMP)", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Version 1 to 2: adds the empty accounts tables and records the new version, in one transaction.</summary>
    private static async Task UpgradeAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DuckDbStore.ExecuteAsync(connection, StoreSchema.AccountsSql, cancellationToken);
        await DuckDbStore.ExecuteAsync(connection, $"INSERT INTO schema_info VALUES ({StoreSchema.Version}, now()::TIMESTAMP)", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The schema version, or -1 when the file holds tables but no GradeLens version.</summary>
    private static async Task<int> ReadVersionAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info' AND table_catalog = current_database()";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return -1;
        }

        command.CommandText = "SELECT max(version) FROM schema_info";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? -1 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
