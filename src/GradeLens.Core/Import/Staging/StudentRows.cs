using System.Globalization;
using System.Text;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Builds the SQL view <c>long_N</c> that turns a staged students table, wide or long, into one row per
/// student x score cell: row_index, student_id, school, region, grade_level, gender, subject, series,
/// domain, taken_raw, weight_raw, max_raw, enrolment, the attributes a_i, score_column, grp (the scale group), raw, declared_missing, is_baseline.
/// </summary>
internal sealed class StudentRows(StagedTable table, ImportMapping mapping, EnrolmentPlan plan)
{
    public StagedTable Table => table;

    public ImportMapping Mapping => mapping;

    public EnrolmentPlan Plan => plan;

    public const string DefaultSeries = "Final";

    /// <summary>The cohort the file is imported as (its series are "COHORT: series"), or null.</summary>
    public string? Cohort { get; init; }

    public string ViewName { get; } = table.Name.Replace("stage_", "long_", StringComparison.Ordinal);

    /// <summary>Score and baseline columns: (index, mapping).</summary>
    public IReadOnlyList<(int Index, ColumnMapping Column)> ScoreColumns { get; } =
        mapping.Columns.Select((c, i) => (i, c)).Where(x => x.c.Role is ColumnRole.Score or ColumnRole.Baseline).ToList();

    public bool IsLong => Index(ColumnRole.Subject) is not null || Index(ColumnRole.Series) is not null;

    public bool HasStudentId => Index(ColumnRole.StudentId) is not null;

    /// <summary>Attribute columns kept once per student: (index, header).</summary>
    public IReadOnlyList<(int Index, string Header)> Attributes =>
        mapping.Columns.Select((c, i) => (i, c)).Where(x => x.c.Role == ColumnRole.Attribute && !plan.PerEnrolment.Contains(x.i)).Select(x => (x.i, x.c.Header)).ToList();

    /// <summary>Attribute columns kept per enrolment: (index, header).</summary>
    public IReadOnlyList<(int Index, string Header)> EnrolmentAttributes =>
        plan.PerEnrolment.Order().Select(i => (i, mapping.Columns[i].Header)).ToList();

    /// <summary>The subject used when neither a column nor the mapping gives one: the file's name.</summary>
    public string FallbackSubject { get; } = mapping.DefaultSubject ?? Path.GetFileNameWithoutExtension(table.Source.OriginalPath);

    public int? Index(ColumnRole role)
    {
        for (var i = 0; i < mapping.Columns.Count; i++)
        {
            if (mapping.Columns[i].Role == role)
            {
                return i;
            }
        }

        return null;
    }

    public string CreateViewSql()
    {
        // A file with no score column still lists its students: one empty cell per row keeps them.
        var cells = ScoreColumns.Select(x => Cell(x.Index, x.Column))
            .DefaultIfEmpty("{'header': NULL::VARCHAR, 'subject': NULL::VARCHAR, 'series': NULL::VARCHAR, 'domain': NULL::VARCHAR, " +
                            "'raw': NULL::VARCHAR, 'missing': false, 'baseline': false}")
            .ToList();
        var series = $"COALESCE(u.series, {Field(ColumnRole.Series)}, {Sql.Text(mapping.DefaultSeries ?? DefaultSeries)})";
        if (plan.Context.Count > 0)
        {
            series = $"{series} || COALESCE(' (' || NULLIF(concat_ws(' / ', {string.Join(", ", plan.Context.Select(table.Value))}), '') || ')', '')";
        }

        if (Cohort is not null)
        {
            series = $"{Sql.Text(Cohort + ": ")} || {series}";
        }

        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"CREATE OR REPLACE TEMP VIEW {ViewName} AS SELECT row_index, ");
        sql.Append(CultureInfo.InvariantCulture, $"{StudentIdExpression()} AS student_id, ");
        sql.Append(CultureInfo.InvariantCulture, $"{Field(ColumnRole.School)} AS school, {Field(ColumnRole.Region)} AS region, ");
        sql.Append(CultureInfo.InvariantCulture, $"{Field(ColumnRole.GradeLevel)} AS grade_level, {Field(ColumnRole.Gender)} AS gender, ");
        sql.Append(CultureInfo.InvariantCulture, $"COALESCE(u.subject, {Field(ColumnRole.Subject)}, {Sql.Text(FallbackSubject)}) AS subject, ");
        sql.Append(CultureInfo.InvariantCulture, $"{series} AS series, ");
        sql.Append(CultureInfo.InvariantCulture, $"COALESCE(u.domain, {Field(ColumnRole.Domain)}, '') AS domain, ");
        sql.Append(CultureInfo.InvariantCulture, $"{Field(ColumnRole.Date)} AS taken_raw, {Field(ColumnRole.Weight)} AS weight_raw, {Field(ColumnRole.MaxScore)} AS max_raw, ");
        sql.Append(plan.IsEnrolments ? $"concat_ws(' / ', {string.Join(", ", plan.Key.Select(table.Value))})" : "NULL::VARCHAR").Append(" AS enrolment, ");
        foreach (var (index, _) in Attributes.Concat(EnrolmentAttributes))
        {
            sql.Append(CultureInfo.InvariantCulture, $"{table.Value(index)} AS a_{index}, ");
        }

        sql.Append("u.header AS score_column, ");
        sql.Append(IsLong ? $"COALESCE(u.subject, {Field(ColumnRole.Subject)}, {Sql.Text(FallbackSubject)})" : "u.header").Append(" AS grp, ");
        sql.Append("CASE WHEN u.missing THEN NULL ELSE u.raw END AS raw, u.missing AS declared_missing, ");
        sql.Append(CultureInfo.InvariantCulture, $"(u.baseline OR {BaselineSeriesCondition()}) AS is_baseline ");
        // One score cell per row (a long file) needs no UNNEST: the struct is the cell.
        sql.Append(cells.Count == 1
            ? $"FROM (SELECT *, {cells[0]} AS u FROM {table.Name})"
            : $"FROM (SELECT *, UNNEST([{string.Join(", ", cells)}]) AS u FROM {table.Name})");
        return sql.ToString();
    }

    private string Cell(int index, ColumnMapping column)
    {
        var raw = table.Value(index);
        var missing = column.Missing.Count == 0
            ? "false"
            : $"COALESCE({raw} IN ({string.Join(", ", column.Missing.Select(m => Sql.Text(m.Trim())))}), false)";
        return $"{{'header': {Sql.Text(column.Header)}, 'subject': {Sql.Text(column.Subject)}::VARCHAR, 'series': {Sql.Text(column.Series)}::VARCHAR, " +
               $"'domain': {Sql.Text(column.Domain)}::VARCHAR, 'raw': {raw}, 'missing': {missing}, 'baseline': {(column.Role == ColumnRole.Baseline ? "true" : "false")}}}";
    }

    private string StudentIdExpression()
    {
        if (Index(ColumnRole.StudentId) is { } index)
        {
            return table.Value(index);
        }

        // Stable generated ids: the file's name and the row's line, so re-importing the same file gives the same ids.
        var stem = Path.GetFileNameWithoutExtension(table.Source.OriginalPath);
        var sheet = table.Source.Sheet is null ? "" : "[" + table.Source.Sheet + "]";
        return $"{Sql.Text(stem + sheet + "#")} || (row_index + {table.Source.FirstDataLine})::VARCHAR";
    }

    private string Field(ColumnRole role) => Index(role) is { } index ? table.Value(index) : "NULL::VARCHAR";

    private string BaselineSeriesCondition()
    {
        if (mapping.BaselineSeries.Count == 0 || Index(ColumnRole.Series) is not { } index)
        {
            return "false";
        }

        var names = string.Join(", ", mapping.BaselineSeries.Select(s => Sql.Text(s.Trim().ToUpperInvariant())));
        return $"COALESCE(upper({table.Value(index)}) IN ({names}), false)";
    }
}
