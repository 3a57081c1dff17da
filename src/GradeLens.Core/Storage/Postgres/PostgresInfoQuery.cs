using System.Globalization;
using Npgsql;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>Counts per table and the cohort's shape, within a scope (<see cref="DuckDb.DuckDbInfoQuery"/> in PostgreSQL).</summary>
internal static class PostgresInfoQuery
{
    public static async Task<StoreInfo> RunAsync(NpgsqlConnection connection, string location, Scope scope, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in StoreSchema.Tables)
        {
            counts[table] = await ScalarAsync(connection, scope, CountSql(table), cancellationToken);
        }

        return new StoreInfo(
            StoreSchema.Version,
            location,
            counts,
            Students: counts["students"],
            Schools: await ScalarAsync(connection, scope, (s, _) => $"SELECT count(DISTINCT school) FROM students s WHERE {s}", cancellationToken),
            Regions: await ScalarAsync(connection, scope, (s, _) => $"SELECT count(DISTINCT region) FROM students s WHERE {s}", cancellationToken),
            Subjects: await ListAsync(connection, scope, o => $"SELECT DISTINCT subject FROM assessments WHERE {o} ORDER BY subject", cancellationToken),
            Series: await ListAsync(connection, scope, o => $"SELECT series FROM assessments WHERE {o} GROUP BY series ORDER BY min(series_order), series", cancellationToken),
            Organisations: await ListAsync(connection, scope, o => $"SELECT DISTINCT organisation FROM students WHERE {o} ORDER BY 1", cancellationToken));
    }

    /// <summary>SQL counting a table's rows visible in scope, given the students condition on alias s and an organisation condition maker.</summary>
    private static Func<string, Func<string, string>, string> CountSql(string table) => table switch
    {
        "students" => (s, _) => $"SELECT count(*) FROM students s WHERE {s}",
        "student_attributes" or "results" or "baselines" =>
            (s, _) => $"SELECT count(*) FROM {table} t JOIN students s ON s.student_key = t.student_key WHERE {s}",
        "area_measures" or "area_scores" =>
            (_, org) => $"SELECT count(*) FROM {table} t JOIN areas a ON a.area_key = t.area_key WHERE {org("a.organisation")}",
        _ => (_, org) => $"SELECT count(*) FROM {table} WHERE {org("organisation")}",
    };

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, Scope scope, Func<string, Func<string, string>, string> sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql(PostgresScopeSql.StudentCondition(scope, command), column => PostgresScopeSql.OrganisationCondition(scope, command, column));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string>> ListAsync(NpgsqlConnection connection, Scope scope, Func<string, string> sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql(PostgresScopeSql.OrganisationCondition(scope, command));
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
