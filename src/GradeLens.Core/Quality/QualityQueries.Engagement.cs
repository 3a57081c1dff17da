using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Quality;

internal static partial class QualityQueries
{
    /// <summary>The study's engagement index per programme and term, and % positive per theme and question with the response-rate gate.</summary>
    public static async Task<EngagementAnswer> EngagementAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rule = Rule(scope, options);
        var visits = await VisitMediansAsync(connection, sql, scope, filter, cancellationToken);
        var surveys = await SurveyTotalsAsync(connection, sql, scope, filter, perProgrammeTerm: true, cancellationToken);
        var programmes = visits.Select(v =>
        {
            var survey = surveys.GetValueOrDefault((v.ProgrammeId, v.Term));
            var responses = survey?.Responses ?? 0;
            var suppressed = rule.Suppresses(v.Students) || rule.Suppresses(responses);
            double? mean = suppressed ? null : survey?.Mean;
            double? median = rule.Suppresses(v.Students) ? null : v.MedianVisits;
            return new EngagementIndex(v.ProgrammeId, v.Programme, v.Faculty, v.Term, rule.Publish(v.Students), rule.Publish(responses),
                median, mean, mean is { } m && median is { } d ? m * Math.Log(1 + d) : null, survey?.Source, suppressed);
        });

        var answers = await AnswerCountsAsync(connection, sql, scope, filter, options, cancellationToken);
        var summaries = await SummaryCountsAsync(connection, sql, scope, filter, cancellationToken);
        var results = SurveyResults.FromAnswers(answers, rule, options).Concat(SurveyResults.FromSummaries(summaries, rule, options)).ToList();
        var notes = new List<string>();
        if (summaries.Count > 0)
        {
            notes.Add("Some survey results are a survey tool's module rows (a mean and a number of responses): % positive cannot be computed from them, only the mean.");
        }

        if (answers.Count == 0 && summaries.Count == 0)
        {
            notes.Add("No survey results for these modules.");
        }

        return new EngagementAnswer(QualityScopeSql.Sorted(programmes, p => p.ProgrammeId, p => p.Term), results, notes);
    }
}

/// <summary>Survey results as published: % positive with its interval, the response rate, and the gate.</summary>
internal static class SurveyResults
{
    public static IEnumerable<SurveyResult> FromAnswers(
        IReadOnlyList<(string Theme, string Question, long Responses, long Positive, double ScoreSum, long Invited)> counts, SuppressionRule rule, QualityOptions options)
    {
        foreach (var theme in counts.GroupBy(c => c.Theme).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var label = theme.Key.Length == 0 ? null : theme.Key;
            yield return Answers(label, null, theme.Sum(c => c.Responses), theme.Sum(c => c.Positive), theme.Sum(c => c.ScoreSum), theme.Sum(c => c.Invited), rule, options);
            foreach (var question in theme.OrderBy(c => c.Question, StringComparer.Ordinal))
            {
                yield return Answers(label, question.Question, question.Responses, question.Positive, question.ScoreSum, question.Invited, rule, options);
            }
        }
    }

    public static IEnumerable<SurveyResult> FromSummaries(
        IReadOnlyList<(string Theme, long Responses, double ScoreSum, long? Invited)> counts, SuppressionRule rule, QualityOptions options)
    {
        foreach (var (theme, responses, scoreSum, invited) in counts.OrderBy(c => c.Theme, StringComparer.Ordinal))
        {
            double? rate = invited is > 0 ? (double)responses / invited.Value : null;
            var (withheld, note) = Gate(responses, rate, invited, rule, options);
            note = note is null ? "% positive cannot be computed from a survey tool's aggregated rows" : note + "; % positive cannot be computed from aggregated rows";
            yield return new SurveyResult(theme, null, "summaries", rule.Publish(responses), invited is { } i ? rule.Publish(i) : null, rate,
                withheld || responses == 0 ? null : scoreSum / responses, null, withheld, note);
        }
    }

    private static SurveyResult Answers(string? theme, string? question, long responses, long positive, double scoreSum, long invited, SuppressionRule rule, QualityOptions options)
    {
        double? rate = invited > 0 ? (double)responses / invited : null;
        var (withheld, note) = Gate(responses, rate, invited, rule, options);
        return new SurveyResult(theme, question, "answers", rule.Publish(responses), rule.Publish(invited), rate,
            withheld ? null : scoreSum / responses, withheld ? null : ProportionEstimate.From(positive, responses, rule, options.Confidence), withheld, note);
    }

    /// <summary>Withheld: too few responses, an impossible response rate, or a rate under the gate; an unknown rate is said, not gated.</summary>
    private static (bool Withheld, string? Note) Gate(long responses, double? rate, long? invited, SuppressionRule rule, QualityOptions options)
    {
        if (rule.Suppresses(responses))
        {
            return (true, $"low: fewer responses than the minimum of {rule.Minimum}");
        }

        if (rate is null)
        {
            // Many survey tools export no number invited: the mean of those who answered is shown, and said to be ungated.
            return (false, invited is null ? "the response rate is unknown (no number invited): not checked against the gate" : "the response rate is unknown (no students enrolled): not checked against the gate");
        }

        if (rate > 1)
        {
            return (true, "more responses than students invited: the response rate cannot be trusted");
        }

        return rate < options.Surveys.ResponseRateGate
            ? (true, string.Create(CultureInfo.InvariantCulture, $"response rate {100 * rate:0}% is under the {100 * options.Surveys.ResponseRateGate:0}% gate"))
            : (false, null);
    }
}
