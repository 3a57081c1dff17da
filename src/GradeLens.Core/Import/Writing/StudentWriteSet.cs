using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Staging;

namespace GradeLens.Core.Import.Writing;

/// <summary>
/// What a validated students table writes, as views in the staging DuckDB connection, keyed by natural keys
/// (student id; series, subject and domain) so any store can resolve them to its own keys:
/// <c>new_assessments_N</c>, <c>new_students_N</c> (with the key a new student gets), <c>new_attributes_N</c>,
/// <c>new_results_N</c> and <c>new_baselines_N</c>. How a store upserts them is the store's writer.
/// </summary>
internal sealed class StudentWriteSet(StudentRows rows, string suffix)
{
    public string Suffix => suffix;

    /// <summary>The file the rows came from, for messages.</summary>
    public string Source => rows.Table.Source.DisplayName;

    /// <summary>The file had no student id column: ids were generated from the file name and line.</summary>
    public bool IdsGenerated => !rows.HasStudentId;

    public string Assessments => "new_assessments_" + suffix;

    public string Students => "new_students_" + suffix;

    public string Attributes => "new_attributes_" + suffix;

    public string Results => "new_results_" + suffix;

    public string Baselines => "new_baselines_" + suffix;

    public string EnrolmentAttributes => "new_enrolment_attributes_" + suffix;

    /// <summary>Creates the views (cheap: nothing is computed until a writer reads them).</summary>
    public async Task CreateViewsAsync(DuckDBConnection staging, string organisation, CancellationToken cancellationToken)
    {
        var org = Sql.Text(organisation);
        // Only cells given more than once (identical repeats; conflicting ones were rejected) need collapsing.
        var repeated = await ColumnFacts.ScalarAsync(staging, $"SELECT count(*) FROM cells_{suffix}", cancellationToken) > 0;
        // Without rejected rows (the usual case) every scored row is valid: no anti-join on each of the five reads below.
        var rejected = await ColumnFacts.ScalarAsync(staging, $"SELECT count(*) FROM bad_{suffix}", cancellationToken) > 0;
        var cells = string.Join(", ", rows.Attributes.Select(a => $"{{'name': {Sql.Text(a.Header)}, 'value': a_{a.Index.ToString(CultureInfo.InvariantCulture)}}}")
            .Concat(rows.Cohort is null ? [] : [$"{{'name': 'cohort', 'value': {Sql.Text(rows.Cohort)}}}"]));
        var enrolmentCells = string.Join(", ", rows.EnrolmentAttributes.Select(a => $"{{'name': {Sql.Text(a.Header)}, 'value': a_{a.Index.ToString(CultureInfo.InvariantCulture)}}}"));
        var enrolmentAttributes = rows.EnrolmentAttributes.Count == 0
            ? "SELECT NULL::VARCHAR AS student_id, NULL::VARCHAR AS enrolment, NULL::VARCHAR AS name, NULL::VARCHAR AS value WHERE false"
            : $"""
              SELECT student_id, enrolment, u.name, any_value(u.value) AS value
              FROM (SELECT student_id, enrolment, UNNEST([{enrolmentCells}]) AS u FROM valid_{suffix})
              WHERE u.value IS NOT NULL AND enrolment IS NOT NULL GROUP BY ALL
              """;
        var attributes = cells.Length == 0
            ? "SELECT NULL::VARCHAR AS student_id, NULL::VARCHAR AS name, NULL::VARCHAR AS value WHERE false"
            : $"""
              SELECT student_id, u.name, any_value(u.value) AS value
              FROM (SELECT student_id, UNNEST([{cells}]) AS u FROM valid_{suffix})
              WHERE u.value IS NOT NULL GROUP BY ALL
              """;
        await PreparedTable.ExecuteAsync(staging, $"""
            CREATE OR REPLACE TEMP VIEW valid_{suffix} AS
            SELECT * FROM scored_{suffix} v WHERE student_id IS NOT NULL
              {(rejected ? $"AND NOT EXISTS (SELECT 1 FROM bad_{suffix} b WHERE b.row_index = v.row_index)" : "")};

            CREATE OR REPLACE TEMP VIEW {Assessments} AS
            SELECT v.series, {SeriesOrder("v.series")} AS series_order, v.subject, v.domain, min(v.taken_on) AS taken_on,
                   any_value(v.scale_id) AS scale_id, COALESCE(max(v.row_max), any_value(sc.max_score)) AS max_score,
                   COALESCE(max(v.row_max) / any_value(sc.max_value) * any_value(sc.proficiency), any_value(sc.proficiency)) AS proficiency,
                   any_value(v.weight) AS weight
            FROM valid_{suffix} v JOIN scales_{suffix} sc ON sc.grp = v.grp
            WHERE NOT v.is_baseline AND v.score IS NOT NULL GROUP BY v.series, v.subject, v.domain;

            CREATE OR REPLACE TEMP VIEW {Students} AS
            SELECT student_id, any_value(school) AS school, any_value(region) AS region, any_value(grade_level) AS grade_level,
                   any_value(gender) AS gender, (hash({org} || chr(31) || student_id) >> 1)::BIGINT AS new_key
            FROM valid_{suffix} GROUP BY student_id;

            CREATE OR REPLACE TEMP VIEW {Attributes} AS {attributes};

            CREATE OR REPLACE TEMP VIEW {EnrolmentAttributes} AS {enrolmentAttributes};

            CREATE OR REPLACE TEMP VIEW {Results} AS
            SELECT student_id, series, subject, domain,
                   {(repeated ? "any_value(score)" : "score")} AS score, {(repeated ? "any_value(grade_label)" : "grade_label")} AS grade
            FROM valid_{suffix} WHERE NOT is_baseline AND score IS NOT NULL
            {(repeated ? "GROUP BY student_id, series, subject, domain" : "")};

            CREATE OR REPLACE TEMP VIEW {Baselines} AS
            SELECT student_id, subject, any_value(score) AS expected, any_value(scale_id) AS scale,
                   any_value(CASE WHEN score_column IS NOT NULL AND NOT {(rows.IsLong ? "true" : "false")} THEN score_column ELSE series END) AS source
            FROM valid_{suffix} WHERE is_baseline AND score IS NOT NULL GROUP BY student_id, subject;
            """, cancellationToken);
    }

    /// <summary>Baseline first, then mocks and numbered periods in order, the final last.</summary>
    internal static string SeriesOrder(string column) => $"""
        CASE WHEN regexp_matches(lower({column}), 'baseline|yellis|target|expected|fft|predicted') THEN 0
             WHEN regexp_matches(lower({column}), 'final|gcse|exam|end of year|summer') THEN 1000
             WHEN TRY_CAST(regexp_extract({column}, '(\d+)', 1) AS INTEGER) BETWEEN 1 AND 99 THEN 10 * TRY_CAST(regexp_extract({column}, '(\d+)', 1) AS INTEGER)
             ELSE 500 END
        """;
}
