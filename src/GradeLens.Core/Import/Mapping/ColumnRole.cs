namespace GradeLens.Core.Import.Mapping;

/// <summary>What a source column means in the canonical (tidy) model.</summary>
public enum ColumnRole
{
    /// <summary>Not stored; listed in the health report as unmapped.</summary>
    Ignore,

    // ---- students files ----
    StudentId,
    School,
    Region,
    GradeLevel,
    Gender,
    /// <summary>Any other categorical attribute of a student (lunch, ethnicity, SEN...). Stored by header name.</summary>
    Attribute,
    /// <summary>Long form: the subject of this row.</summary>
    Subject,
    /// <summary>Long form: the series of this row (Baseline, Mock 1, G1...).</summary>
    Series,
    /// <summary>Long form: the domain of this row (Reading, Writing...).</summary>
    Domain,
    /// <summary>A score. Wide form: subject and/or series are fixed on the column; long form: they come from the row.</summary>
    Score,
    /// <summary>An expected grade (YELLIS/FFT target). Wide form: subject fixed on the column.</summary>
    Baseline,
    /// <summary>Date the assessment was taken.</summary>
    Date,
    /// <summary>Maximum possible score of the row's assessment.</summary>
    MaxScore,
    /// <summary>The weight of the row's assessment in its module (from an assessments table).</summary>
    Weight,
    /// <summary>A column computed from others (e.g. GCSE minus BASELINE): checked if a rule is given, never stored.</summary>
    Derived,

    // ---- areas files ----
    /// <summary>The area's name at <see cref="ColumnMapping.AreaLevel"/> (state, county, zip...).</summary>
    Area,
    /// <summary>The area's code or id (FIPS, STATE_ID...).</summary>
    AreaCode,
    Year,
    /// <summary>A numeric socio-economic measure of an area (poverty %, income...). Named by <see cref="ColumnMapping.Measure"/> or the header.</summary>
    Measure,
    /// <summary>An area's average score; grade and subject come from the column or the row.</summary>
    AreaScore,
}
