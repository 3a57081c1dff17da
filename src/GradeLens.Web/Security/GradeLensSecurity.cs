using System.Net;
using System.Threading.RateLimiting;
using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace GradeLens.Web.Security;

/// <summary>
/// Sign-in and roles: a cookie for pages (naming a server-side session and the account's security stamp, both checked on
/// every request), API keys for scripts, the demo's automatic sign-in on 127.0.0.1 only; policies per role with a fallback
/// that requires a signed-in user; antiforgery on every change; a rate limit on sign-in per client address (forwarded
/// headers believed only from listed proxies: TrustedProxies.cs); security headers.
/// </summary>
public static class GradeLensSecurity
{
    public const string CookieName = "gradelens";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string SignInRateLimit = "sign-in";

    private const string SelectorScheme = "GradeLens";

    public static void AddGradeLensSecurity(this WebApplicationBuilder builder, WebAppOptions options, IGradeStore store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        CheckAutomaticSignIn(options);

        var services = builder.Services;
        services.AddTrustedProxies(options.TrustedProxies);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new AccountService(store.Accounts, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AuditTrail>();

        var automatic = options.AutomaticSignIn;
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "GradeLens", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.Carries(context.Request) ? ApiKeyAuthenticationHandler.SchemeName
                : automatic && !context.Request.Cookies.ContainsKey(CookieName) ? AutomaticSignInHandler.SchemeName
                : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (automatic)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, AutomaticSignInHandler>(AutomaticSignInHandler.SchemeName, null);
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.StudentRows, p => p.RequireRole(Role.Admin.Name(), Role.Leader.Name(), Role.Teacher.Name()))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Role.Admin.Name()));

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "gradelens-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client: behind a listed proxy, the address it forwarded (TrustedProxies), not the proxy's shared one.
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.ClientAddress(),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, token) => new ValueTask(Results.Problem(
                "Too many sign-in attempts from this address. Wait a minute and try again.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts").ExecuteAsync(context.HttpContext));
        });
    }

    /// <summary>Refuses the demo's automatic sign-in on a server other computers can reach (checked before the store is opened).</summary>
    public static void CheckAutomaticSignIn(WebAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AutomaticSignIn && !OnlyLoopback(options.Urls))
        {
            throw new InvalidOperationException($"Automatic sign-in is only for a server on 127.0.0.1; {options.Urls} reaches other computers, so users must sign in.");
        }
    }

    /// <summary>Headers, then who the caller is, the sign-in rate limit, what they may reach, and the antiforgery check.</summary>
    public static void UseGradeLensSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryCheck>();
    }

    /// <summary>True when every URL binds 127.0.0.1 (or ::1, or localhost): nobody on the network can reach the server.</summary>
    public static bool OnlyLoopback(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
            (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))));

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = SignInEndpoints.Path;
        o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        // The account is read again on every request: a removed or locked user, a changed role, a new security stamp (new
        // password, lock, role or reach, signing out everywhere) or an ended session (signed out) takes effect at once.
        o.Events.OnValidatePrincipal = async context =>
        {
            var principal = context.Principal;
            var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
            var user = principal is null ? null : await accounts.ValidateSessionAsync(
                principal.SessionId(), principal.Identity?.Name, principal.FindFirst(UserPrincipal.StampClaim)?.Value, context.HttpContext.RequestAborted);
            if (user is null)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }

            context.ReplacePrincipal(UserPrincipal.Create(user, CookieAuthenticationDefaults.AuthenticationScheme, sessionId: principal!.SessionId()));
        };
    }

    /// <summary>API calls (and the admins' health report) get a status; a page that needs sign-in redirects to the sign-in page, one the role may not see gets 403.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health") || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
