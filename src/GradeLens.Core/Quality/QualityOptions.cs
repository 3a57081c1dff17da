using System.Globalization;

namespace GradeLens.Core.Quality;

/// <summary>Every threshold of the Quality KPIs. The defaults are the study's rules and UK practice (issue 13).</summary>
public sealed record QualityOptions
{
    public static QualityOptions Default { get; } = new();

    public MarkRule Marks { get; init; } = new();

    public SuppressionRule Suppression { get; init; } = new();

    public AtRiskRule AtRisk { get; init; } = new();

    public SurveyRule Surveys { get; init; } = new();

    /// <summary>Feedback is on time when returned within this many working days of the deadline (15-20 is typical).</summary>
    public int PolicyWorkingDays { get; init; } = 20;

    /// <summary>Confidence of the Wilson intervals and the level of the trend tests (0.95: 5% two-sided).</summary>
    public double Confidence { get; init; } = 0.95;
}

/// <summary>How a student's module mark is made, and what passes.</summary>
/// <param name="PassMark">A module mark at or above this passes.</param>
/// <param name="Weighted">True: weighted by the assessments' weights (a module without a weight for every assessment
/// falls back to equal weights); false: the plain mean over the assessments (the study).</param>
/// <param name="MissingSubmission">What an assessment without a mark counts as.</param>
public sealed record MarkRule(double PassMark = 50, bool Weighted = false, MissingSubmission MissingSubmission = MissingSubmission.LeftOut)
{
    /// <summary>The rule in one sentence, for the page and the reports.</summary>
    public string Describe()
    {
        var mean = Weighted ? "weighted mean (by assessment weights)" : "mean";
        var missing = MissingSubmission == MissingSubmission.CountedAsZero
            ? "an assessment without a mark counts as 0"
            : "an assessment without a mark is left out (a student with no mark at all is not counted)";
        return string.Create(CultureInfo.InvariantCulture, $"pass = a student's {mean} mark over a module's assessments ≥ {PassMark:0.##}; {missing}");
    }
}

public enum MissingSubmission
{
    /// <summary>Left out of the mean (the study: pandas' mean skips missing marks).</summary>
    LeftOut,

    /// <summary>Counted as a mark of 0.</summary>
    CountedAsZero,
}

/// <summary>Small-number rules: no rate under <paramref name="Minimum"/>; in release mode counts are rounded to 5.</summary>
/// <param name="Minimum">The smallest number of students (results, responses) a rate, mean or interval is shown for (OfS: 23); under it, "low".</param>
/// <param name="Release">Round every published count to the nearest multiple of 5 (rates stay computed from the true counts).</param>
/// <param name="MinimumAssessments">The same for the turnaround rates, whose denominators are assessments, not people (a
/// programme sets a few dozen a term): under it, "low".</param>
public sealed record SuppressionRule(int Minimum = 23, bool Release = false, int MinimumAssessments = 10)
{
    public bool Suppresses(long denominator) => denominator < Minimum;

    /// <summary>The rule for rates over assessments: <see cref="MinimumAssessments"/> as the minimum.</summary>
    public SuppressionRule ForAssessments() => this with { Minimum = MinimumAssessments };

    /// <summary>A count as published: itself, or in release mode the nearest multiple of 5 (1 and 2 become 0).</summary>
    public long Publish(long count) => Release ? (long)Math.Round(count / 5.0, MidpointRounding.AwayFromZero) * 5 : count;
}

/// <summary>The study's at-risk rule: pass rate under <paramref name="PassRate"/> and mean survey score under <paramref name="SurveyMean"/>.</summary>
public sealed record AtRiskRule(double PassRate = 0.70, double SurveyMean = 3.5);

/// <summary>Survey rules: an answer is positive from <paramref name="PositiveFrom"/> (4-5 of 5); results are withheld under the response-rate gate.</summary>
public sealed record SurveyRule(int PositiveFrom = 4, double ResponseRateGate = 0.5);

/// <summary>Which part of the university a KPI covers; null for all.</summary>
public sealed record QualityFilter(string? Faculty = null, string? Programme = null, string? Term = null)
{
    public static QualityFilter All { get; } = new();
}
