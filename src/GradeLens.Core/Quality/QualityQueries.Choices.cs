using System.Data.Common;
using GradeLens.Core.Storage;
using static GradeLens.Core.Quality.QualityScopeSql;

namespace GradeLens.Core.Quality;

internal static partial class QualityQueries
{
    /// <summary>The faculties, programmes and terms of the caller's modules (terms in the order of their first deadline), with counts.</summary>
    public static async Task<QualityChoices> ChoicesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {ScopedModules(sql, scope, QualityFilter.All, command)},
            starts AS (
                SELECT a.organisation, a.module_id, min(a.due_on) AS first_due
                FROM he_assessments a
                WHERE {sql.OrganisationCondition(scope, command, "a.organisation")}
                GROUP BY a.organisation, a.module_id)
            SELECT sm.programme_id, sm.programme, sm.faculty, sm.term, count(*), min(st.first_due)
            FROM scoped_modules sm
            LEFT JOIN starts st ON {On(scope, "st", "sm", "module_id")}
            GROUP BY sm.programme_id, sm.programme, sm.faculty, sm.term
            """);
        var rows = new List<(string ProgrammeId, string Programme, string? Faculty, string Term, long Modules, DateOnly? Start)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((Text(reader, 0), Text(reader, 1), NullableText(reader, 2), Text(reader, 3), Long(reader, 4), NullableDate(reader, 5)));
            }
        }

        return QualityChoices.Of(rows);
    }
}

/// <summary>A programme the Quality page can be narrowed to.</summary>
public sealed record QualityProgrammeChoice(string ProgrammeId, string Name, string? Faculty, long Modules);

/// <summary>What the Quality KPIs can be narrowed to in the caller's view: every faculty, programme and term there is.</summary>
/// <param name="Terms">In the order of their first deadline (a term without assessments last, by name).</param>
/// <param name="Modules">Modules in the caller's view: 0 means the store holds no quality data for them.</param>
public sealed record QualityChoices(IReadOnlyList<string> Faculties, IReadOnlyList<QualityProgrammeChoice> Programmes, IReadOnlyList<string> Terms, long Modules)
{
    public bool HasData => Modules > 0;

    internal static QualityChoices Of(IReadOnlyList<(string ProgrammeId, string Programme, string? Faculty, string Term, long Modules, DateOnly? Start)> rows)
    {
        var faculties = rows.Select(r => r.Faculty).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var programmes = rows.GroupBy(r => r.ProgrammeId, StringComparer.Ordinal)
            .Select(g => new QualityProgrammeChoice(g.Key, g.First().Programme, g.First().Faculty, g.Sum(r => r.Modules)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.ProgrammeId, StringComparer.Ordinal)
            .ToList();
        var terms = rows.GroupBy(r => r.Term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Start: g.Min(r => r.Start) ?? DateOnly.MaxValue))
            .OrderBy(t => t.Start).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Select(t => t.Term)
            .ToList();
        return new QualityChoices(faculties, programmes, terms, rows.Sum(r => r.Modules));
    }

    /// <summary>The first part of <paramref name="filter"/> that names nothing in this view (field name, sentence); null when all do.</summary>
    public (string Field, string Problem)? Refusal(QualityFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Faculty is { } faculty && !Faculties.Contains(faculty, StringComparer.Ordinal))
        {
            return ("faculty", $"There is no faculty '{faculty}' in your view; choose one of: {List(Faculties)}.");
        }

        if (filter.Programme is { } programme && !Programmes.Any(p => p.ProgrammeId == programme || p.Name == programme))
        {
            return ("programme", $"There is no programme '{programme}' in your view; choose one of: {List(Programmes.Select(p => p.Name))}.");
        }

        if (filter.Term is { } term && !Terms.Contains(term, StringComparer.Ordinal))
        {
            return ("term", $"There is no term '{term}' in your view; choose one of: {List(Terms)}.");
        }

        return null;
    }

    private static string List(IEnumerable<string> values)
    {
        var shown = values.Take(12).ToList();
        return shown.Count == 0 ? "(none: import the university's tables first)" : string.Join(", ", shown) + (values.Skip(12).Any() ? ", ..." : "");
    }
}
