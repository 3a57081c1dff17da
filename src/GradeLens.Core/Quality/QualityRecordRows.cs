namespace GradeLens.Core.Quality;

/// <summary>
/// <see cref="QualityData"/> as rows of the quality tables: for each table its values in <see cref="QualityTable.Columns"/>
/// order (one reused array per table, read before the next row is asked for).
/// </summary>
internal static class QualityRecordRows
{
    public static IEnumerable<(QualityTable Table, IEnumerable<object?[]> Rows)> Of(QualityData data)
    {
        yield return (QualityTables.Programmes, Rows(data.Programmes, (p, r) => Fill(r, p.ProgrammeId, p.Name, p.Faculty)));
        yield return (QualityTables.Modules, Rows(data.Modules, (m, r) => Fill(r, m.ModuleId, m.ProgrammeId, m.Title, m.Term)));
        yield return (QualityTables.Enrolments, Rows(data.Enrolments, (e, r) => Fill(r, e.StudentId, e.ModuleId)));
        yield return (QualityTables.Assessments, Rows(data.Assessments, (a, r) => Fill(r, a.AssessmentId, a.ModuleId, a.Title, a.DueOn, a.ReturnedOn, a.Weight)));
        yield return (QualityTables.Grades, Rows(data.Grades, (g, r) => Fill(r, g.StudentId, g.AssessmentId, g.SubmittedOn, g.Grade)));
        yield return (QualityTables.SurveyAnswers, Rows(data.Surveys, (s, r) => Fill(r, s.StudentId, s.ModuleId, s.Question, s.Theme, s.Score)));
        yield return (QualityTables.SurveySummaries, Rows(data.SurveySummaries, (s, r) => Fill(r, s.ModuleId, s.Theme, s.MeanScore, s.Responses, s.Invited)));
        yield return (QualityTables.SupportVisits, Rows(data.SupportVisits, (v, r) => Fill(r, v.StudentId, v.ModuleId, v.VisitedOn, v.Term, v.Service, v.Visits)));
        yield return (QualityTables.Complaints, Rows(data.Complaints, (c, r) => Fill(r, c.ComplaintId, c.StudentId, c.Category, c.SubmittedOn, c.ResolvedOn, c.Upheld)));
        yield return (QualityTables.Placements, Rows(data.Placements, (p, r) => Fill(r, p.StudentId, p.Partner, p.StartOn, p.EndOn, p.Outcome)));
        yield return (QualityTables.Admissions, Rows(data.Admissions, (a, r) => Fill(r, a.ApplicationId, a.StudentId, a.Route, a.OfferStatus, a.DecidedOn)));
    }

    private static IEnumerable<object?[]> Rows<T>(IReadOnlyList<T> items, Action<T, object?[]> fill)
    {
        var row = new object?[8];
        foreach (var item in items)
        {
            fill(item, row);
            yield return row;
        }
    }

    private static void Fill(object?[] row, params ReadOnlySpan<object?> values) => values.CopyTo(row);
}
