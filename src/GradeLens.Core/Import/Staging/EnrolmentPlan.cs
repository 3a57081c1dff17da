using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Whether a students table's rows are enrolments — a student in a course, module or presentation — and by which key.
/// Declared in the mapping (<see cref="ImportMapping.Key"/>) or found from the values: when a student's rows disagree on
/// an attribute and one column (course, module...) explains every disagreement, the rows are that column's enrolments.
/// Attributes that vary between a student's enrolments are kept per enrolment; the others once per student.
/// </summary>
/// <param name="Key">Key columns besides the student id.</param>
/// <param name="Context">Key columns that are neither the subject nor the series: their values name the series' sitting ("Final (2014J)").</param>
/// <param name="PerEnrolment">Attribute columns kept per enrolment (the key's own columns among them).</param>
/// <param name="Found">"the mapping" or the evidence the key was found from; null when the rows are not enrolments.</param>
internal sealed record EnrolmentPlan(IReadOnlyList<int> Key, IReadOnlyList<int> Context, IReadOnlySet<int> PerEnrolment, string? Found)
{
    private static readonly string[] _contextWords = ["course", "module", "presentation", "class", "group", "cohort", "programme", "program", "cours", "classe", "session", "term"];

    public static EnrolmentPlan None { get; } = new([], [], new HashSet<int>(), null);

    public bool IsEnrolments => Key.Count > 0;

    /// <summary>
    /// Decides the plan with one grouping of the stage by student (<c>conflicted_N</c>: the rare students whose rows
    /// disagree, with a flag per column), then small groupings of those students only.
    /// </summary>
    public static async Task<(EnrolmentPlan Plan, ImportMapping Mapping)> DecideAsync(DuckDBConnection connection, StagedTable table, ImportMapping mapping, string suffix, CancellationToken cancellationToken)
    {
        var columns = mapping.Columns;
        var idIndex = Index(columns, ColumnRole.StudentId);
        var fixedColumns = columns.Select((c, i) => (c, i)).Where(x => x.c.Role is ColumnRole.School or ColumnRole.Region or ColumnRole.GradeLevel or ColumnRole.Gender or ColumnRole.Attribute)
            .Select(x => x.i).ToList();
        var declared = (mapping.Key ?? []).Select(header => columns.Select((c, i) => (c, i)).FirstOrDefault(x => string.Equals(x.c.Header.Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase)) is { c: not null } hit
                ? hit.i
                : throw new MappingMismatchException($"{table.Source.DisplayName}: the mapping's key names a column '{header}' that the file does not have. Nothing was imported."))
            .Where(i => i != idIndex).Distinct().ToList();
        await Conflicts.CreateAsync(connection, table, idIndex, fixedColumns, suffix, cancellationToken);
        if (idIndex is null || (fixedColumns.Count == 0 && declared.Count == 0))
        {
            return (None, mapping);
        }

        var varying = await Conflicts.VaryingAsync(connection, fixedColumns, suffix, cancellationToken);
        var key = declared;
        var found = declared.Count > 0 ? "the mapping" : null;
        if (key.Count == 0 && varying.Count > 0)
        {
            // The subject first, then attributes named like a course, module, presentation or class, then the others.
            var candidates = columns.Select((c, i) => (c, i)).Where(x => x.c.Role == ColumnRole.Subject).Select(x => x.i)
                .Concat(varying.Where(i => columns[i].Role == ColumnRole.Attribute).OrderBy(i => _contextWords.Any(HeaderNormaliser.Normalise(columns[i].Header).Contains) ? 0 : 1))
                .ToList();
            foreach (var candidate in candidates)
            {
                // A course, module or presentation: a few text values, not a number or a date that differs on every row.
                if (!await Conflicts.NamesContextsAsync(connection, table, candidate, cancellationToken))
                {
                    continue;
                }

                var others = varying.Where(i => i != candidate && columns[i].Role == ColumnRole.Attribute).ToList();
                if (varying.All(i => i == candidate || columns[i].Role == ColumnRole.Attribute)
                    && (others.Count == 0 || (await Conflicts.WithinKeyAsync(connection, table, idIndex.Value, [candidate], others, suffix, cancellationToken)).Count == 0))
                {
                    key = [candidate];
                    found = $"a student's rows differ in {string.Join(", ", others.Select(i => "'" + columns[i].Header + "'").DefaultIfEmpty("'" + columns[candidate].Header + "'"))}, but never within one '{columns[candidate].Header}'";
                    break;
                }
            }
        }

        if (key.Count == 0)
        {
            return (None, mapping);
        }

        var attributes = varying.Where(i => columns[i].Role == ColumnRole.Attribute && !key.Contains(i)).ToList();
        var unsteady = attributes.Count == 0 ? [] : await Conflicts.WithinKeyAsync(connection, table, idIndex.Value, key, attributes, suffix, cancellationToken);
        var perEnrolment = attributes.Where(i => !unsteady.Contains(i)).Concat(key.Where(i => columns[i].Role == ColumnRole.Attribute)).ToHashSet();
        var context = key.Where(i => columns[i].Role is not (ColumnRole.Subject or ColumnRole.Series or ColumnRole.Domain)).ToList();

        // Scores with no subject of their own (wide columns "Mock 1", "Mock 2" on rows per course): the course is their subject.
        var scoresHaveSubject = Index(columns, ColumnRole.Subject) is not null || mapping.DefaultSubject is not null
            || columns.Where(c => c.Role is ColumnRole.Score or ColumnRole.Baseline).All(c => c.Subject is not null);
        if (!scoresHaveSubject && context.Count > 0)
        {
            var subject = context[0];
            context.RemoveAt(0);
            mapping = mapping with { Columns = [.. columns.Select((c, i) => i == subject ? c with { Role = ColumnRole.Subject, Evidence = "the enrolment's course: the scores' subject" } : c)] };
            perEnrolment.Remove(subject);
        }

        return (new EnrolmentPlan(key, context, perEnrolment, found), mapping);
    }

    /// <summary>"(student_id, course)", for messages.</summary>
    public string Describe(ImportMapping mapping) =>
        "(" + string.Join(", ", new[] { mapping.Columns.First(c => c.Role == ColumnRole.StudentId).Header }.Concat(Key.Select(i => mapping.Columns[i].Header))) + ")";

    private static int? Index(IReadOnlyList<ColumnMapping> columns, ColumnRole role)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Role == role)
            {
                return i;
            }
        }

        return null;
    }
}
