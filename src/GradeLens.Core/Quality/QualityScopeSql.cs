using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Quality;

/// <summary>
/// The part every Quality query starts from: the caller's modules (scope and filter applied in SQL) as the CTE
/// <c>scoped_modules(organisation, module_id, title, term, programme_id, programme, faculty)</c>, and the readers'
/// conversions (the stores hand back integers, sums and dates as different CLR types).
/// </summary>
internal static class QualityScopeSql
{
    public static string ScopedModules(StoreSqlDialect sql, Scope scope, QualityFilter filter, DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = new List<string> { sql.OrganisationCondition(scope, command, "m.organisation"), sql.OrganisationCondition(scope, command, "p.organisation") };
        if (filter.Faculty is { } faculty)
        {
            conditions.Add($"p.faculty = {sql.Parameter(command, "filter_faculty", faculty)}");
        }

        if (filter.Programme is { } programme)
        {
            var marker = sql.Parameter(command, "filter_programme", programme);
            conditions.Add($"(p.programme_id = {marker} OR p.name = {marker})");
        }

        if (filter.Term is { } term)
        {
            conditions.Add($"m.term = {sql.Parameter(command, "filter_term", term)}");
        }

        return $"""
            scoped_modules AS (
                SELECT m.organisation, m.module_id, m.title, m.term, p.programme_id, p.name AS programme, p.faculty
                FROM he_modules m
                JOIN he_programmes p ON {On(scope, "p", "m", "programme_id")}
                WHERE {string.Join(" AND ", conditions)})
            """;
    }

    /// <summary>
    /// A join on <paramref name="keys"/> (columns named alike on both sides), and on the organisation only when the
    /// caller sees several: within one organisation every table is already filtered on it, and joining on it again
    /// makes PostgreSQL multiply the two selectivities and plan nested loops over millions of grades.
    /// </summary>
    public static string On(Scope scope, string left, string right, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parts = keys.Select(k => $"{left}.{k} = {right}.{k}").ToList();
        if (scope.Organisation is null)
        {
            parts.Add($"{left}.organisation = {right}.organisation");
        }

        return string.Join(" AND ", parts);
    }

    public static string Text(DbDataReader reader, int ordinal) => reader.GetString(ordinal);

    public static string? NullableText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Long(reader, ordinal);

    public static double? NullableDouble(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static DateOnly Date(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        _ => reader.GetFieldValue<DateOnly>(ordinal),
    };

    public static DateOnly? NullableDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Date(reader, ordinal);

    /// <summary>Ordinal order, the same on both stores whatever their collations.</summary>
    public static IReadOnlyList<T> Sorted<T>(IEnumerable<T> items, Func<T, string> first, Func<T, string> second) =>
        [.. items.OrderBy(first, StringComparer.Ordinal).ThenBy(second, StringComparer.Ordinal)];
}
