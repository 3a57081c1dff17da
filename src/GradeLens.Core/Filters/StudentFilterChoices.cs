using GradeLens.Core.Storage;

namespace GradeLens.Core.Filters;

/// <summary>One value a filter can take, with its students in the caller's reach; a class also names its school.</summary>
public sealed record FilterChoice(string Value, int Students, string? School = null);

/// <summary>
/// What a page's filters can offer the caller: the schools, classes (teaching groups) and year groups their students
/// have, each with its students. A dimension with fewer than two values is not worth a menu, but is listed.
/// </summary>
public sealed record StudentFilterChoices(IReadOnlyList<FilterChoice> Schools, IReadOnlyList<FilterChoice> Classes, IReadOnlyList<FilterChoice> YearGroups)
{
    /// <summary>
    /// Null when every value of <paramref name="filter"/> is offered (a class within the named school); otherwise the
    /// refused field ("school", "class", "yearGroup") and one sentence saying what to choose.
    /// </summary>
    public (string Field, string Message)? Refusal(StudentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.School is { } school && Schools.All(c => c.Value != school))
        {
            return ("school", $"'{school}' is not a school of the students you can see. Choose one of: {Listed(Schools)}.");
        }

        if (filter.Class is { } name && !Classes.Any(c => c.Value == name && (filter.School is null || c.School == filter.School)))
        {
            var offered = Classes.Where(c => filter.School is null || c.School == filter.School).ToList();
            return ("class", $"'{name}' is not a class of {(filter.School is null ? "the students you can see" : filter.School)}." +
                             (offered.Count == 0 ? " There are no classes there." : $" Choose one of: {Listed(offered)}."));
        }

        if (filter.YearGroup is { } year && YearGroups.All(c => c.Value != year))
        {
            return ("yearGroup", $"'{year}' is not a year group of the students you can see. Choose one of: {Listed(YearGroups)}.");
        }

        return null;
    }

    private static string Listed(IReadOnlyList<FilterChoice> choices) =>
        choices.Count == 0 ? "none recorded" : string.Join(", ", choices.Select(c => c.Value).Distinct().Take(20)) + (choices.Count > 20 ? ", ..." : "");
}

/// <summary>The filters' entry point, kept until the data changes (SQL: <see cref="StudentFilterQueries"/>).</summary>
public static class StudentFilterReads
{
    /// <summary>The choices within the caller's whole reach (a page's current filter does not narrow its own menus).</summary>
    public static Task<StudentFilterChoices> GetStudentFilterChoicesAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var whole = scope.WithoutFilter();
        return store.AnswerAsync(AnswerKey.For("filters.choices", whole), (c, sql, t) => StudentFilterQueries.ChoicesAsync(c, sql, whole, t), cancellationToken);
    }

    /// <summary>The ids of the students in <paramref name="scope"/> (its filter applied): a list narrowed after a model learnt from the whole reach.</summary>
    public static Task<IReadOnlySet<string>> GetStudentIdsAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return store.AnswerAsync(AnswerKey.For("filters.students", scope), (c, sql, t) => StudentFilterQueries.StudentIdsAsync(c, sql, scope, t), cancellationToken);
    }
}
