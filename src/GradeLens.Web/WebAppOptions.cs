namespace GradeLens.Web;

/// <summary>How <see cref="WebApp.Build"/> hosts the dashboard.</summary>
/// <param name="StorePath">The store: a DuckDB file (created when absent) or a postgres:// URL (the schema is created in an empty database); opened once.</param>
/// <param name="Urls">Where Kestrel listens (semicolon-separated). Port 0 picks a free port; read it from <c>app.Urls</c> after start.</param>
/// <param name="MaxUploadBytes">Largest request POST /api/imports accepts (all files together).</param>
/// <param name="Configure">Last word on the builder before it builds: tests swap in the test server here.</param>
/// <param name="AutomaticSignIn">The demo's automatic sign-in as an admin; refused unless <paramref name="Urls"/> are all 127.0.0.1.</param>
/// <param name="SignInAttemptsPerMinute">Sign-in attempts one client address may make per minute (then 429).</param>
/// <param name="TrustedProxies">
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses or networks, comma-separated; the
/// serve command reads GRADELENS_TRUSTED_PROXIES); null or blank believes nobody's.
/// </param>
public sealed record WebAppOptions(
    string StorePath,
    string Urls = WebAppOptions.DefaultUrls,
    long MaxUploadBytes = WebAppOptions.DefaultMaxUploadBytes,
    Action<WebApplicationBuilder>? Configure = null,
    bool AutomaticSignIn = false,
    int SignInAttemptsPerMinute = 10,
    string? TrustedProxies = null)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public const long DefaultMaxUploadBytes = 512L * 1024 * 1024;
}
