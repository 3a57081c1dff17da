using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// Creates the schema in an empty database, or checks the version of an existing one. The tables are Schema.sql's
/// (one file for both stores) with PostgreSQL's spelling of two types: DOUBLE is DOUBLE PRECISION, and text is
/// TEXT COLLATE "C" so text sorts by code point as in DuckDB (the same order in every answer, whatever the server's locale).
/// </summary>
internal static partial class PostgresSchema
{
    /// <summary>Serialises schema creation among app servers opening the same new database at once.</summary>
    private const long CreationLock = 0x4772_6164_654c_656e; // "GradeLen"

    public static string CreateSql { get; } = Translate(StoreSchema.CreateSql) + "\n" + ReadResource("PostgresIndexes.sql");

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string location, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({CreationLock})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (await ScalarAsync(connection, transaction, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", cancellationToken) == 0)
        {
            await using var create = new NpgsqlCommand(CreateSql, connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
            await StoreSchema.RecordVersionAsync(connection, StoreSqlDialect.Postgres, StoreSchema.Version, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        if (await ScalarAsync(connection, transaction, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_info'", cancellationToken) == 0)
        {
            throw new UnreadableStoreException($"{location} is a PostgreSQL database but not a GradeLens store (it has other tables and no GradeLens schema). It was not changed; use an empty database for --store.", null);
        }

        var found = (int)await ScalarAsync(connection, transaction, "SELECT coalesce(max(version), -1) FROM schema_info", cancellationToken);
        if (found == StoreSchema.Version)
        {
            return;
        }

        if (StoreSchema.UpgradesFrom(found) is null)
        {
            throw new StoreVersionException(location, found, StoreSchema.Version);
        }

        // The steps, as in DuckDB, in this transaction (which holds the lock, so two servers never upgrade at once).
        await StoreSchema.UpgradeAsync(connection, StoreSqlDialect.Postgres, found, Translate, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A DuckDB-spelled schema text in PostgreSQL's spelling (column types only: casts in shared SQL say TEXT); a line
    /// <c>-- @postgres SQL</c>, a comment to DuckDB, is SQL here (an upgrade step's indexes).
    /// </summary>
    internal static string Translate(string duckDbSql) =>
        PostgresOnlyLine().Replace(VarcharType().Replace(DoubleType().Replace(duckDbSql, "DOUBLE PRECISION"), "TEXT COLLATE \"C\""), "$1");

    [GeneratedRegex(@"^-- @postgres (.*)$", RegexOptions.Multiline)]
    private static partial Regex PostgresOnlyLine();

    [GeneratedRegex(@"\bDOUBLE\b(?! PRECISION)")]
    private static partial Regex DoubleType();

    [GeneratedRegex(@"\bVARCHAR\b")]
    private static partial Regex VarcharType();

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static string ReadResource(string name)
    {
        var assembly = typeof(PostgresSchema).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
