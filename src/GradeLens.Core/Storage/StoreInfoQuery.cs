using System.Data.Common;

namespace GradeLens.Core.Storage;

/// <summary>Counts per table and the cohort's shape, within a scope: one query for both stores.</summary>
internal static class StoreInfoQuery
{
    public static async Task<StoreInfo> RunAsync(DbConnection connection, StoreSqlDialect sql, string location, Scope scope, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in StoreSchema.Tables)
        {
            counts[table] = await ScalarAsync(connection, sql, scope, CountSql(table), cancellationToken);
        }

        return new StoreInfo(
            StoreSchema.Version,
            location,
            counts,
            Students: counts["students"],
            Schools: await ScalarAsync(connection, sql, scope, s => $"SELECT count(DISTINCT school) FROM students s WHERE {s}", cancellationToken),
            Regions: await ScalarAsync(connection, sql, scope, s => $"SELECT count(DISTINCT region) FROM students s WHERE {s}", cancellationToken),
            Subjects: await ListAsync(connection, sql, scope, "SELECT DISTINCT subject FROM assessments WHERE {0} ORDER BY subject", cancellationToken),
            Series: await ListAsync(connection, sql, scope, "SELECT series FROM assessments WHERE {0} GROUP BY series ORDER BY min(series_order), series", cancellationToken),
            Organisations: await ListAsync(connection, sql, scope, "SELECT DISTINCT organisation FROM students WHERE {0} ORDER BY 1", cancellationToken));
    }

    /// <summary>SQL counting a table's rows visible in scope; the argument is the students condition on alias s.</summary>
    private static Func<string, string> CountSql(string table) => table switch
    {
        "students" => s => $"SELECT count(*) FROM students s WHERE {s}",
        "student_attributes" or "results" =>
            s => $"SELECT count(*) FROM {table} t JOIN students s ON s.student_key = t.student_key WHERE {s}",
        "baselines" => s => $"SELECT count(*) FROM baselines t JOIN students s ON s.student_key = t.student_key WHERE {s}",
        "area_measures" or "area_scores" =>
            _ => $"SELECT count(*) FROM {table} t JOIN areas a ON a.area_key = t.area_key WHERE {{org:a.organisation}}",
        "schema_info" => _ => "SELECT count(*) FROM schema_info",
        _ => _ => $"SELECT count(*) FROM {table} WHERE {{org:organisation}}",
    };

    private static async Task<long> ScalarAsync(DbConnection connection, StoreSqlDialect dialect, Scope scope, Func<string, string> sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var text = sql(dialect.StudentCondition(scope, command));
        command.CommandText = ReplaceOrganisation(text, dialect, scope, command);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string>> ListAsync(DbConnection connection, StoreSqlDialect dialect, Scope scope, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, dialect.OrganisationCondition(scope, command));
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Replaces a {org:COLUMN} placeholder with the scope's organisation condition on that column.</summary>
    private static string ReplaceOrganisation(string sql, StoreSqlDialect dialect, Scope scope, DbCommand command)
    {
        var start = sql.IndexOf("{org:", StringComparison.Ordinal);
        if (start < 0)
        {
            return sql;
        }

        var end = sql.IndexOf('}', start);
        var column = sql[(start + 5)..end];
        return sql[..start] + dialect.OrganisationCondition(scope, command, column) + sql[(end + 1)..];
    }
}
