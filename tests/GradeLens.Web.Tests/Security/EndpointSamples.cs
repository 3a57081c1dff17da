using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps, each with a request that exercises it on <see cref="TwoTrusts"/>. A new endpoint without a
/// sample here fails <see cref="RoleAccessTests"/>: whoever adds it must say how it is reached and by whom.
/// </summary>
public static class EndpointSamples
{
    /// <summary>"METHOD /route/pattern" -> the path and query a test sends.</summary>
    public static IReadOnlyDictionary<string, string> Requests { get; } = new Dictionary<string, string>
    {
        ["GET /signin"] = "/signin",
        ["POST /signin"] = "/signin",
        ["POST /signout"] = "/signout",
        ["POST /signout/everywhere"] = "/signout/everywhere",
        ["GET /health"] = "/health",
        ["GET /health/live"] = "/health/live",
        ["GET /health/ready"] = "/health/ready",
        ["GET /api/me"] = "/api/me",
        ["GET /openapi/{documentName}.json"] = "/openapi/v1.json",
        ["GET /api/overview"] = "/api/overview",
        ["GET /api/overview/attainment"] = "/api/overview/attainment",
        ["POST /api/imports"] = "/api/imports",
        ["GET /api/tracking/series"] = "/api/tracking/series?subject=Maths",
        ["GET /api/tracking/students"] = "/api/tracking/students?subject=Maths",
        ["GET /api/tracking/students/{studentId}/subjects"] = $"/api/tracking/students/{TwoTrusts.StudentInNorth10Y}/subjects",
        ["GET /api/tracking/baseline"] = "/api/tracking/baseline?subject=Maths",
        ["GET /api/tracking/backtest"] = "/api/tracking/backtest?subject=Maths",
        ["GET /api/tracking/groups"] = "/api/tracking/groups?subject=Maths",
        ["GET /api/tracking/subjects"] = "/api/tracking/subjects",
        ["GET /api/gaps/table"] = "/api/gaps/table?minN=1&within=subject",
        ["GET /api/gaps/table.csv"] = "/api/gaps/table.csv?minN=1&within=subject",
        ["GET /api/gaps/priorities"] = "/api/gaps/priorities?within=subject",
        ["GET /api/risk"] = "/api/risk?series=Final&subject=Maths",
        ["GET /api/filters"] = "/api/filters",
        ["GET /api/risk/curve"] = "/api/risk/curve?series=Final&subject=Maths",
        ["GET /api/models/targets"] = "/api/models/targets",
        ["GET /api/triage"] = "/api/triage?series=Final&subject=Maths",
        ["GET /api/clusters"] = "/api/clusters?series=Final&k=2",
        ["GET /api/students/{studentId}"] = $"/api/students/{TwoTrusts.StudentInNorth10Y}?series=Final&subject=Maths",
        ["GET /api/models"] = "/api/models?series=Final&outcome=Maths&features=English",
        ["GET /api/explore/choices"] = "/api/explore/choices",
        ["GET /api/explore"] = "/api/explore?subject=Maths&series=GCSE&by=gender",
        ["GET /api/explore/points"] = "/api/explore/points?subject=Maths&series=GCSE&by=gender",
        ["GET /api/explore/ranking"] = "/api/explore/ranking?subject=Maths&series=GCSE",
        ["GET /api/models/columns"] = "/api/models/columns?series=Final",
        ["GET /api/areas/"] = "/api/areas",
        ["GET /api/areas/join-report"] = "/api/areas/join-report",
        ["GET /api/areas/scatter"] = "/api/areas/scatter",
        ["GET /api/areas/correlations"] = "/api/areas/correlations?ses=true",
        ["GET /api/areas/fits"] = "/api/areas/fits",
        ["GET /api/areas/models"] = "/api/areas/models",
        ["GET /api/areas/residuals"] = "/api/areas/residuals",
        ["GET /api/areas/counties"] = "/api/areas/counties?state=Alabama",
        ["GET /api/areas/zip"] = "/api/areas/zip?code=00501",
        ["POST /api/areas/predict"] = "/api/areas/predict",
        ["GET /api/quality/choices"] = "/api/quality/choices",
        ["GET /api/quality/pass-rates"] = "/api/quality/pass-rates",
        ["GET /api/quality/trends"] = "/api/quality/trends",
        ["GET /api/quality/turnaround"] = "/api/quality/turnaround?asOf=2026-01-15",
        ["GET /api/quality/engagement"] = "/api/quality/engagement",
        ["GET /api/quality/at-risk"] = "/api/quality/at-risk",
        ["POST /api/quality/imports"] = "/api/quality/imports",
        ["GET /api/admin/users"] = "/api/admin/users",
        ["POST /api/admin/users"] = "/api/admin/users",
        ["PUT /api/admin/users/{name}"] = "/api/admin/users/nobody",
        ["DELETE /api/admin/users/{name}"] = "/api/admin/users/nobody",
        ["POST /api/admin/users/{name}/lock"] = "/api/admin/users/nobody/lock",
        ["POST /api/admin/users/{name}/password"] = "/api/admin/users/nobody/password",
        ["POST /api/admin/users/{name}/keys"] = "/api/admin/users/nobody/keys",
        ["GET /api/admin/users/{name}/keys"] = "/api/admin/users/tom/keys",
        ["DELETE /api/admin/users/{name}/keys/{keyId}"] = "/api/admin/users/nobody/keys/0123456789ab",
        ["GET /api/admin/audit"] = "/api/admin/audit",
        ["DELETE /api/imports/{id}"] = "/api/imports/999999",
        ["POST /api/audit/exports"] = "/api/audit/exports",
    };

    /// <summary>Every routed endpoint of the running app: its key ("GET /api/risk"), policies and whether it allows anonymous callers.</summary>
    public static IReadOnlyList<MappedEndpoint> Enumerate(GradeLensApplication app)
    {
        var source = app.App.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new MappedEndpoint(
                $"{method} {"/" + e.RoutePattern.RawText!.TrimStart('/')}",
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList(),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)))
            .ToList();
    }
}

/// <param name="Policies">Named policies on the endpoint (all must pass).</param>
/// <param name="HasAuthorization">Any [Authorize] metadata: without it (or AllowAnonymous) only the fallback would protect it.</param>
public sealed record MappedEndpoint(string Key, IReadOnlyList<string> Policies, bool AllowsAnonymous, bool HasAuthorization)
{
    public bool IsPage => IsBrowserAddress && !Key.Contains("/sign", StringComparison.Ordinal);

    /// <summary>An address a browser opens (a page, sign-out): without a session it redirects to sign-in instead of answering 401.</summary>
    public bool IsBrowserAddress => !Key.Contains(" /api", StringComparison.Ordinal) && !Key.Contains(" /openapi", StringComparison.Ordinal) && !Key.Contains(" /health", StringComparison.Ordinal);

    public bool IsRead => Key.StartsWith("GET ", StringComparison.Ordinal);

    public override string ToString() => Key;
}
