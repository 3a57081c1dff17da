using GradeLens.Core.Exports;

namespace GradeLens.Core.Explore;

/// <summary>The Explore tables as CSV, one schema for the CLI, the page and the report: the groups, the pairs and the ranking.</summary>
public static class ExploreCsv
{
    public static readonly string[] GroupHeader =
        ["subject", "series", "domain", "attribute", "group", "students", "mean", "mean_lower", "mean_upper", "sd", "q1", "median", "q3"];

    public static readonly string[] PairHeader =
        ["subject", "series", "attribute", "group", "other", "group_students", "other_students", "difference", "lower", "upper", "t", "df", "p", "q", "hedges_g"];

    public static readonly string[] RankingHeader =
        ["subject", "series", "rank", "attribute", "students", "groups", "omega_squared", "eta_squared", "eta_squared_lower", "eta_squared_upper", "p_welch", "q", "reason"];

    public static string Groups(ExploreView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new CsvText(GroupHeader);
        foreach (var g in view.Groups)
        {
            csv.Row([.. Score(view.Score), CsvText.Text(view.Attribute), CsvText.Text(g.Name), CsvText.Number(g.Students), CsvText.Number(g.Mean),
                CsvText.Number(g.Lower), CsvText.Number(g.Upper), CsvText.Number(g.StandardDeviation),
                CsvText.Number(g.LowerQuartile), CsvText.Number(g.Median), CsvText.Number(g.UpperQuartile)]);
        }

        return csv.ToString();
    }

    public static string Pairs(ExploreView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new CsvText(PairHeader);
        foreach (var p in view.Tests.Pairs)
        {
            csv.Row([CsvText.Text(view.Score.Subject), CsvText.Text(view.Score.Series), CsvText.Text(view.Attribute), CsvText.Text(p.Group), CsvText.Text(p.Other),
                CsvText.Number(p.GroupStudents), CsvText.Number(p.OtherStudents), CsvText.Number(p.Difference), CsvText.Number(p.Lower), CsvText.Number(p.Upper),
                CsvText.Number(p.T), CsvText.Number(p.DegreesOfFreedom), CsvText.Number(p.P), CsvText.Number(p.Q), CsvText.Number(p.HedgesG)]);
        }

        return csv.ToString();
    }

    public static string Ranking(ExploreRanking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var csv = new CsvText(RankingHeader);
        foreach (var a in ranking.Attributes)
        {
            csv.Row([CsvText.Text(ranking.Score.Subject), CsvText.Text(ranking.Score.Series), CsvText.Number(a.Rank), CsvText.Text(a.Attribute), CsvText.Number(a.Students),
                CsvText.Number(a.Groups), CsvText.Number(a.OmegaSquared), CsvText.Number(a.EtaSquared), CsvText.Number(a.Lower), CsvText.Number(a.Upper),
                CsvText.Number(a.P), CsvText.Number(a.Q), CsvText.Text(a.Reason)]);
        }

        return csv.ToString();
    }

    private static string[] Score(ExploreScore score) => [CsvText.Text(score.Subject), CsvText.Text(score.Series), CsvText.Text(score.Domain)];
}
