using System.Text.Json.Serialization;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Web.Admin;
using GradeLens.Web.Areas;
using GradeLens.Web.Clusters;
using GradeLens.Web.Data;
using GradeLens.Web.Errors;
using GradeLens.Web.Explore;
using GradeLens.Web.Filters;
using GradeLens.Web.Gaps;
using GradeLens.Web.Health;
using GradeLens.Web.Models;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Overview;
using GradeLens.Web.Pages;
using GradeLens.Web.Quality;
using GradeLens.Web.Risk;
using GradeLens.Web.Security;
using GradeLens.Web.Students;
using GradeLens.Web.Tracking;
using GradeLens.Web.Triage;
using Microsoft.Extensions.FileProviders;

namespace GradeLens.Web;

/// <summary>
/// The dashboard, as a table of contents: one store, sign-in and roles, ProblemDetails and validation, the OpenAPI
/// document, then each page's API (a folder per page: Tracking/TrackingApi.cs ...) and the pages themselves. Every
/// endpoint parses, authorises, calls its feature's entry point in Core and returns TypedResults.
/// </summary>
public static class WebApp
{
    /// <summary>
    /// Opens the store at <see cref="WebAppOptions.StorePath"/> and builds the application; the caller runs it
    /// (<c>app.RunAsync()</c>) and, when done, disposes it, which disposes the store.
    /// </summary>
    /// <exception cref="StoreBusyException">Another process owns the store file.</exception>
    /// <exception cref="StoreVersionException">The store was made by another schema version.</exception>
    public static WebApplication Build(WebAppOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        GradeLensSecurity.CheckAutomaticSignIn(options);
        TrustedProxies.Parse(options.TrustedProxies); // a malformed proxy list is said before the store is opened

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Urls);
        // Request paths and queries can hold student ids: the hosting and routing logs that print them stay off.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // /api/me hands out the antiforgery token and says "no-store" itself; the warning that the token's headers did so too is noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.Error);

        // Startup, before any request: opening synchronously surfaces a busy or foreign store to the caller at once.
        var store = StoreLocation.OpenAsync(options.StorePath).GetAwaiter().GetResult();
        builder.Services.AddSingleton<IGradeStore>(_ => store);
        builder.Services.AddSingleton<ImportRunner>(services =>
        {
            var stored = services.GetRequiredService<IGradeStore>();
            return (request, cancellationToken) => stored.ImportAsync(request, null, cancellationToken);
        });
        builder.Services.AddSingleton(new UploadLimits(options.MaxUploadBytes));
        builder.AddGradeLensSecurity(options, store);

        builder.Services.AddProblemDetails();
        builder.Services.AddValidation();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddGradeLensOpenApi();

        options.Configure?.Invoke(builder);

        var app = builder.Build();

        app.UseTrustedProxies();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = WebAssets });
        app.UseGradeLensSecurity();

        // Every endpoint below needs a signed-in user at least; the student-level ones and the admin ones name stricter policies.
        app.MapSignIn();
        app.MapHealthApi(); // /health/live and /health/ready for anyone (no data); /health for admins
        var signedIn = app.MapGroup("").RequireAuthorization(Policies.Reader);
        signedIn.MapOpenApi();
        signedIn.MapOverviewApi();
        signedIn.MapStudentFilterApi();
        signedIn.MapImportApi();
        signedIn.MapTrackingApi();
        signedIn.MapGapsApi();
        signedIn.MapRiskApi();
        signedIn.MapTriageApi();
        signedIn.MapClustersApi();
        signedIn.MapStudentsApi();
        signedIn.MapModelsApi();
        signedIn.MapExploreApi();
        signedIn.MapAreasApi();
        signedIn.MapQualityApi();
        signedIn.MapAdminApi();
        signedIn.MapPages(WebAssets);

        return app;
    }

    /// <summary>wwwroot, embedded in this assembly: the CLI serves it from whatever directory it runs in.</summary>
    internal static IFileProvider WebAssets { get; } = new ManifestEmbeddedFileProvider(typeof(WebApp).Assembly, "wwwroot");
}
