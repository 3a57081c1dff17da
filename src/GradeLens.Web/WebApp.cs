using System.Text.Json.Serialization;
using GradeLens.Core.Storage;
using GradeLens.Web.Data;
using GradeLens.Web.Errors;
using GradeLens.Web.Gaps;
using GradeLens.Web.Health;
using GradeLens.Web.Overview;
using GradeLens.Web.Pages;
using GradeLens.Web.Risk;
using GradeLens.Web.Security;
using GradeLens.Web.Tracking;
using Microsoft.Extensions.FileProviders;

namespace GradeLens.Web;

/// <summary>Builds the dashboard: the JSON API (+ OpenAPI) and the pages, over one store.</summary>
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
        builder.Services.AddSingleton(new UploadLimits(options.MaxUploadBytes));
        builder.AddGradeLensSecurity(options, store);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();

        options.Configure?.Invoke(builder);

        var app = builder.Build();

        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = WebAssets });
        app.UseGradeLensSecurity();

        // Every endpoint below needs a signed-in user at least; the student-level ones and the admin ones name stricter policies.
        app.MapSignIn();
        var signedIn = app.MapGroup("").RequireAuthorization(Policies.Reader);
        signedIn.MapOpenApi();
        signedIn.MapHealthApi();
        signedIn.MapOverviewApi();
        signedIn.MapImportApi();
        signedIn.MapTrackingApi();
        signedIn.MapGapsApi();
        signedIn.MapRiskApi();
        signedIn.MapAdminApi();
        signedIn.MapPages(WebAssets);

        return app;
    }

    /// <summary>wwwroot, embedded in this assembly: the CLI serves it from whatever directory it runs in.</summary>
    internal static IFileProvider WebAssets { get; } = new ManifestEmbeddedFileProvider(typeof(WebApp).Assembly, "wwwroot");
}
