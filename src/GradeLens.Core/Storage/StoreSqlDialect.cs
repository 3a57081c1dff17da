using System.Collections;
using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;
using NpgsqlTypes;

namespace GradeLens.Core.Storage;

/// <summary>
/// What differs between the two stores' SQL, so every query is written once: parameter markers, a lenient cast to a
/// number, list aggregation, the value at a group's greatest order, any value of a group, and a stable sample order.
/// Values are always parameters, never SQL text.
/// </summary>
public abstract partial class StoreSqlDialect
{
    public static StoreSqlDialect DuckDb { get; } = new DuckDbDialect();

    public static StoreSqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>Adds a parameter (text, number, time or null) once per name and returns its marker in the SQL.</summary>
    public abstract string Parameter(DbCommand command, string name, object? value);

    /// <summary>SQL written with DuckDB's $name markers, spelled for this store.</summary>
    public abstract string Parameters(string sql);

    /// <summary>The text as a number, or NULL when it is not one.</summary>
    public abstract string TryDouble(string expression);

    /// <summary>A list aggregate (read back with <see cref="ReadList"/>); <paramref name="expression"/> may end in ORDER BY.</summary>
    public abstract string List(string expression);

    /// <summary>The group's <paramref name="value"/> at its greatest <paramref name="order"/> (ties: greatest <paramref name="tieBreak"/> on PostgreSQL).</summary>
    public abstract string ArgMax(string value, string order, string tieBreak);

    /// <summary>Any one value of the group (the values are known to be equal).</summary>
    public abstract string AnyValue(string expression);

    /// <summary>An order that looks random but is the same on every run (a stable sample), for a key column.</summary>
    public abstract string StableOrder(string key);

    /// <summary>A list column as values (null for SQL NULL).</summary>
    public static IReadOnlyList<object?> ReadList(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? [] : ((IEnumerable)reader.GetValue(ordinal)).Cast<object?>().ToList();
    }

    private sealed class DuckDbDialect : StoreSqlDialect
    {
        public override string Parameter(DbCommand command, string name, object? value)
        {
            var parameters = ((DuckDBCommand)command).Parameters;
            if (!parameters.Contains(name))
            {
                parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
            }

            return "$" + name;
        }

        public override string Parameters(string sql) => sql;

        public override string TryDouble(string expression) => $"TRY_CAST({expression} AS DOUBLE)";

        public override string List(string expression) => $"list({expression})";

        public override string ArgMax(string value, string order, string tieBreak) => $"arg_max({value}, {order})";

        public override string AnyValue(string expression) => $"any_value({expression})";

        public override string StableOrder(string key) => $"hash({key})";
    }

    private sealed partial class PostgresDialect : StoreSqlDialect
    {
        public override string Parameter(DbCommand command, string name, object? value)
        {
            var parameters = ((NpgsqlCommand)command).Parameters;
            if (parameters.Contains(name))
            {
                return "@" + name;
            }

            // A null goes untyped (PostgreSQL infers it from where it is used); a time is a plain timestamp, as the columns are.
            parameters.Add(value switch
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

        /// <summary>PostgreSQL has no TRY_CAST: a number pattern (as float8 input reads it) guards the cast.</summary>
        public override string TryDouble(string expression) =>
            $"(CASE WHEN {expression} ~ '^\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$' THEN ({expression})::double precision END)";

        public override string List(string expression) => $"array_agg({expression})";

        public override string ArgMax(string value, string order, string tieBreak) => $"(array_agg({value} ORDER BY {order} DESC, {tieBreak} DESC))[1]";

        public override string AnyValue(string expression) => $"min({expression})";

        public override string StableOrder(string key) => $"md5(({key})::text)";

        [System.Text.RegularExpressions.GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
        private static partial System.Text.RegularExpressions.Regex Marker();
    }
}
