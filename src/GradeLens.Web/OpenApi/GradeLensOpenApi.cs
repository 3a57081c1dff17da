using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GradeLens.Web.OpenApi;

/// <summary>
/// The OpenAPI document as a contract a client can be generated from: the API's title and licence, its two ways to
/// sign in (the pages' session cookie and the scripts' bearer API key) as security schemes required by every
/// operation that needs a signed-in user, and every error answer as ProblemDetails.
/// </summary>
public static class GradeLensOpenApi
{
    public const string CookieScheme = "sessionCookie";
    public const string BearerScheme = "apiKey";

    /// <summary>What each tag (a page's API) answers, for the document's reader.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Overview"] = "What the store holds in the caller's view.",
        ["Tracking"] = "Each subject's series against the baseline, students' paths and the mocks' back-test.",
        ["Gaps"] = "Learning gaps and gaps between groups, with tests, effect sizes and q-values; priority cohorts.",
        ["Risk"] = "The at-risk model's cross-validated evaluation.",
        ["Triage"] = "Students ranked by calibrated risk with their reasons.",
        ["Clusters"] = "Recurring patterns of weakness across subjects (k-means).",
        ["Students"] = "One student's whole record.",
        ["Models"] = "Predict a score or a class from chosen columns, cross-validated.",
        ["Explore"] = "Which attributes go with higher scores: groups, tests, effect sizes and the ranking of every attribute.",
        ["Data"] = "Imports and their health reports.",
        ["Admin"] = "Users, API keys and the audit log.",
        ["Accounts"] = "The signed-in user.",
        ["Health"] = "Whether the server and its store answer.",
    };

    public static IServiceCollection AddGradeLensOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "GradeLens API";
                document.Info.Description = "Chart-ready answers behind the GradeLens dashboard: tracking, gaps and equity, risk and triage, clusters, students and models. Every figure is already narrowed to the caller's scope and suppressed below the minimum cell size.";
                document.Info.License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://gradelens.invalid/licence") };
                // The server's own address, without the trailing slash generated clients would double.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [CookieScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Security.GradeLensSecurity.CookieName,
                        Description = "The session cookie a page gets when its user signs in at /signin.",
                    },
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "glk_...",
                        Description = "An API key from 'gradelens user key NAME' or the Admin page: Authorization: Bearer glk_...",
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                // Either sign-in works; an anonymous operation (the health probes) says so with an empty requirement.
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.Security = metadata.OfType<IAllowAnonymous>().Any()
                    ? [new OpenApiSecurityRequirement()]
                    : [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                    ];

                return Task.CompletedTask;
            });
        });

    /// <summary>The error answers every signed-in endpoint can give: 400 (a bad parameter), 401 (not signed in), 403 (not allowed), all ProblemDetails.</summary>
    public static TBuilder WithStandardProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
