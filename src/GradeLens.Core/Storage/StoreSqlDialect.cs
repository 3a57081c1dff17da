using System.Data.Common;
using DuckDB.NET.Data;
using GradeLens.Core.Storage.DuckDb;
using GradeLens.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace GradeLens.Core.Storage;

/// <summary>
/// What differs between the stores' SQL in a query written once for both (the risk matrices): parameter markers,
/// the scope conditions, a lenient cast to a number and list aggregation. Values are always parameters.
/// </summary>
internal abstract partial class StoreSqlDialect
{
    public static StoreSqlDialect DuckDb { get; } = new DuckDbDialect();

    public static StoreSqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>Adds a parameter (text, number, time or null) and returns its marker in the SQL.</summary>
    public abstract string Parameter(DbCommand command, string name, object? value);

    /// <summary>SQL written with DuckDB's $name markers, spelled for this store.</summary>
    public abstract string Parameters(string sql);

    public abstract string StudentCondition(Scope scope, DbCommand command, string alias = "s");

    public abstract string OrganisationCondition(Scope scope, DbCommand command, string column = "organisation");

    /// <summary>A tracking filter's group as a condition on the students alias s.</summary>
    public abstract string FilterCondition(Tracking.TrackingFilter filter, DbCommand command);

    /// <summary>The text as a number, or NULL when it is not one.</summary>
    public abstract string TryDouble(string expression);

    /// <summary>A list aggregate (read back as an enumerable).</summary>
    public abstract string List(string expression);

    private sealed class DuckDbDialect : StoreSqlDialect
    {
        public override string Parameter(DbCommand command, string name, object? value)
        {
            ((DuckDBCommand)command).Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
            return "$" + name;
        }

        public override string Parameters(string sql) => sql;

        public override string StudentCondition(Scope scope, DbCommand command, string alias = "s") => ScopeSql.StudentCondition(scope, (DuckDBCommand)command, alias);

        public override string OrganisationCondition(Scope scope, DbCommand command, string column = "organisation") => ScopeSql.OrganisationCondition(scope, (DuckDBCommand)command, column);

        public override string FilterCondition(Tracking.TrackingFilter filter, DbCommand command) => TrackingFilterSql.Condition(filter, (DuckDBCommand)command);

        public override string TryDouble(string expression) => $"TRY_CAST({expression} AS DOUBLE)";

        public override string List(string expression) => $"list({expression})";
    }

    private sealed partial class PostgresDialect : StoreSqlDialect
    {
        public override string Parameter(DbCommand command, string name, object? value)
        {
            // A null goes untyped (PostgreSQL infers it from where it is used); a time is a plain timestamp, as the columns are.
            ((NpgsqlCommand)command).Parameters.Add(value switch
            {
                null => new NpgsqlParameter(name, DBNull.Value),
                string text => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = text },
                double number => new NpgsqlParameter(name, NpgsqlDbType.Double) { Value = number },
                int or long => new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) },
                DateTime time => new NpgsqlParameter(name, NpgsqlDbType.Timestamp) { Value = DateTime.SpecifyKind(time, DateTimeKind.Unspecified) },
                _ => new NpgsqlParameter(name, value),
            });
            return "@" + name;
        }

        public override string Parameters(string sql) => Marker().Replace(sql, "@$1");

        public override string StudentCondition(Scope scope, DbCommand command, string alias = "s") => PostgresScopeSql.StudentCondition(scope, (NpgsqlCommand)command, alias);

        public override string OrganisationCondition(Scope scope, DbCommand command, string column = "organisation") => PostgresScopeSql.OrganisationCondition(scope, (NpgsqlCommand)command, column);

        public override string FilterCondition(Tracking.TrackingFilter filter, DbCommand command) => PostgresScopeSql.FilterCondition(filter, (NpgsqlCommand)command);

        /// <summary>PostgreSQL has no TRY_CAST: a number pattern (as float8 input reads it) guards the cast.</summary>
        public override string TryDouble(string expression) =>
            $"(CASE WHEN {expression} ~ '^\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$' THEN ({expression})::double precision END)";

        public override string List(string expression) => $"array_agg({expression})";

        [System.Text.RegularExpressions.GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
        private static partial System.Text.RegularExpressions.Regex Marker();
    }
}
