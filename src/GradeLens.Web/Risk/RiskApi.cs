using System.Globalization;
using GradeLens.Core.Accounts;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Risk;

/// <summary>Chart-ready answers for the Risk, Triage, Clusters, Students and Models pages.</summary>
public static class RiskApi
{

    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Risk");
        group.MapGet("/risk", GetRiskAsync).WithName("GetRisk");
        group.MapGet("/triage", GetTriageAsync).WithName("GetTriage").RequireAuthorization(Policies.StudentRows);
        group.MapGet("/clusters", GetClustersAsync).WithName("GetClusters").RequireAuthorization(Policies.StudentRows);
        group.MapGet("/students/{studentId}", GetStudentAsync).WithName("GetStudent").RequireAuthorization(Policies.StudentRows);
        group.MapGet("/models", GetModelAsync).WithName("GetModel");
        group.MapGet("/models/columns", GetModelColumnsAsync).WithName("GetModelColumns");
        return app;
    }

    /// <summary>The at-risk model's cross-validated evaluation: AUC with CI, Brier, log-loss, reliability bins, AUC per protected group, odds ratios.</summary>
    public static async Task<Results<Ok<RiskView>, ValidationProblem, ProblemHttpResult>> GetRiskAsync(
        HttpContext context, IGradeStore store, [AsParameters] RiskQuery query, CancellationToken cancellationToken)
    {
        if (query.Validate() is { } invalid)
        {
            return invalid;
        }

        try
        {
            var result = await RiskAnalysis.RunAsync(store, context.Scope(), query.ToRequest(), query.ToOptions(), cancellationToken);
            var f = result.Features;
            return TypedResults.Ok(new RiskView(f.Request.TargetSeries, f.Request.TargetSubject, f.Threshold, f.FeatureSeries, f.Training.Features.Names, f.Notes, result.Report));
        }
        catch (RiskDataException e)
        {
            return Refused(e);
        }
    }

    /// <summary>Students ranked by calibrated risk, cut at a capacity ("we can see 30") or a minimum risk, each with the top reasons.</summary>
    public static async Task<Results<Ok<TriageView>, ValidationProblem, ProblemHttpResult>> GetTriageAsync(
        HttpContext context, IGradeStore store, [AsParameters] RiskQuery query, int? capacity, double? minimumRisk, bool? pseudonymise, CancellationToken cancellationToken)
    {
        if (query.Validate() is { } invalid)
        {
            return invalid;
        }

        if (capacity is < 1 || minimumRisk is < 0 or > 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["capacity"] = ["Capacity is a positive number of students; minimumRisk is between 0 and 1."] });
        }

        try
        {
            var result = await RiskAnalysis.RunAsync(store, context.Scope(), query.ToRequest(), query.ToOptions(), cancellationToken);
            // Pseudonyms: a keyed hash with the organisation's secret, the same in every export of that organisation.
            var name = pseudonymise == true ? await Pseudonyms.ForAsync(store.Accounts, context.Scope().Organisation, cancellationToken) : id => id;
            var selected = result.Ranked.Where(s => minimumRisk is null || s.Risk >= minimumRisk).Take(capacity ?? int.MaxValue).ToList();
            var rows = selected.Select((s, i) => new TriageRow(
                i + 1,
                name(s.StudentId),
                s.Risk,
                s.Outcome switch { true => "yes", false => "no", null => "not yet" },
                string.Join("; ", s.Reasons.Select(c => $"{c.Feature} = {c.Value:0.##}")),
                s.Reasons)).ToList();
            var cut = capacity is not null ? $"the {rows.Count} highest-risk students (capacity {capacity})"
                : minimumRisk is not null ? $"{rows.Count} students with a risk of at least {minimumRisk:P0}" : $"all {rows.Count} students";
            return TypedResults.Ok(new TriageView(result.Features.Request.TargetSeries, result.Features.Request.TargetSubject, result.Features.Threshold,
                result.Ranked.Count, cut, pseudonymise == true, result.Report.Auc, rows));
        }
        catch (RiskDataException e)
        {
            return Refused(e);
        }
    }

    /// <summary>k-means clusters of standardised subject and domain scores in a series: profiles (mean z-score), sizes, silhouettes and members.</summary>
    public static async Task<Results<Ok<ClusterResult>, ValidationProblem, ProblemHttpResult>> GetClustersAsync(
        HttpContext context, IGradeStore store, string? series, int? k, int? seed, CancellationToken cancellationToken)
    {
        if (k is < 2 or > 20)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["k"] = ["Between 2 and 20, or leave it out to choose k by silhouette (2 to 8)."] });
        }

        try
        {
            return TypedResults.Ok(await RememberClustersAsync(store, context.Scope(), series, k, seed ?? 7, cancellationToken));
        }
        catch (RiskDataException e)
        {
            return Refused(e);
        }
    }

    /// <summary>One student: latest grade against baseline in every subject; their risk and reasons when a target is given; their cluster in a series.</summary>
    public static async Task<Results<Ok<StudentView>, NotFound<string>, ValidationProblem, ProblemHttpResult>> GetStudentAsync(
        HttpContext context, IGradeStore store, string studentId, [AsParameters] RiskQuery query, string? clusterSeries, CancellationToken cancellationToken)
    {
        var standings = await store.GetSubjectStandingsAsync(context.Scope(), studentId, cancellationToken);
        var results = await store.GetStudentResultsAsync(context.Scope(), studentId, cancellationToken);
        if (results.Count == 0)
        {
            return TypedResults.NotFound($"No results for the student '{studentId}'.");
        }

        try
        {
            StudentRisk? risk = null;
            if (!string.IsNullOrWhiteSpace(query.Series) && !string.IsNullOrWhiteSpace(query.Subject))
            {
                var result = await RiskAnalysis.RunAsync(store, context.Scope(), query.ToRequest(), query.ToOptions(), cancellationToken);
                risk = result.Ranked.FirstOrDefault(r => r.StudentId == studentId);
            }

            // The same clusters the Clusters page shows (k by silhouette, seed 7), remembered until the data changes.
            ClusterResult? clusters = null;
            try
            {
                clusters = await RememberClustersAsync(store, context.Scope(), clusterSeries, null, 7, cancellationToken);
            }
            catch (RiskDataException)
            {
                // Fewer than two subjects or domains in the series: the student has no cluster there.
            }

            int? cluster = null;
            ClusterProfile? profile = null;
            if (clusters is { StudentIds.Count: >= 10 } && IndexOf(clusters.StudentIds, studentId) is var at and >= 0)
            {
                cluster = clusters.Labels[at];
                profile = clusters.Clusters[cluster.Value - 1];
            }

            var (seriesName, columns) = clusters is null
                ? await store.GetStudentTableAsync(context.Scope(), string.IsNullOrWhiteSpace(clusterSeries) ? null : clusterSeries, cancellationToken) is var table
                    ? (table.Series, table.Scores.Names) : default
                : (clusters.Series, clusters.Columns);
            return TypedResults.Ok(new StudentView(studentId, standings, results, risk, seriesName, cluster, columns, profile));
        }
        catch (RiskDataException e)
        {
            return Refused(e);
        }
    }

    /// <summary>k-means clusters of a series (the latest when empty) within the scope, computed once and kept with the store's answers until its data changes.</summary>
    private static Task<ClusterResult> RememberClustersAsync(IGradeStore store, Scope scope, string? series, int? k, int seed, CancellationToken cancellationToken)
    {
        var chosen = string.IsNullOrWhiteSpace(series) ? null : series;
        return store.RememberAsync(string.Join('\u001f', "clusters", chosen ?? "", k?.ToString(CultureInfo.InvariantCulture) ?? "", seed.ToString(CultureInfo.InvariantCulture)), scope,
            async token => ClusterAnalysis.Run(await store.GetStudentTableAsync(scope, chosen, token), k, seed), cancellationToken);
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Predict a score (OLS or a random forest) or "below a score" (logistic or a forest) from chosen columns of a series: CV figures, coefficients, permutation importance.</summary>
    public static async Task<Results<Ok<ModelView>, ValidationProblem, ProblemHttpResult>> GetModelAsync(
        HttpContext context, IGradeStore store, string? series, string? outcome, string? features, double? below, bool? forest, int? folds, int? seed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["outcome"] = ["Choose the score to predict."] });
        }

        try
        {
            var table = await store.GetStudentTableAsync(context.Scope(), string.IsNullOrWhiteSpace(series) ? null : series, cancellationToken);
            var result = ScorePrediction.Run(table, new PredictionRequest(outcome, Split(features), below, folds ?? 5, seed ?? 7, forest ?? false));
            return TypedResults.Ok(new ModelView(table.Scores.Names, table.AttributeNames, result, PublishedFigures.For(table, outcome, below)));
        }
        catch (RiskDataException e)
        {
            return Refused(e);
        }
    }

    /// <summary>The score columns and attributes of a series (the latest when none is given), to choose a model's outcome and features from.</summary>
    public static async Task<Results<Ok<ModelColumns>, ProblemHttpResult>> GetModelColumnsAsync(HttpContext context, IGradeStore store, string? series, CancellationToken cancellationToken)
    {
        try
        {
            var table = await store.GetStudentTableAsync(context.Scope(), string.IsNullOrWhiteSpace(series) ? null : series, cancellationToken);
            return TypedResults.Ok(new ModelColumns(table.Series, table.Scores.Names, table.AttributeNames,
                table.AttributeNames.Where(ProtectedAttributes.IsProtected).ToList()));
        }
        catch (RiskDataException e)
        {
            return Refused(e);
        }
    }

    internal static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ProblemHttpResult Refused(RiskDataException e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The model cannot be trained on this");
}

/// <summary>The model's query string: target series and subject, the outcome threshold, features, and evaluation options.</summary>
/// <param name="Features">Comma-separated series whose scores are features (default: every earlier series).</param>
/// <param name="Attributes">Comma-separated attributes (default: every attribute but protected ones).</param>
public sealed record RiskQuery(
    string? Series,
    string? Subject,
    double? Below,
    string? Features,
    string? Attributes,
    bool? IncludeProtected,
    string? Calibration,
    int? Folds,
    int? Seed)
{
    public ValidationProblem? Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Series))
        {
            errors["series"] = ["Choose the target series (the assessment whose result is the outcome)."];
        }

        if (string.IsNullOrWhiteSpace(Subject))
        {
            errors["subject"] = ["Choose the subject of the outcome."];
        }

        if (Folds is < 2 or > 20)
        {
            errors["folds"] = ["Between 2 and 20."];
        }

        if (Calibration is not null && !Enum.TryParse<CalibrationMethod>(Calibration, ignoreCase: true, out _))
        {
            errors["calibration"] = ["platt or isotonic."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    public RiskRequest ToRequest() => new(Series!, Subject!, Below, RiskApi.Split(Features), RiskApi.Split(Attributes), IncludeProtected ?? false);

    public RiskOptions ToOptions() => new(
        Folds: Folds ?? 5,
        Seed: Seed ?? new RiskOptions().Seed,
        Calibration: Calibration is null ? CalibrationMethod.Platt : Enum.Parse<CalibrationMethod>(Calibration, ignoreCase: true));
}

public sealed record RiskView(string Series, string Subject, double Threshold, IReadOnlyList<string> FeatureSeries, IReadOnlyList<string> Features, IReadOnlyList<string> Notes, RiskReport Report);

public sealed record TriageRow(int Rank, string Student, double Risk, string Outcome, string Why, IReadOnlyList<FeatureContribution> Reasons);

/// <param name="Students">Students ranked in all; <see cref="Rows"/> holds those within the cut-off.</param>
public sealed record TriageView(string Series, string Subject, double Threshold, int Students, string CutOff, bool Pseudonymised, AucEstimate Auc, IReadOnlyList<TriageRow> Rows);

/// <param name="Subjects">Latest grade against baseline per subject (whole subjects only).</param>
/// <param name="Results">Every result and baseline, each subject's domains too.</param>
public sealed record StudentView(
    string StudentId,
    IReadOnlyList<SubjectStanding> Subjects,
    IReadOnlyList<StudentResult> Results,
    StudentRisk? Risk,
    string ClusterSeries,
    int? Cluster,
    IReadOnlyList<string> ClusterColumns,
    ClusterProfile? ClusterProfile);

/// <param name="Published">What an earlier study reported for the same outcome, to set the honest CV figure beside (null when there is none).</param>
public sealed record ModelView(IReadOnlyList<string> Scores, IReadOnlyList<string> Attributes, PredictionResult Result, PublishedFigure? Published);

public sealed record ModelColumns(string Series, IReadOnlyList<string> Scores, IReadOnlyList<string> Attributes, IReadOnlyList<string> Protected);

public sealed record PublishedFigure(string Study, string Method, double RSquared);

/// <summary>Figures published for the shared datasets (../shared/data/SOURCES.md), recognised by their columns.</summary>
public static class PublishedFigures
{
    private static readonly string[] ExamAttributes = ["gender", "race/ethnicity", "parental level of education", "lunch", "test preparation course"];

    public static PublishedFigure? For(StudentTable table, string outcome, double? below)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (below is not null || !ExamAttributes.All(a => table.AttributeNames.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        double? r2 = outcome.Trim().ToUpperInvariant() switch
        {
            "MATHEMATICS" or "MATH" or "MATHS" => 0.242,
            "READING" => 0.115,
            "WRITING" => 0.200,
            _ => null,
        };
        return r2 is { } value ? new PublishedFigure("Exams study (StudentsPerformance.csv)", "linear regression, test R² on one 75/25 split", value) : null;
    }
}
