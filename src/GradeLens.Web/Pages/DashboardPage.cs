using GradeLens.Web.Security;

namespace GradeLens.Web.Pages;

/// <summary>One page of the dashboard, as the navigation lists it.</summary>
/// <param name="Path">Its address ("/" for Overview).</param>
/// <param name="Purpose">One sentence: what the page shows (or will show).</param>
/// <param name="Content">Its body in wwwroot (e.g. "pages/overview.html"); null while the page is not built.</param>
/// <param name="Scripts">Scripts in wwwroot the page runs, after the shared ones.</param>
/// <param name="Policy">Who may open it (<see cref="Policies"/>); the API it calls enforces the same, and the store's scope narrows the rows.</param>
public sealed record DashboardPage(string Title, string Path, string Purpose, string? Content = null, IReadOnlyList<string>? Scripts = null, string Policy = Policies.Reader)
{
    /// <summary>Pages that take the filters (a school, a class, a year group: Filters/StudentFilterEndpoints.cs), shown above their content.</summary>
    public static IReadOnlySet<string> FilteredPaths { get; } = new HashSet<string>(StringComparer.Ordinal) { "/", "/tracking", "/gaps", "/equity", "/triage" };

    public bool TakesFilters => IsBuilt && FilteredPaths.Contains(Path);

    /// <summary>Every page, in navigation order (DESIGN.md's list).</summary>
    public static IReadOnlyList<DashboardPage> All { get; } =
    [
        new("Overview", "/", "What the store holds: students, schools, regions, subjects, series and rows per table.",
            "pages/overview.html", Charted("js/overview.js")),
        new("Tracking", "/tracking", "How each series went in a subject, from the baseline (expected grade) through the mocks to the final.",
            "pages/tracking.html", Charted("js/tracking-panel.js", "js/tracking.js")),
        new("Gaps", "/gaps", "Which regions, grades and subjects have the widest learning gaps, with the share below proficiency.",
            "pages/gaps.html", Charted("js/gaps.js")),
        new("Equity", "/equity", "Gaps between groups of students (gender, free meals or any attribute), with confidence intervals, significance and effect sizes.",
            "pages/equity.html", Charted("js/equity.js")),
        new("Overlap", "/overlap", "Where learning gaps and group gaps fall in the same regions, grades and subjects.",
            "pages/overlap.html", Charted("js/overlap.js")),
        new("Triage", "/triage", "Which students need help first: ranked by calibrated risk, cut at your capacity, with the reasons for each.",
            "pages/triage.html", Charted("js/model-form.js", "js/triage.js"), Policies.StudentRows),
        new("Risk", "/risk", "Each student's chance of falling below proficiency, how sure the model is, and the reasons behind it.",
            "pages/risk.html", Charted("js/model-form.js", "js/risk.js")),
        new("Clusters", "/clusters", "Recurring patterns of weakness across subjects, and which students share each one.",
            "pages/clusters.html", Charted("js/model-form.js", "js/clusters.js"), Policies.StudentRows),
        new("Students", "/students", "One student's results across subjects and series, against their baseline, with their risk and cluster.",
            "pages/students.html", Charted("js/model-form.js", "js/students.js"), Policies.StudentRows),
        new("Areas", "/areas", "How far poverty, income and unemployment explain an area's average scores, what an area with given figures would be expected to score, and which areas beat the odds.",
            "pages/areas.html", Charted("lib/topojson-client.min.js", "js/areas.js", "js/areas-models.js", "js/areas-maps.js", "js/areas-what-if.js")),
        new("Quality", "/quality", "A university's pass rates by programme and term with their intervals, feedback turnaround in working days, engagement, and modules at risk.",
            "pages/quality.html", Charted("js/quality.js")),
        new("Explore", "/explore", "Which attributes of a plain exam table go with higher scores: each group with its interval, the tests and effect sizes, and the ranking of every attribute.",
            "pages/explore.html", Charted("js/explore.js")),
        new("Models", "/models", "Predict a score or a class from chosen columns, with cross-validated figures, permutation importance and coefficients.",
            "pages/models.html", Charted("js/model-form.js", "js/models.js")),
        new("Data", "/data", "Import CSV, TSV or Excel files and read their health report: columns, mapping and every rejected row.",
            "pages/data.html", Plain("js/data.js"), Policies.Admin),
        new("Admin", "/admin", "Users and their roles, and the audit log of every sign-in, import, export and change of users.",
            "pages/admin.html", Plain("js/admin.js"), Policies.Admin),
        new("Glossary", "/glossary", "What each statistical term on these pages means, in one line; hover a dotted term anywhere for the same words.",
            "pages/glossary.html", Plain()),
    ];

    public bool IsBuilt => Content is not null;

    /// <summary>A page with charts: Plotly, then the shared kit (plain words for terms, the chart module), then its own scripts.</summary>
    private static string[] Charted(params string[] scripts) => ["lib/plotly.min.js", .. Plain(scripts)];

    /// <summary>A page without charts: the shared kit (its tables and CSV downloads are the chart module's), then its own scripts.</summary>
    private static string[] Plain(params string[] scripts) => ["js/glossary-terms.js", "js/glossary.js", "js/charts.js", .. scripts];
}
